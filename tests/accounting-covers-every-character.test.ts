import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../src/lib/index.js';
import type { ArchiveDocument } from '../src/lib/model.js';

// The seed captures are the archive's default content.
const seeds = path.resolve(__dirname, '../content');
const fixtures = path.resolve(__dirname, 'fixtures');
const files = [
  ...readdirSync(seeds).map((f) => path.join(seeds, f)),
  ...['flat-text', 'essay'].flatMap((d) => readdirSync(path.join(fixtures, d)).map((f) => path.join(fixtures, d, f))),
];

function check(d: ArchiveDocument, sourceLength: number) {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  expect(d.accounting.dropped.unaccounted, d.file).toBeUndefined();
  expect(d.accounting.source, d.file).toBe(sourceLength);
  expect(d.accounting.placed + sum(d.accounting.dropped), d.file).toBe(d.accounting.source);
  expect(sum(d.accounting.placedBy), d.file).toBe(d.accounting.placed);
  for (const v of [...Object.values(d.accounting.placedBy), ...Object.values(d.accounting.dropped)]) expect(v).toBeGreaterThan(0);
}

describe('accounting covers every character', () => {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const archive = buildArchive(files.map((f, i) => ({ file: f, text: texts[i]! })));

  it('has no unaccounted characters in any seed or fixture, after signatures and quotes re-claim lines', () => {
    archive.documents.forEach((d, i) => check(d, texts[i]!.length));
    const flat = archive.documents.filter((d) => d.format === 'plain-capture');
    expect(flat.length).toBeGreaterThanOrEqual(5);
    expect(flat.every((d) => (d.accounting.dropped['page-chrome'] ?? 0) > 0)).toBe(true);
  });

  it('counts a byte-order mark and carriage returns as dropped', () => {
    const raw = texts[files.findIndex((f) => f.endsWith('001_70d4a6b82208a621.txt'))]!;
    const crlf = `\ufeff${raw.replace(/\n/g, '\r\n')}`;
    const a = buildArchive([{ file: 'crlf.txt', text: crlf }, { file: 'x.txt', text: readFileSync(path.join(fixtures, 'flat-text/signature.txt'), 'utf8').replace('Old_Hand 42\n\nBanned', 'fasquardon\n\nBanned') }]);
    check(a.documents[0]!, crlf.length);
    expect(a.documents[0]!.accounting.placedBy.signature).toBe('fasquardon\n'.length);
  });

  it('places quoted, signed and user-block lines where they went', () => {
    const d = archive.documents.find((x) => x.file.endsWith('001_70d4a6b82208a621.txt'))!;
    for (const k of ['title', 'post', 'quote', 'user-block', 'badge', 'edited-marker']) expect(d.accounting.placedBy[k], k).toBeGreaterThan(0);
    for (const k of ['separator', 'page-chrome', 'blank-line']) expect(d.accounting.dropped[k], k).toBeGreaterThan(0);
  });
});

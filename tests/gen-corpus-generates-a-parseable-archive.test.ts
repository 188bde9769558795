/**
 * `npm run gen-corpus` writes a deterministic synthetic archive that the
 * importer reads back as its manifest says: same seed, same bytes; post
 * counts, authors and quote sources match the ground truth; renamed accounts
 * come out joined.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, decodeCapture, type Archive } from '../src/lib/index.js';
import type { Manifest } from '../scripts/corpus/manifest.js';

const ROOT = join(import.meta.dirname, '..');
const POSTS = 500;

function generate(out: string, seed: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-corpus.ts', '--posts', String(POSTS), '--out', out, '--seed', seed], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Every file of a folder (dot files included), sorted, with its bytes. */
function snapshot(dir: string): [string, Buffer][] {
  return readdirSync(dir)
    .sort()
    .map((f) => [f, readFileSync(join(dir, f))]);
}

describe('gen-corpus generates a parseable archive', () => {
  let base: string;
  let a: string;
  let b: string;
  let manifest: Manifest;
  let archive: Archive;
  const truthOf = (file: string) => manifest.files.find((f) => f.file === file)!;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'gen-corpus-'));
    a = join(base, 'a');
    b = join(base, 'b');
    generate(a, '42');
    generate(b, '42');
    manifest = JSON.parse(readFileSync(join(a, '.manifest.json'), 'utf8')) as Manifest;
    const files = readdirSync(a)
      .filter((f) => !f.startsWith('.'))
      .sort();
    archive = buildArchive(files.map((file) => ({ file, text: decodeCapture(readFileSync(join(a, file))).text ?? '' })));
  }, 120_000);

  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('writes byte-identical files for the same arguments', () => {
    const first = snapshot(a);
    const second = snapshot(b);
    expect(first.map(([f]) => f)).toEqual(second.map(([f]) => f));
    for (let i = 0; i < first.length; i++) expect(first[i]![1].equals(second[i]![1]), first[i]![0]).toBe(true);
  });

  it('writes both formats, a manifest whose totals agree with its per-file ground truth, and no manifest a loader would read', () => {
    const names = readdirSync(a);
    expect(names).toContain('.manifest.json');
    expect(names.filter((f) => !f.startsWith('.')).every((f) => /^t\d{6}\.(md|txt)$/.test(f))).toBe(true);
    const { totals, files } = manifest;
    expect(files.length).toBe(totals.files);
    expect(files.reduce((n, f) => n + f.posts.length, 0)).toBe(POSTS);
    expect(totals.posts).toBe(POSTS);
    expect(files.reduce((n, f) => n + f.posts.reduce((m, p) => m + p.quotes.length, 0), 0)).toBe(totals.quotes.total);
    expect(totals.byFormat['markdown-export'].threads).toBeGreaterThan(0);
    expect(totals.byFormat['plain-capture'].threads).toBeGreaterThan(0);
    expect(totals.renamedAuthors).toBeGreaterThan(0);
    for (const f of files) {
      expect(f.posts.length).toBeGreaterThanOrEqual(2);
      f.posts.forEach((p, i) => p.quotes.forEach((q) => expect(q).toBeLessThan(i + 1)));
    }
  });

  it('Markdown-export files: posts, authors and quote sources match the ground truth', () => {
    const truth = new Map(manifest.files.map((f) => [f.file, f]));
    let quotes = 0;
    for (const doc of archive.documents) {
      const expected = truth.get(doc.file)!;
      expect(doc.format, doc.file).toBe(expected.format);
      if (expected.format !== 'markdown-export') continue;
      expect(doc.title, doc.file).toBe(expected.title);
      expect(doc.posts.map((p) => p.author), doc.file).toEqual(expected.posts.map((p) => p.author));
      expect(doc.posts.map((p) => p.quotes.map((q) => q.sourcePost)), doc.file).toEqual(expected.posts.map((p) => p.quotes));
      quotes += doc.posts.reduce((n, p) => n + p.quotes.length, 0);
    }
    expect(quotes).toBe(manifest.totals.quotes.explicit + manifest.totals.quotes.explicitOldName);
  });

  it('joins renamed accounts: quotes under an old name make it an alias', () => {
    const withAliases = archive.authors.filter((au) => au.aliases.length > 0);
    expect(withAliases.length).toBeGreaterThanOrEqual(1);
    expect(withAliases.length).toBe(manifest.totals.renamedAuthors);
  });

  it('flat-text files: post counts match, and the whole archive holds the manifest\'s posts', () => {
    for (const doc of archive.documents) {
      const expected = truthOf(doc.file);
      if (expected.format === 'plain-capture') expect(doc.posts.length, doc.file).toBe(expected.posts.length);
    }
    expect(archive.documents.reduce((n, d) => n + d.posts.length, 0)).toBe(manifest.totals.posts);
  });

  it('flat-text files: authors (user blocks and signatures) and edited marks match the ground truth', () => {
    for (const doc of archive.documents) {
      const expected = truthOf(doc.file);
      if (expected.format !== 'plain-capture') continue;
      expect(doc.posts.map((p) => [p.author, p.authorEvidence]), doc.file).toEqual(expected.posts.map((p) => [p.author, p.evidence]));
      expect(doc.posts.map((p) => p.edited), doc.file).toEqual(expected.posts.map((p) => p.edited));
    }
  });

  it('flat-text files: reconstructed quotes point to the ground-truth source posts', () => {
    for (const doc of archive.documents) {
      const expected = truthOf(doc.file);
      if (expected.format !== 'plain-capture') continue;
      expect(doc.posts.map((p) => p.quotes.map((q) => q.sourcePost)), doc.file).toEqual(expected.posts.map((p) => p.quotes));
    }
  });
});

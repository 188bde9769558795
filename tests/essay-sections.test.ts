import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../src/lib/index.js';
import { CONTENT, hasShared, SHARED as shared } from './helpers/site.js';

const seed = path.join(CONTENT, '003_fbb9ff26675f38b0.txt');

describe('essays: sections', () => {
  const doc = buildArchive([{ file: seed, text: readFileSync(seed, 'utf8') }]).documents[0]!;

  it.skipIf(!hasShared('the essay headings against the gold labels'))('finds the labelled headings and no paragraph taken for a heading', () => {
    const gold = JSON.parse(readFileSync(path.join(shared, 'gold/seeds.json'), 'utf8')) as { essays: { file: string; headings: string[]; lists: number[] }[] };
    const want = gold.essays.find((e) => e.file === path.basename(seed))!;
    expect(doc.format).toBe('essay');
    expect(doc.sections.map((s) => s.title)).toEqual(want.headings);
    const lists = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'list' ? [b.items.length] : [])));
    expect(lists).toEqual(want.lists);
  });

  it('keeps a line ending with a colon as a paragraph', () => {
    const paragraphs = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])));
    expect(paragraphs).toContain('This could manifest in several ways:');
  });

  it('makes a heading followed directly by a heading a level-2 group with level-3 headings after it', () => {
    const level = (t: string) => doc.sections.find((s) => s.title === t)?.level;
    expect(level('The Actual History')).toBe(2);
    expect(level('Immediate Aftermath')).toBe(2);
    expect(level('Internal Party Dynamics')).toBe(3);
    expect(level('Long-term Impact')).toBe(2);
    expect(level('The Evolution of Soviet Governance')).toBe(3);
  });

  it('infers a shortened "What if" title and says so', () => {
    expect(doc.titleInferred).toBe(true);
    expect(doc.title).toMatch(/^What if Leon Trotsky .*\?$/);
    expect(doc.title.length).toBeLessThanOrEqual(90);
  });

  it('gives unique ids, joins hard-wrapped lines of blank-line essays and keeps text before the first heading', () => {
    const file = path.resolve(__dirname, 'fixtures/essay/wrapped-essay.txt');
    const d = buildArchive([{ file, text: readFileSync(file, 'utf8') }]).documents[0]!;
    expect(d.sections.map((s) => [s.title, s.level, s.id])).toEqual([
      ['', 2, 'introduction'],
      ['Background', 2, 'background'],
      ['Consequences', 2, 'consequences'],
      ['Trade', 3, 'trade'],
      ['Politics', 3, 'politics'],
      ['Trade', 3, 'trade-2'],
    ]);
    expect(d.sections[0]!.blocks[0]).toMatchObject({ kind: 'paragraph', line: 4 });
    expect(d.sections[3]!.blocks[1]).toEqual({ kind: 'list', items: ['Bergen', 'Novgorod', 'London'], line: 19 });
    expect(d.title).toBe('What if the League had become a federal state with its own navy?');
  });

  it('prefers a front matter title', () => {
    const d = buildArchive([{ file: 'e.txt', text: '---\ntitle: Given title\nformat: essay\n---\nHeading One\nA paragraph that is long enough to be prose, and ends with a full stop.\n' }]).documents[0]!;
    expect(d.title).toBe('Given title');
    expect(d.titleInferred).toBe(false);
    expect(d.sections.map((s) => s.title)).toEqual(['Heading One']);
  });
});

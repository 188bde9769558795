import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../src/lib/index.js';
import { hasShared, SHARED as shared } from './helpers/site.js';

const present = hasShared('the shared passages against the gold labels');
const seeds = present ? readdirSync(path.join(shared, 'seeds')).sort().map((f) => path.join(shared, 'seeds', f)) : [];

describe.skipIf(!present)('passages shared between documents', () => {
  it('links the seeds as the gold labels say', () => {
    const archive = buildArchive(seeds.map((f) => ({ file: f, text: readFileSync(f, 'utf8') })));
    const byFile = new Map(archive.documents.map((d) => [d.slug, path.basename(d.file)]));
    const gold = JSON.parse(readFileSync(path.join(shared, 'gold/seeds.json'), 'utf8')) as {
      shared_passages: { a: { file: string; post: number }; b: { file: string; post: number }; starts: string }[];
    };
    const got = archive.sharedPassages.map((s) => ({ a: { file: byFile.get(s.a.slug), post: s.a.post }, b: { file: byFile.get(s.b.slug), post: s.b.post }, starts: s.starts }));
    expect(got).toEqual(gold.shared_passages.map((g) => ({ a: g.a, b: g.b, starts: g.starts })));
  });

  it('ignores short repeats and repeats within one document', () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    const long = words(30, 'alpha');
    const a = `Thread A\n\n${long}\n\u00a0\n${long}\n\u00a0\n${words(20, 'beta')}`;
    const b = `Thread B\n\n${words(20, 'beta')}\n\u00a0\nSomething else entirely, in other words.`;
    const archive = buildArchive([{ file: 'a.txt', text: a }, { file: 'b.txt', text: b }]);
    expect(archive.sharedPassages).toEqual([]);
    const c = `Thread C\n\nAs someone wrote: ${long} and that is all.\n\u00a0\nA reply.`;
    const again = buildArchive([{ file: 'a.txt', text: a }, { file: 'c.txt', text: c }]);
    expect(again.sharedPassages.map((s) => [s.a.post, s.b.post])).toEqual([[1, 1], [2, 1]]);
  });
});

/**
 * The search records built from a small archive: every post's own words are
 * in exactly one record at the offset its map gives, a quote whose words
 * stand in its source is a range of that source (not indexed twice), other
 * quotes are items of their own, authors are found by every name, and maps
 * read back exactly as written.
 */
import { describe, expect, it } from 'vitest';
import { buildRecords, decodeMap, encodeMap, locateQuote, RECORD_POSTS, type SearchDocument } from '../src/search/records.js';
import { tokens } from '../src/search/tokens.js';

const post = (n: number, author: string | null, text: string, quotes: SearchDocument['posts'][number]['quotes'] = []): SearchDocument['posts'][number] => ({
  n,
  author,
  authorSlug: author ? author.toLowerCase() : null,
  as: null,
  date: n === 2 ? '2024-03-01T10:00:00+01:00' : null,
  text,
  quotes,
});

const quote = (sourcePost: number | null, text: string, author = 'Ace') => ({ author, authorSlug: author.toLowerCase(), authorName: author, sourcePost, sourceThread: null, text });

const thread: SearchDocument = {
  slug: 'wi-test-1a2b3c',
  title: 'WI test',
  kind: 'thread',
  posts: [
    post(1, 'Ace', 'Trotsky would purge the army less, since he built it.'),
    post(2, 'Bob', 'I doubt it.', [quote(1, 'Trotsky would purge the army less')]),
    post(3, null, 'A different view.', [quote(null, 'words from a post that is not in the capture'), quote(1, 'something Ace never wrote at all')]),
    ...Array.from({ length: RECORD_POSTS + 5 }, (_, i) => post(4 + i, 'Cy', `filler post number ${4 + i}`)),
  ],
  sections: [],
};
const essay: SearchDocument = { slug: 'essay-9f8e7d', title: 'An essay', kind: 'essay', posts: [], sections: [{ title: 'Opening', id: 'opening', text: 'The essay opens here.' }] };

describe('search records', () => {
  const entries = buildRecords([thread, essay], [{ slug: 'library-of-alexandria', name: 'Library of Alexandria', aliases: ['Pen'], postCount: 3 }]);

  it('places every post in one record, at the offset its map gives', () => {
    for (const p of thread.posts) {
      const holding = entries.filter((e) => e.map.i.some((i) => i.k === 'post' && i.t === thread.slug && i.n === p.n));
      expect(holding).toHaveLength(1);
      const item = holding[0]!.map.i.find((i) => i.k === 'post' && i.n === p.n)!;
      expect(holding[0]!.record.content.split(' ').slice(item.o, item.o + item.l)).toEqual(tokens(p.text));
    }
    // Runs of at most RECORD_POSTS posts, never two pages of one thread, with distinct URLs.
    expect(entries.every((e) => e.map.i.length <= RECORD_POSTS)).toBe(true);
    for (const e of entries) {
      const pages = new Map<string, Set<string>>();
      for (const i of e.map.i) (pages.get(i.t) ?? pages.set(i.t, new Set()).get(i.t)!).add(i.u);
      expect([...pages.values()].every((p) => p.size === 1)).toBe(true);
    }
    expect(new Set(entries.map((e) => e.record.url)).size).toBe(entries.length);
  });

  it('keeps a quote of words its source holds as a range of the source, and other quotes apart', () => {
    const source = entries.flatMap((e) => e.map.i).find((i) => i.k === 'post' && i.n === 1)!;
    expect(source.q).toEqual([['', 2, 1, 0, 6]]);
    const apart = entries.flatMap((e) => e.map.i).filter((i) => i.k === 'quote');
    expect(apart.map((i) => i.id).sort()).toEqual(['post-3-q1', 'post-3-q2']);
    expect(locateQuote(tokens('purge the army'), tokens('Trotsky would purge the army less'))).toEqual([2, 5]);
    expect(locateQuote(tokens('nothing here'), tokens('Trotsky would purge'))).toBeNull();
  });

  it('indexes essays by section and authors by every name', () => {
    expect(entries.some((e) => e.map.i[0]!.u === '/essays/essay-9f8e7d/' && e.map.i[0]!.id === 'opening')).toBe(true);
    const author = entries.find((e) => e.map.i[0]!.k === 'author')!;
    expect(author.record.content).toBe('Library of Alexandria Pen');
    expect(author.map.i[0]!.u).toBe('/authors/library-of-alexandria/');
  });

  it('reads maps back exactly as written, dates included', () => {
    for (const e of entries) expect(decodeMap(JSON.parse(JSON.stringify(encodeMap(e.map))))).toEqual(e.map);
    expect(entries.flatMap((e) => e.map.i).find((i) => i.k === 'post' && i.n === 2)!.d).toBe('2024-03-01T10:00:00+01:00');
  });
});

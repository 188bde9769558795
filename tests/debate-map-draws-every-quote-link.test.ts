/**
 * The debate map: on the 182-post seed thread, one arc for each quote link of
 * the thread's data file, every post a link to its anchor, and a text
 * equivalent; on long threads, posts and arcs are aggregated.
 */
import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attr, idsOf, readHtml, resolveLink, select, selectAll } from './helpers/html.js';
import { debateMap, type MapPost } from '../src/lib/research/debate-map';

const site = inject('site');
const index = JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8')) as { documents: { slug: string; title: string; format: string }[] };
const big = index.documents.find((d) => d.title.startsWith('WI: Trotsky leads the USSR'))!;
const data = JSON.parse(readFileSync(join(site, `data/threads/${big.slug}.json`), 'utf8')) as { posts: { n: number; author: string | null; quotes: { sourcePost: number | null; sourceThread: string | null }[] }[] };
const page = `t/${big.slug}/map/index.html`;
const tree = readHtml(join(site, page));

describe('the debate map of the 182-post seed thread', () => {
  it('draws one arc per quote link of the data file, from the quoting post to its source', () => {
    const expected = data.posts.flatMap((p) => p.quotes.filter((q) => q.sourcePost !== null && q.sourceThread === null).map((q) => `${p.n}>${q.sourcePost}`)).sort();
    const arcs = selectAll('svg[data-debate-map] path.arc', tree).map((a) => `${attr(a, 'dataFrom')}>${attr(a, 'dataTo')}`).sort();
    expect(expected.length).toBe(137);
    expect(arcs).toEqual(expected);
  });

  it('makes every post a link to its anchor in the thread', () => {
    const links = selectAll('svg[data-debate-map] a', tree);
    expect(links.map((a) => Number(attr(a, 'dataPost')))).toEqual(data.posts.map((p) => p.n));
    const ids = new Map<string, Set<string>>();
    for (const a of links) {
      const target = resolveLink(attr(a, 'href'), page)!;
      if (!ids.has(target.file)) ids.set(target.file, idsOf(readHtml(join(site, target.file))));
      expect(ids.get(target.file)!.has(target.hash), attr(a, 'href')).toBe(true);
    }
  });

  it('has a text equivalent, the most-quoted posts and the pairs who quote each other', () => {
    const rows = selectAll('details.map-text tbody tr', tree);
    const sources = new Set(data.posts.flatMap((p) => p.quotes.filter((q) => q.sourcePost !== null && q.sourceThread === null).map((q) => q.sourcePost)));
    expect(rows.length).toBe(sources.size);
    expect(select('svg[data-debate-map] title', tree)).toBeTruthy();
    const most = selectAll('#most-quoted + table tbody tr', tree);
    expect(most.length).toBeGreaterThan(0);
    expect(selectAll('#pairs + table tbody tr', tree).length).toBeGreaterThan(0);
  });
});

describe('the debate map at scale', () => {
  const thread = (n: number): MapPost[] =>
    Array.from({ length: n }, (_, i) => ({ n: i + 1, author: `a${i % 37}`, quotes: i > 0 ? [Math.max(1, i - (i % 13) * 3), ...(i % 5 === 0 ? [1] : [])] : [] }));

  it('draws every arc of a 182-post thread and merges arcs of a 2,000-post one', () => {
    expect(debateMap(thread(182)).merged).toBe(false);
    const m = debateMap(thread(2000));
    expect(m.marks).toHaveLength(2000);
    expect(m.merged).toBe(true);
    expect(m.arcs.length).toBeLessThanOrEqual(600);
    expect(m.arcs.reduce((a, x) => a + x.count, 0)).toBeLessThanOrEqual(m.links);
    expect(m.links).toBe(thread(2000).reduce((a, p) => a + p.quotes.length, 0));
  });

  it('bins posts above 2,000 and keeps every mark within the picture', () => {
    const m = debateMap(thread(20_000));
    expect(m.binned).toBe(true);
    expect(m.marks.length).toBeLessThanOrEqual(2000);
    expect(m.marks[0]!.first).toBe(1);
    expect(m.marks[m.marks.length - 1]!.last).toBe(20_000);
    for (const k of m.marks) expect(k.x).toBeGreaterThanOrEqual(0);
    for (const k of m.marks) expect(k.x).toBeLessThanOrEqual(m.width);
  });

  it('draws replies when posts carry replyTo, and ranks mutual quoting', () => {
    const m = debateMap([
      { n: 1, author: 'a', quotes: [] },
      { n: 2, author: 'b', quotes: [1] },
      { n: 3, author: 'a', quotes: [2] },
      { n: 4, author: 'c', quotes: [], replyTo: 3 },
      { n: 5, author: 'c', quotes: [1] },
    ]);
    expect(m.arcs.filter((a) => a.kind === 'reply').map((a) => [a.from, a.to])).toEqual([[4, 3]]);
    expect(m.pairs[0]).toMatchObject({ a: 'a', b: 'b', aQuotesB: 1, bQuotesA: 1 });
    expect(m.mostQuoted[0]).toMatchObject({ n: 1, count: 2, by: [2, 5] });
  });
});

/**
 * The search engine against a brute-force reading of the data files, on the
 * default build (Pagefind's own JS run in Node): for word pairs and triples
 * drawn from the posts, every post whose own words hold all the words is
 * found, every hit holds all of them, and the count is the number of hits.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeBackend } from './helpers/pagefind-node.js';
import type { Backend } from '../src/search/client/engine.js';
import { runQuery } from '../src/search/client/engine.js';
import { parseQuery } from '../src/search/client/query.js';
import { normalize, STOP_WORDS, tokens } from '../src/search/tokens.js';

interface PostData {
  n: number;
  text: string;
  authorSlug: string | null;
}
interface ThreadData {
  slug: string;
  format: string;
  posts: PostData[];
}

/** The words of a text as the index splits them, normalised. */
const wordsOf = (text: string) => tokens(text.replace(/[*_>[\]()]/g, ' ')).map(normalize).filter(Boolean);

describe('per-post matching', () => {
  let backend: Backend;
  let posts: { key: string; words: Set<string>; author: string }[];

  beforeAll(async () => {
    const site = inject('site');
    backend = await nodeBackend(site);
    const dir = join(site, 'data/threads');
    const threads = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.json')).map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as ThreadData));
    posts = threads.flatMap((t) => t.posts.map((p) => ({ key: `/t/${t.slug}/#post-${p.n}`.replace(/\/#/, `/${p.n > 50 ? `page/${Math.ceil(p.n / 50)}/` : ''}#`), words: new Set(wordsOf(p.text)), author: p.authorSlug ?? 'unknown' })));
  });

  /** Content words that stand in at least `min` posts, deterministic order. */
  function pool(min: number): string[] {
    const df = new Map<string, number>();
    for (const p of posts) for (const w of p.words) if (w.length >= 5 && !STOP_WORDS.has(w) && /^[a-z]+$/.test(w)) df.set(w, (df.get(w) ?? 0) + 1);
    return [...df].filter(([, n]) => n >= min).map(([w]) => w).sort();
  }

  it('finds every post holding all the words, and only posts holding them (by prefix, as Pagefind matches)', async () => {
    // Words of 7 letters or more: Pagefind extends a word's stem as a prefix, and short stems reach far.
    const words = pool(3).filter((w) => w.length >= 7);
    expect(words.length).toBeGreaterThan(30);
    let checked = 0;
    for (let i = 0; i + 2 < words.length && checked < 40; i += 7) {
      const query = i % 2 ? [words[i]!, words[i + 1]!] : [words[i]!, words[i + 1]!, words[i + 2]!];
      const out = await runQuery(backend, parseQuery(query.join(' ')), { kind: 'post' });
      const found = new Set(out.hits.map((h) => `${h.item.u}#${h.item.id}`));
      const want = posts.filter((p) => query.every((w) => p.words.has(w))).map((p) => p.key);
      for (const k of want) expect(found.has(k), `"${query.join(' ')}" misses ${k}`).toBe(true);
      // No post holds them all: the search says so and shows posts holding most of them.
      if (out.relaxed) {
        expect(want).toEqual([]);
        expect(out.hits.every((h) => h.partial)).toBe(true);
        continue;
      }
      for (const h of out.hits) {
        const p = posts.find((x) => x.key === `${h.item.u}#${h.item.id}`)!;
        for (const w of query) expect([...p.words].some((x) => x.startsWith(w.slice(0, 4))), `"${query.join(' ')}": ${p.key} lacks ${w}`).toBe(true);
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('filters by author exactly, per post', async () => {
    const words = pool(6);
    for (const w of words.slice(0, 10)) {
      const all = await runQuery(backend, parseQuery(w), { kind: 'post' });
      const author = all.hits[0]?.item.a;
      if (!author) continue;
      const mine = await runQuery(backend, parseQuery(w), { kind: 'post', author });
      expect(mine.hits.every((h) => h.item.a === author)).toBe(true);
      expect(mine.hits.length).toBe(all.hits.filter((h) => h.item.a === author).length);
    }
  });
});

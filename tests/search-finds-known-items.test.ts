/**
 * Known-item search: queries a researcher would type to find one post,
 * section or author they remember (tests/fixtures/search/known-items.json),
 * run in headless Chromium through the search page of the default build.
 * Prints Success@1, Success@10 and the mean reciprocal rank, and holds them
 * to a floor.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers/browser.js';
import { serve, type Served } from './helpers/serve.js';
import { ROOT } from './helpers/site.js';

type Want = { thread: string; n: number } | { essay: string; section: string } | { author: string };
interface KnownItem {
  /** Which file of tests/fixtures/search/ it comes from. */
  set?: string;
  query: string;
  filters?: Record<string, string>;
  want: Want;
  why?: string;
}

/**
 * The query sets: `known-items` (distinctive words a reader remembers, pasted
 * sentences, essay topics, names, each filter) and `known-items-realistic`
 * (common words where one post is the answer, questions as people type them,
 * paraphrases, fragments, names), written without looking at the search code.
 */
const SETS = ['known-items', 'known-items-realistic'];

/** The floor the sets together must stay above (measured figures are in the README and printed below). */
const FLOOR = { success1: 0.85, success10: 0.95, mrr: 0.88 };

/** Whether a result URL (path and anchor) is the wanted place; a quote of the wanted post counts for quoted-words queries. */
function isWanted(url: string, want: Want): boolean {
  const [path, hash = ''] = url.split('#');
  if ('author' in want) return path === `/authors/${want.author}/`;
  if ('essay' in want) return path === `/essays/${want.essay}/` && hash === want.section;
  const page = Math.floor((want.n - 1) / 50) + 1;
  const wantPath = page === 1 ? `/t/${want.thread}/` : `/t/${want.thread}/page/${page}/`;
  return path === wantPath && (hash === `post-${want.n}` || hash.startsWith(`post-${want.n}-q`));
}

describe('known-item search on the default archive', () => {
  let server: Served;
  let browser: Browser;
  let page: Page;
  let items: KnownItem[];

  beforeAll(async () => {
    items = [];
    for (const set of SETS) {
      const list = JSON.parse(await readFile(join(ROOT, `tests/fixtures/search/${set}.json`), 'utf8')) as KnownItem[];
      items.push(...list.map((i) => ({ ...i, set })));
    }
    server = await serve(inject('site'), '/');
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts the wanted post first for most queries, and in the first ten for nearly all', async () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    const ranks: { item: KnownItem; rank: number | null; top: string }[] = [];
    for (const item of items) {
      const params = new URLSearchParams({ q: item.query, ...item.filters });
      await page.goto(`${server.url}search/?${params}`);
      await page.waitForSelector('#search-status[data-count]', { timeout: 20_000 });
      const urls = await page.$$eval('[data-search-result]', (els) => els.slice(0, 11).map((e) => e.querySelector('a')!.getAttribute('href')!));
      // Links carry the highlight parameters; compare path and anchor.
      const places = urls.map((u) => {
        const url = new URL(u, 'http://x');
        return `${url.pathname}${url.hash}`;
      });
      // Author cards stand before posts; a post query is judged among the first ten results of its kind.
      const wantsAuthor = 'author' in item.want;
      const considered = places.filter((p) => wantsAuthor || !p.startsWith('/authors/')).slice(0, 10);
      const at = considered.findIndex((p) => isWanted(p, item.want));
      ranks.push({ item, rank: at >= 0 ? at + 1 : null, top: considered[0] ?? '(none)' });
    }
    const figures = (rs: typeof ranks) => ({
      n: rs.length,
      success1: rs.filter((r) => r.rank === 1).length / rs.length,
      success10: rs.filter((r) => r.rank !== null).length / rs.length,
      mrr: rs.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / rs.length,
    });
    const line = (name: string, f: ReturnType<typeof figures>) =>
      `known-item search (${name}): ${f.n} queries, Success@1 ${f.success1.toFixed(3)}, Success@10 ${f.success10.toFixed(3)}, MRR ${f.mrr.toFixed(3)}`;
    const { success1, success10, mrr, n } = figures(ranks);
    const misses = ranks.filter((r) => r.rank !== 1).map((r) => `  ${r.rank ?? '>10'}\t${JSON.stringify(r.item.query)} ${JSON.stringify(r.item.filters ?? {})} → first: ${r.top}`);
    process.stdout.write(
      `\n${SETS.map((s) => line(s, figures(ranks.filter((r) => r.item.set === s)))).join('\n')}\n${line('all', { n, success1, success10, mrr })}\n` +
        (misses.length ? `not first:\n${misses.join('\n')}\n` : ''),
    );
    expect(success1).toBeGreaterThanOrEqual(FLOOR.success1);
    expect(success10).toBeGreaterThanOrEqual(FLOOR.success10);
    expect(mrr).toBeGreaterThanOrEqual(FLOOR.mrr);
  });
});

/**
 * Search in a browser, on the `/` build and the `/archive/` build: own words
 * find their post and the link highlights them there; every word must be in
 * one post; a pasted sentence finds its source with the quoting posts under
 * it, and quoted words are apart from own words; names find authors; author
 * and thread filters narrow; Pagefind's default options give working links;
 * Back restores the results; the header box reaches the search page with the
 * query kept. Phrases are picked from the built JSON data files.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers/browser.js';
import { serve, type Served } from './helpers/serve.js';

interface QuoteData { author: string | null; sourcePost: number | null; sourceThread: string | null; text: string }
interface PostData { n: number; author: string | null; authorAsWritten: string | null; authorSlug: string | null; text: string; quotes: QuoteData[] }
interface ThreadData { slug: string; title: string; format: string; url: string; posts: PostData[]; sections: { title: string; blocks: { kind: string; text?: string; items?: string[] }[] }[] }

async function readThreads(dir: string): Promise<ThreadData[]> {
  const files = (await readdir(join(dir, 'data/threads'))).filter((f) => f.endsWith('.json'));
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, 'data/threads', f), 'utf8')) as ThreadData));
}

/** Words as Pagefind sees them: camelCase and hyphenated words also as their parts, hyphenated ones also joined. */
const words = (s: string) => {
  const lower = s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return [...(lower.match(/[a-z]+/g) ?? []), ...(lower.match(/[a-z]+(?:-[a-z]+)+/g) ?? []).map((w) => w.replace(/-/g, ''))];
};
/** A word's family as Pagefind's stemmer may see it: its first 6 letters. */
const stem = (w: string) => w.slice(0, 6);

/** The post number a result's URL points at (`#post-N` or a quote in it, `#post-N-qK`). */
const postN = (url: string) => Number(/#post-(\d+)/.exec(url)?.[1]);

/** Every text in the archive, tagged with what it is. */
function texts(threads: ThreadData[]) {
  const out: { kind: 'own' | 'quote' | 'essay'; thread: string; n: number; text: string }[] = [];
  for (const t of threads) {
    for (const p of t.posts) {
      out.push({ kind: 'own', thread: t.slug, n: p.n, text: p.text });
      for (const q of p.quotes) out.push({ kind: 'quote', thread: t.slug, n: p.n, text: q.text });
    }
    for (const s of t.sections) out.push({ kind: 'essay', thread: t.slug, n: 0, text: s.title });
    for (const s of t.sections) for (const b of s.blocks) out.push({ kind: 'essay', thread: t.slug, n: 0, text: b.text ?? (b.items ?? []).join(' ') });
  }
  return out;
}

/** Which texts each word family occurs in. */
function families(all: ReturnType<typeof texts>) {
  const where = new Map<string, Set<number>>();
  all.forEach((t, i) => {
    for (const w of words(t.text)) {
      const k = stem(w);
      let s = where.get(k);
      if (!s) where.set(k, (s = new Set()));
      s.add(i);
    }
  });
  return where;
}

/** A long plain word whose family occurs in exactly one text, chosen among the texts `ok` accepts. */
function distinctive(threads: ThreadData[], ok: (t: ReturnType<typeof texts>[number]) => boolean): { word: string; n: number; thread: string } {
  const all = texts(threads);
  const where = families(all);
  const keys = [...where.keys()];
  for (const t of all) {
    if (!ok(t)) continue;
    // Plain lowercase words only: Pagefind also indexes the parts of camelCase and hyphenated words.
    const plain = t.text.match(/(?<![\w'’-])[a-z]{9,}(?![\w'’-])/g) ?? [];
    const w = plain.find((w) => where.get(stem(w))!.size === 1 && keys.filter((k) => k.startsWith(stem(w).slice(0, 5))).length === 1);
    if (w) return { word: w, n: t.n, thread: t.thread };
  }
  throw new Error('no distinctive word found');
}

describe.each([
  { name: '/', site: () => inject('site'), base: '/' },
  { name: '/archive/', site: () => inject('siteArchive'), base: '/archive/' },
])('search on the $name build', ({ site, base }) => {
  let server: Served;
  let browser: Browser;
  let page: Page;
  let threads: ThreadData[];
  let md: ThreadData;

  beforeAll(async () => {
    const dir = site();
    threads = await readThreads(dir);
    md = threads.find((t) => t.format === 'markdown-export')!;
    server = await serve(dir, base);
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the search page with these parameters and waits for the results. */
  async function search(params: Record<string, string>) {
    await page.goto(`${server.url}search/?${new URLSearchParams(params)}`);
    await page.waitForSelector('#search-status[data-count]').catch(async (e: Error) => {
      throw new Error(`${e.message}\nsearch page status: ${await page.textContent('#search-status')}`);
    });
    return page.$$eval('[data-search-result]', (els) =>
      els.map((e) => ({ kind: e.getAttribute('data-search-result'), url: e.getAttribute('data-url')!, author: e.getAttribute('data-author'), thread: e.getAttribute('data-thread'), href: e.querySelector('a')!.getAttribute('href')! })),
    );
  }
  const count = () => page.$eval('#search-status', (e) => Number((e as HTMLElement).dataset.count));

  it('finds a post by a distinctive word of its own, first, and highlights it there', async () => {
    const { word, n } = distinctive(threads, (t) => t.kind === 'own' && t.thread === md.slug);
    const results = await search({ q: word });
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.url, `search for "${word}"`).toBe(`${base}t/${md.slug}/${n > 50 ? `page/${Math.ceil(n / 50)}/` : ''}#post-${n}`);
    expect(results[0]!.kind).toBe('post');
    expect(results[0]!.href.startsWith(base)).toBe(true);
    await page.click('[data-search-result] a');
    await page.waitForURL(/pf_highlight=/);
    expect(new URL(page.url()).pathname.startsWith(base)).toBe(true);
    const mark = await page.waitForSelector(`#post-${n} mark`, { timeout: 10_000 });
    expect((await mark.textContent())!.toLowerCase()).toBe(word);
    // Only the target post is marked.
    expect(await page.$$eval('mark', (m, id) => m.every((x) => x.closest(`#${id}`)), `post-${n}`)).toBe(true);
  });

  it('finds an essay section by a distinctive word and highlights it in that section', async () => {
    const essay = threads.find((t) => t.format === 'essay' && t.sections.length > 0);
    if (!essay) return;
    const { word } = distinctive(threads, (t) => t.kind === 'essay' && t.thread === essay.slug);
    const results = await search({ q: word, kind: 'essay' });
    expect(results[0]?.kind).toBe('essay');
    expect(results[0]!.url.startsWith(`${base}essays/${essay.slug}/#`)).toBe(true);
    const id = results[0]!.url.split('#')[1]!;
    await page.click('[data-search-result] .result-title');
    const mark = await page.waitForSelector(`[id="${id}"] mark`, { timeout: 10_000 });
    expect((await mark.textContent())!.toLowerCase()).toBe(word);
  });

  it('finds where a pasted sentence is from: the source post first, its quoting posts listed under it; quoted words apart', async () => {
    // Post 3 of the Markdown thread quotes post 2 (Bregil).
    const quoting = md.posts.find((p) => p.quotes.some((q) => q.sourcePost === 2 && !q.sourceThread))!;
    expect(quoting).toBeDefined();
    const source = md.posts.find((p) => p.n === 2)!;
    const quote = quoting.quotes.find((q) => q.sourcePost === 2)!;
    expect(source.text).toContain(quote.text.slice(0, 40));
    const phrase = quote.text.split(/[.!?]/)[0]!.split(/\s+/).slice(0, 8).join(' ').replace(/["]/g, '');
    const quoters = md.posts.filter((p) => p.quotes.some((q) => q.sourcePost === 2 && q.text.includes(phrase))).map((p) => p.n);

    // Pasted without quote marks: the source first, not the near-identical quotes.
    const pasted = await search({ q: phrase });
    expect(pasted[0]!.url).toBe(`${base}t/${md.slug}/#post-2`);
    expect(pasted[0]!.author).toBe('bregil');
    expect(pasted.some((r) => r.kind === 'quote' && quoters.includes(postN(r.url)))).toBe(false);
    const quotedIn = await page.$$eval('[data-search-result]:first-child .result-more a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(quotedIn.map((h) => postN(h)).sort((a, b) => a - b)).toEqual([...quoters].sort((a, b) => a - b));

    // The quoted-words filter finds the quoting posts on their own, and names both people.
    const inQuotes = await search({ q: `"${phrase}"`, kind: 'quote' });
    expect(inQuotes.length).toBe(quoters.length);
    expect(inQuotes.every((r) => r.kind === 'quote')).toBe(true);
    expect(inQuotes.map((r) => postN(r.url)).sort((a, b) => a - b)).toEqual([...quoters].sort((a, b) => a - b));
    expect(await page.$eval('[data-search-result] .result-by', (e) => e.textContent)).toMatch(/, quoting Bregil$/);
    expect(await page.$eval('[data-search-result] .result-more a', (e) => e.getAttribute('href'))).toMatch(new RegExp(`^${base}t/${md.slug}/\\?pf_highlight=.*#post-2$`));
    expect(inQuotes.every((r) => /#post-\d+-q\d+$/.test(r.url))).toBe(true);
    // Following a quote's result marks the words in that quote.
    const first = inQuotes[0]!.url.split('#')[1]!;
    await page.click('[data-search-result] .result-title a');
    await page.waitForSelector(`#${first} mark`, { timeout: 10_000 });
    expect(await page.$$eval('mark', (m, id) => m.every((x) => x.closest(`#${id}`)), first)).toBe(true);

    const own = await search({ q: `"${phrase}"`, kind: 'own' });
    expect(own[0]!.url).toBe(`${base}t/${md.slug}/#post-2`);
    expect(own.every((r) => r.kind === 'post' || r.kind === 'essay')).toBe(true);
  });

  it('matches every word in one post, counts exactly, and ignores stop words', async () => {
    const results = await search({ q: 'purge the army' });
    const n = await count();
    expect(n).toBe(results.length); // fewer than a page: all shown
    expect(n).toBeLessThan(10);
    const own = (url: string) => {
      const t = threads.find((x) => url.includes(`/${x.slug}/`))!;
      if (t.format === 'essay') return t.sections.map((s) => s.blocks.map((b) => b.text ?? (b.items ?? []).join(' ')).join(' ')).join(' ');
      return t.posts.find((p) => p.n === postN(url))!.text;
    };
    for (const r of results) {
      const text = own(r.url).toLowerCase();
      expect(text, r.url).toMatch(/purg/);
      expect(text, r.url).toMatch(/army/);
    }
    // Stop words are neither required nor marked.
    expect(await page.$$eval('[data-search-result] mark', (m) => m.map((x) => x.textContent!.toLowerCase()).filter((t) => t === 'the'))).toEqual([]);
  });

  it('shows an author first for their name or an older name, with their posts one click away', async () => {
    const renamed = (JSON.parse(await readFile(join(site(), 'data/index.json'), 'utf8')) as { authors: { slug: string; name: string; aliases: string[] }[] }).authors.find((a) => a.aliases.length > 0)!;
    expect(renamed).toBeDefined();
    for (const q of [renamed.name, renamed.aliases[0]!]) {
      const results = await search({ q });
      expect(results[0]!.kind, q).toBe('author');
      expect(results[0]!.url).toBe(`${base}authors/${renamed.slug}/`);
    }
    await page.click('[data-search-result="author"] .result-more a');
    await page.waitForSelector('#search-status[data-count]');
    const theirs = await page.$$eval('[data-search-result]', (els) => els.map((e) => e.getAttribute('data-author')));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((a) => a === renamed.slug)).toBe(true);
    // Their filter finds what was posted under the older name too.
    const asOld = md.posts.filter((p) => p.authorAsWritten === renamed.aliases[0]);
    if (asOld.length) {
      const old = asOld[0]!;
      const word = old.text.match(/[A-Za-z]{6,}/)![0];
      const results = await search({ q: word, author: renamed.slug });
      expect(results.some((r) => postN(r.url) === old.n)).toBe(true);
    }
  });

  it('index URLs are relative to the site root: Pagefind with its default options links to the right post', async () => {
    await page.goto(`${server.url}search/`);
    // A string, so that vitest does not rewrite the page's own dynamic import.
    const url = (await page.evaluate(`(async () => {
      const pf = await import('${base}pagefind/pagefind.js');
      await pf.options({});
      const r = await pf.search('testament');
      return (await r.results[0].data()).url;
    })()`)) as string;
    expect(url.startsWith(`${base}t/`) || url.startsWith(`${base}essays/`)).toBe(true);
    if (base !== '/') expect(url.startsWith(`${base}${base.slice(1)}`)).toBe(false);
    await page.goto(`${server.origin}${url}`);
    const id = url.split('#')[1]!;
    expect(await page.$(`[id="${id}"]`)).not.toBeNull();
  });

  it('going back from a result restores the results and the scroll position', async () => {
    await page.setViewportSize({ width: 800, height: 500 });
    await search({ q: 'Trotsky' });
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-result]').length > 10);
    const shown = await page.$$eval('[data-search-result]', (e) => e.length);
    const link = page.locator('[data-search-result]').nth(shown - 2).locator('a').first();
    await link.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const y = await page.evaluate(() => scrollY);
    expect(y).toBeGreaterThan(300);
    await link.click();
    await page.waitForURL(/pf_highlight=/);
    await page.goBack();
    await page.waitForSelector('#search-status[data-count]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-result]').length >= n, shown);
    await page.waitForFunction((want) => Math.abs(scrollY - want) < 40, y, { timeout: 5000 });
  });

  it('finds what-if claims as a kind of their own, each at its #post-N-cK anchor', async () => {
    const results = await search({ q: 'Trotsky', kind: 'claim' });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.kind === 'claim' && /#post-\d+-c\d+$/.test(r.url))).toBe(true);
    expect(await page.$eval('[data-search-result] .result-by', (e) => e.textContent)).toMatch(/a what-if, as found by a rule$/);
    const url = results[0]!.url;
    await page.goto(`${server.origin}${url}`);
    expect(await page.$(`[id="${url.split('#')[1]}"]`)).not.toBeNull();
    // A thread's what-ifs without any words.
    const all = await search({ kind: 'claim', thread: md.slug });
    expect(all.length).toBeGreaterThan(results.filter((r) => r.thread === md.slug).length - 1);
    expect(all.every((r) => r.thread === md.slug && r.kind === 'claim')).toBe(true);
  });

  it('narrows by author and by thread, and sorts in thread order on request', async () => {
    const all = await search({ q: 'Trotsky' });
    expect(all.length).toBeGreaterThan(0);
    expect(await count()).toBeGreaterThanOrEqual(all.length);
    expect(new Set(all.map((r) => r.author)).size).toBeGreaterThan(1);
    expect(new Set(all.map((r) => r.thread)).size).toBeGreaterThan(1);
    const byBregil = await search({ q: 'Trotsky', author: 'bregil' });
    expect(byBregil.length).toBeGreaterThan(0);
    expect(byBregil.every((r) => r.author === 'bregil')).toBe(true);
    // Every post of Bregil's that says Trotsky in own words is among them.
    const bregilSays = md.posts.filter((p) => p.authorSlug === 'bregil' && /trotsky/i.test(p.text)).map((p) => p.n);
    expect(bregilSays.every((n) => byBregil.some((r) => r.kind === 'post' && postN(r.url) === n))).toBe(true);

    const inThread = await search({ q: 'Trotsky', thread: md.slug, sort: 'thread' });
    expect(inThread.length).toBeGreaterThan(0);
    expect(inThread.every((r) => r.thread === md.slug)).toBe(true);
    const ns = inThread.map((r) => postN(r.url));
    expect(ns).toEqual([...ns].sort((a, b) => a - b));
    // The filters are in the form, from the URL.
    expect(await page.$eval('#thread', (e) => (e as HTMLSelectElement).value)).toBe(md.slug);
    expect(await page.$eval('#sort', (e) => (e as HTMLSelectElement).value)).toBe('thread');
  });

  it('reaches the search page from the header box of a thread page, with the query kept', async () => {
    await page.goto(`${server.url}t/${md.slug}/`);
    expect(await page.$$eval('script[src], script[type="module"]', (s) => s.length)).toBe(0);
    await page.fill('#site-search', 'Red Army');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=Red\+Army/);
    expect(new URL(page.url()).pathname).toBe(`${base}search/`);
    await page.waitForSelector('#search-status[data-count]');
    expect(await page.inputValue('#q')).toBe('Red Army');
    expect(await page.inputValue('#site-search')).toBe('Red Army');
    expect(await page.$$('[data-search-result]')).not.toHaveLength(0);
  });
});

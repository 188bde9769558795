/**
 * Quotes read like a forum's best: the whole quote head is a link naming the
 * post ("Ace009 said in #100 ↑", an old name with the account's name now);
 * a quote longer than about 8 lines shows its first lines and folds the rest
 * in a `<details>` that opens without JavaScript; "Quoted by" names who
 * quotes; quote links and pager links are at least 24 px each way on a phone.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedSite } from './helpers/served-site.js';
import { attr, readHtml, select, selectAll, toString } from './helpers/html.js';
import { foldQuote, quoteLines } from '../src/lib/text/fold-quote.js';

interface Index {
  documents: { slug: string; format: string; posts: number; url: string }[];
  authors: { name: string; aliases: string[] }[];
}
const dir = inject('site');
const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as Index;
const threads = index.documents.filter((d) => d.format !== 'essay' && d.posts > 0);
const big = [...threads].sort((a, b) => b.posts - a.posts)[0]!;
/** Every page of every thread, as paths below the site. */
const threadPages = threads.flatMap((t) => Array.from({ length: Math.ceil(t.posts / 50) }, (_, i) => (i === 0 ? t.url : `${t.url}page/${i + 1}/`)));

const site = useServedSite(dir);

describe('foldQuote', () => {
  const para = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i + 1} says something about the purges.`).join(' ');
  it('leaves a quote of 8 lines or fewer whole', () => {
    expect(foldQuote('One line.').rest).toBeNull();
    expect(foldQuote(Array(8).fill('a short line').join('\n')).rest).toBeNull();
  });
  it('cuts a long quote after about four lines, keeping every word', () => {
    const text = [para(3), '', para(3), '', para(6), '', para(4)].join('\n');
    const f = foldQuote(text);
    expect(f.lines).toBe(quoteLines(text));
    expect(f.lines).toBeGreaterThan(8);
    expect(f.rest).not.toBeNull();
    expect(quoteLines(f.head)).toBeLessThanOrEqual(5);
    expect(`${f.head} ${f.rest}`.split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
  });
  it('cuts one long paragraph at the end of a sentence', () => {
    const f = foldQuote(para(20));
    expect(f.head).toMatch(/purges\.$/);
    expect(f.rest).toMatch(/^Sentence number \d+/);
  });
  it('never throws on odd input', () => {
    for (const t of ['', '\n\n\n', 'x'.repeat(5000), '```\ncode\n```\n'.repeat(40)]) expect(() => foldQuote(t)).not.toThrow();
  });
});

describe('quote heads', () => {
  it('are one link naming the post quoted', () => {
    let n = 0;
    for (const p of threadPages) {
      const tree = readHtml(join(dir, p, 'index.html'));
      for (const q of selectAll('blockquote > .qh', tree)) {
        const text = toString(q).trim();
        if (q.tagName !== 'a') continue;
        n++;
        expect(text, p).toMatch(/^\S.* said in (.+ )?#\d+ ↑$/);
        const num = /#(\d+) ↑$/.exec(text)![1];
        expect(attr(q, 'href'), p).toMatch(new RegExp(`#post-${num}$`));
      }
    }
    expect(n).toBeGreaterThan(100);
  });
  it('say an old name together with the account’s name now', () => {
    const renamed = index.authors.find((a) => a.aliases.length > 0);
    expect(renamed, 'a renamed account in the default archive').toBeDefined();
    const heads = threadPages.flatMap((p) => selectAll('a.qh', readHtml(join(dir, p, 'index.html'))).map((q) => toString(q).trim()));
    const alias = renamed!.aliases[0]!;
    expect(heads.some((h) => h.startsWith(`${alias} (now ${renamed!.name}) said in #`))).toBe(true);
  });
  it('"Quoted by" names who quotes', () => {
    const tree = readHtml(join(dir, big.url, 'index.html'));
    const qb = selectAll('.post > footer .qb', tree).map((e) => toString(e));
    expect(qb.length).toBeGreaterThan(0);
    for (const t of qb) expect(t).toMatch(/^Quoted by #\d+ \S.*/);
  });
});

describe('long quotes fold', () => {
  it('show their first lines and open without JavaScript', async () => {
    const page = threadPages.find((p) => select('details.fold', readHtml(join(dir, p, 'index.html'))));
    expect(page, 'a thread page with a long quote').toBeDefined();
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      const tab = await context.newPage();
      await tab.goto(`${site.server.url}${page!.slice(1)}`);
      const fold = tab.locator('details.fold').first();
      const quote = tab.locator('blockquote', { has: fold }).first();
      const summary = fold.locator('summary');
      await expect.poll(() => summary.innerText()).toMatch(/^Show the whole quote \((\d+) lines\)$/);
      const lines = Number(/\((\d+) lines\)/.exec(await summary.innerText())![1]);
      expect(lines).toBeGreaterThan(8);
      // The first lines are shown, the rest is not.
      expect((await quote.locator(':scope > p').first().innerText()).length).toBeGreaterThan(0);
      const rest = fold.locator(':scope > :not(summary)').first();
      expect(await rest.isVisible()).toBe(false);
      const closed = (await quote.boundingBox())!.height;
      await summary.click();
      expect(await rest.isVisible()).toBe(true);
      expect((await quote.boundingBox())!.height).toBeGreaterThan(closed + 50);
      expect(await summary.innerText()).toBe('Show less');
    } finally {
      await context.close();
    }
  });
});

describe('tap targets', () => {
  it('quote links and pager links are at least 24 × 24 px on a phone', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const tab = await context.newPage();
      for (const p of [big.url, `${big.url}page/2/`]) {
        await tab.goto(`${site.server.url}${p.slice(1)}`);
        const small = await tab.evaluate(() =>
          [...document.querySelectorAll('a.qh, .pager a, .post > footer a, details.fold > summary')]
            .map((e) => ({ e, r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.height < 24 || r.width < 24)
            .map(({ e, r }) => `${e.textContent} ${Math.round(r.width)}×${Math.round(r.height)}`),
        );
        expect(small, p).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});

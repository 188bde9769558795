/**
 * Wayfinding, in Chromium: the landed-on post (`:target`) is marked at 3:1
 * or more against the page in light and dark; a landed-on quote keeps the
 * quoting post's header in view; `#post-N` of a post on another page of the
 * thread lands on that page at that post; "Go to post #" takes the reader to
 * the post; `page/1/` leads to the thread; "Copy link" is a link to the
 * permalink that script turns into copying.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { useServedSite } from './helpers/served-site.js';
import { attr, readHtml, select } from './helpers/html.js';

interface Index {
  documents: { slug: string; format: string; posts: number; url: string }[];
}
const dir = inject('site');
const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as Index;
const big = index.documents.filter((d) => d.format !== 'essay').sort((a, b) => b.posts - a.posts)[0]!;

const site = useServedSite(dir);

async function withContext<T>(o: Parameters<Browser['newContext']>[0], f: (c: BrowserContext) => Promise<T>): Promise<T> {
  const c = await site.browser.newContext(o);
  try {
    return await f(c);
  } finally {
    await c.close();
  }
}

/** WCAG contrast ratio of two CSS colours as Chromium computes them (`rgb(…)`). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('the landed-on post', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`is marked at 3:1 or more against the page (${scheme})`, async () => {
      const ratio = await withContext({ colorScheme: scheme }, async (c) => {
        const page = await c.newPage();
        await page.goto(`${site.server.url}${big.url.slice(1)}#post-3`);
        const { mark, bg, plain } = await page.evaluate(() => {
          const s = getComputedStyle(document.getElementById('post-3')!);
          return { mark: s.borderLeftColor, bg: getComputedStyle(document.body).backgroundColor, plain: getComputedStyle(document.getElementById('post-4')!).borderLeftWidth };
        });
        expect(plain).toBe('0px');
        return contrast(mark, bg);
      });
      console.log(`highlight contrast (${scheme}): ${ratio.toFixed(2)}:1`);
      expect(ratio).toBeGreaterThanOrEqual(3);
    });
  }
  it('shows who is quoting when the link lands on a quote', async () => {
    await withContext({ viewport: { width: 390, height: 844 } }, async (c) => {
      const page = await c.newPage();
      // A quote far enough down its post that plain scrolling would hide the post's header.
      let id: string | null = null;
      let at = '';
      for (const d of index.documents.filter((x) => x.format !== 'essay')) {
        for (let k = 1; k <= Math.ceil(d.posts / 50) && !id; k++) {
          at = k === 1 ? d.url : `${d.url}page/${k}/`;
          await page.goto(`${site.server.url}${at.slice(1)}`);
          id = await page.evaluate(() => {
            for (const q of document.querySelectorAll('article.post > blockquote[id]')) {
              const h = q.closest('article')!.querySelector(':scope > header')!;
              if (q.getBoundingClientRect().top - h.getBoundingClientRect().bottom > 600) return q.id;
            }
            return null;
          });
        }
        if (id) break;
      }
      expect(id, 'a quote well below its post header').toBeTruthy();
      await page.goto(`${site.server.url}${at.slice(1)}#${id}`);
      const r = await page.evaluate((id) => {
        const q = document.getElementById(id)!;
        const h = q.closest('article')!.querySelector(':scope > header')!.getBoundingClientRect();
        return { header: h.top, headerBottom: h.bottom, quote: q.getBoundingClientRect().top };
      }, id!);
      expect(r.header).toBeGreaterThanOrEqual(0);
      expect(r.headerBottom).toBeLessThanOrEqual(r.quote + 1);
      expect(r.quote).toBeLessThan(844 / 2);
    });
  });
});

describe('finding a post', () => {
  it('#post-120 on the thread’s first page lands on page 3 at post 120', async () => {
    await withContext({}, async (c) => {
      const page = await c.newPage();
      await page.goto(`${site.server.url}${big.url.slice(1)}#post-120`);
      await page.waitForURL(/\/page\/3\/#post-120$/);
      await page.waitForLoadState('load');
      const top = await page.evaluate(() => document.getElementById('post-120')!.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(50);
    });
  });
  it('"Go to post #" takes the reader to the post', async () => {
    await withContext({}, async (c) => {
      const page = await c.newPage();
      await page.goto(`${site.server.url}${big.url.slice(1)}page/2/`);
      await page.fill('#goto-n', '7');
      await page.click('.goto button');
      await page.waitForURL(new RegExp(`${big.url}#post-7$`));
    });
  });
  it('"Go to post #" without JavaScript leads to a list of the thread’s pages', async () => {
    await withContext({ javaScriptEnabled: false }, async (c) => {
      const page = await c.newPage();
      await page.goto(`${site.server.url}${big.url.slice(1)}`);
      await page.fill('#goto-n', '120');
      await page.click('.goto button');
      await page.waitForURL(/\/go\/\?n=120$/);
      await page.click('text=Posts 101–150');
      await page.waitForURL(new RegExp(`${big.url}page/3/$`));
    });
  });
  it('page/1/ leads to the thread', async () => {
    const html = readFileSync(join(dir, big.url, 'page/1/index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${big.url}"`);
    await withContext({ javaScriptEnabled: false }, async (c) => {
      const page = await c.newPage();
      await page.goto(`${site.server.url}${big.url.slice(1)}page/1/`);
      await page.waitForURL(new RegExp(`${big.url}$`));
      expect(await page.locator('h1').innerText()).not.toBe('');
    });
  });
});

describe('Copy link', () => {
  it('is a link to the permalink, turned into copying by script', async () => {
    const path = `${big.url}5/`;
    const a = select('a.copy-link', readHtml(join(dir, path, 'index.html')));
    expect(a && attr(a, 'href')).toBe(path);
    await withContext({ permissions: ['clipboard-read', 'clipboard-write'] }, async (c) => {
      const page = await c.newPage();
      await page.goto(`${site.server.url}${path.slice(1)}`);
      await page.click('a.copy-link');
      await expect.poll(() => page.locator('a.copy-link').innerText()).toBe('Link copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.server.origin}${path}`);
      expect(page.url()).toBe(`${site.server.url}${path.slice(1)}`);
    });
  });
});

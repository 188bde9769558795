/**
 * Reading layout, as a reader sees it in Chromium: body text of a thread, a
 * permalink and an essay runs 65–75 characters a line; the thread head is one
 * line of facts with the people in a `<details>` and the data links in a footer
 * "About this capture"; pages 2+ say which posts they hold; the site footer
 * stands at the bottom of a short page; "Threads" is marked current on thread
 * pages; counts say "1 post", never "1 posts" or "documents".
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useServedSite } from './helpers/served-site.js';
import { filesOf, readHtml, select, selectAll, toString } from './helpers/html.js';

interface Index {
  documents: { slug: string; format: string; posts: number; url: string }[];
}
const dir = inject('site');
const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as Index;
const threads = index.documents.filter((d) => d.format !== 'essay' && d.posts > 0).sort((a, b) => b.posts - a.posts);
const big = threads[0]!;
const small = threads[threads.length - 1]!;
const essay = index.documents.find((d) => d.format === 'essay')!;

const site = useServedSite(dir);

async function open(path: string, width = 1280): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: width < 500 ? 844 : 900 } });
  await page.goto(`${site.server.url}${path.replace(/^\//, '')}`, { waitUntil: 'load' });
  return page;
}

/** Median characters a line of the long paragraphs matched by `sel`: the text box's width over the mean width of its characters. */
async function charactersPerLine(page: Page, sel: string): Promise<{ n: number; median: number }> {
  return page.evaluate((sel) => {
    const out: number[] = [];
    for (const el of [...document.querySelectorAll(sel)] as HTMLElement[]) {
      const text = el.textContent ?? '';
      if (text.length < 200) continue;
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = text;
      el.appendChild(probe);
      const w = probe.getBoundingClientRect().width;
      probe.remove();
      const cs = getComputedStyle(el);
      out.push((el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)) / (w / text.length));
    }
    out.sort((a, b) => a - b);
    return { n: out.length, median: out[Math.floor(out.length / 2)] ?? 0 };
  }, sel);
}

describe('measure', () => {
  const permalinkWithLongText = () => {
    for (const f of filesOf(join(dir, 't'), 'index.html')) {
      if (!/^[^/]+\/\d+\/index\.html$/.test(f)) continue;
      const ps = selectAll('#post > p', readHtml(join(dir, 't', f)));
      if (ps.filter((p) => toString(p).length >= 200).length >= 2) return `t/${f.replace(/index\.html$/, '')}`;
    }
    throw new Error('no permalink page with long paragraphs');
  };
  for (const [name, path, sel] of [
    ['thread page', () => big.url, '.post > p'],
    ['permalink page', permalinkWithLongText, '#post > p'],
    ['essay', () => essay.url, '.essay section > p'],
  ] as const) {
    it(`the ${name} runs 65–75 characters a line`, async () => {
      const page = await open(path());
      try {
        const m = await charactersPerLine(page, sel);
        expect(m.n).toBeGreaterThan(0);
        expect(m.median).toBeGreaterThanOrEqual(65);
        expect(m.median).toBeLessThanOrEqual(75);
      } finally {
        await page.close();
      }
    });
  }
});

describe('thread head', () => {
  const tree = () => readHtml(join(dir, big.url, 'index.html'));
  it('is one line of facts, with the people in a <details> and the data in "About this capture"', () => {
    const t = tree();
    const meta = toString(select('.thread-meta', t)!);
    expect(meta).toMatch(new RegExp(`^${big.posts} posts · \\d+ people · started by \\S[^·]*( · captured \\d{4}-\\d\\d-\\d\\d)?$`));
    const people = select('details.people', t)!;
    expect(selectAll('a', people).length).toBeGreaterThan(5);
    expect(select('details.people[open]', t)).toBeFalsy();
    const about = select('footer.capture', t)!;
    expect(toString(select('h2', about)!)).toBe('About this capture');
    expect(select(`a[href$="/data/threads/${big.slug}.json"]`, about)).toBeTruthy();
    // Nothing of the data above the posts.
    const html = readFileSync(join(dir, big.url, 'index.html'), 'utf8');
    expect(html.indexOf('.json"')).toBeGreaterThan(html.indexOf('id="post-1"'));
  });
  it('pages 2+ say which posts they hold instead of the whole head', () => {
    const t = readHtml(join(dir, big.url, 'page/2/index.html'));
    expect(toString(select('.thread-meta', t)!)).toBe(`Posts 51–100 of ${big.posts}`);
    expect(select('details.people', t)).toBeFalsy();
  });
  it('marks "Threads" as the current section on thread and permalink pages', () => {
    for (const f of [join(big.url, 'index.html'), join(big.url, '1/index.html')]) {
      const cur = select('.site-nav a[aria-current="page"]', readHtml(join(dir, f)));
      expect(cur && toString(cur)).toBe('Threads');
    }
  });
  it('puts the first post in the first screen of a phone', async () => {
    const page = await open(big.url, 390);
    try {
      const y = await page.evaluate(() => document.getElementById('post-1')!.getBoundingClientRect().top + scrollY);
      expect(y).toBeLessThan(844 / 2);
    } finally {
      await page.close();
    }
  });
});

describe('page frame and words', () => {
  it('keeps the footer at the bottom of a short page', async () => {
    const page = await open('about/', 1280);
    try {
      await page.setViewportSize({ width: 1280, height: 3000 });
      const bottom = await page.evaluate(() => document.querySelector('.site-footer')!.getBoundingClientRect().bottom);
      expect(Math.round(bottom)).toBe(3000);
    } finally {
      await page.close();
    }
  });
  it('says "1 post" and "N posts", never "1 posts" or "documents"', () => {
    const pages = filesOf(dir, '.html').filter((f) => !f.startsWith('pagefind/'));
    for (const f of [...pages.filter((f) => !f.includes('/')), ...pages.filter((f) => /^(authors|t\/[^/]+\/index)/.test(f))]) {
      const text = toString(readHtml(join(dir, f)));
      expect(text, f).not.toMatch(/\b1 (posts|threads|people|quotes)\b|\bdocuments\b/);
    }
    expect(toString(select('.thread-meta', readHtml(join(dir, small.url, 'index.html')))!)).toMatch(/^\d+ posts? · /);
  });
});

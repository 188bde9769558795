/**
 * axe-core, in Chromium, finds no serious or critical accessibility violation
 * on the front page (and its size order), a thread page and its page 2, a
 * permalink page, an author page, the essay, the about page and the search
 * page of the default site, in the light and the dark theme. Every listed page must exist.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { useServedSite } from './helpers/served-site.js';

interface Index {
  documents: { slug: string; format: string; posts: number; url: string }[];
  authors: { slug: string; url: string; posts: number }[];
}

const dir = inject('site');
const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as Index;
const thread = index.documents.filter((d) => d.format !== 'essay' && d.posts > 0).sort((a, b) => b.posts - a.posts)[0];
const essay = index.documents.find((d) => d.format === 'essay');
const author = [...index.authors].sort((a, b) => b.posts - a.posts)[0];

/** The pages checked, as paths below the site root. */
const PAGES: [string, string | undefined][] = [
  ['front page', ''],
  ['front page by size', 'by/size/'],
  ['thread page', thread?.url.slice(1)],
  ['thread page 2', thread && thread.posts > 50 ? `${thread.url.slice(1)}page/2/` : undefined],
  ['permalink page', thread ? `${thread.url.slice(1)}1/` : undefined],
  ['author page', author?.url.slice(1)],
  ['essay', essay?.url.slice(1)],
  ['about page', 'about/'],
  ['search page', 'search/'],
  ['debate map page', thread ? `${thread.url.slice(1)}map/` : undefined],
  ['data page', 'data/'],
  ['year page', 'years/1941/'],
];

const site = useServedSite(dir);

describe('accessibility (axe-core)', () => {
  for (const [name, path] of PAGES) for (const scheme of ['light', 'dark'] as const) {
    it(`the ${name} has no serious or critical violation (${scheme})`, async () => {
      expect(path, `no ${name} in the default site`).toBeDefined();
      expect(existsSync(join(dir, path!, 'index.html')), `${name} /${path} is not built`).toBe(true);
      const context = await site.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (/^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1') foreign.push(r.url());
      });
      try {
        const res = await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
        expect(res?.status()).toBe(200);
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(bad).toEqual([]);
        // The pages load nothing from other hosts (fonts, scripts, images).
        expect(foreign).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

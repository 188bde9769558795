/**
 * axe-core, in Chromium, finds no serious or critical accessibility violation
 * on the front page, a thread page, a permalink page, an author page, the
 * essay and the search page of the default site. Every listed page must exist.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from './helpers/browser.js';
import { serve, type Served } from './helpers/serve.js';

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
  ['thread page', thread?.url.slice(1)],
  ['permalink page', thread ? `${thread.url.slice(1)}1/` : undefined],
  ['author page', author?.url.slice(1)],
  ['essay', essay?.url.slice(1)],
  ['search page', 'search/'],
  ['debate map page', thread ? `${thread.url.slice(1)}map/` : undefined],
  ['data page', 'data/'],
  ['year page', 'years/1941/'],
];

let server: Served;
let browser: Browser;

beforeAll(async () => {
  server = await serve(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility (axe-core)', () => {
  for (const [name, path] of PAGES) {
    it(`the ${name} has no serious or critical violation`, async () => {
      expect(path, `no ${name} in the default site`).toBeDefined();
      expect(existsSync(join(dir, path!, 'index.html')), `${name} /${path} is not built`).toBe(true);
      const context = await browser.newContext();
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (/^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1') foreign.push(r.url());
      });
      try {
        const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
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

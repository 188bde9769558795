/**
 * The essay's table of contents is a `<details>`: on a phone it is folded to
 * one line "Contents" that opens on a tap (no JavaScript); on a wide screen its
 * links are shown without a tap.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedSite } from './helpers/served-site.js';

const dir = inject('site');
const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as { documents: { format: string; url: string }[] };
const essay = index.documents.find((d) => d.format === 'essay')!;

const site = useServedSite(dir);

describe('the essay contents', () => {
  for (const [width, shown] of [
    [390, false],
    [1280, true],
  ] as const) {
    it(`are ${shown ? 'shown' : 'folded'} at ${width} px, without JavaScript`, async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 844 } });
      try {
        const page = await context.newPage();
        await page.goto(`${site.server.url}${essay.url.slice(1)}`);
        const first = page.locator('.toc ol a').first();
        expect(await page.locator('.toc summary').innerText()).toBe('Contents');
        expect(await first.isVisible()).toBe(shown);
        if (!shown) {
          await page.click('.toc summary');
          expect(await first.isVisible()).toBe(true);
        }
      } finally {
        await context.close();
      }
    });
  }
});

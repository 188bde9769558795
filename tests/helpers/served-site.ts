/**
 * A built site served on 127.0.0.1 and a headless Chromium, for one test file:
 * `const site = useServedSite(dir)` starts both before the file's tests and
 * stops them after; read `site.server` and `site.browser` inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { serve, type Served } from './serve.js';

/** The server and browser of a test file (set once `beforeAll` has run). */
export interface ServedSite {
  server: Served;
  browser: Browser;
}

/** Serves `dir` (at `base`, default `/`) and launches Chromium for the tests of the calling file. */
export function useServedSite(dir: string, base = '/'): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await serve(dir, base);
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

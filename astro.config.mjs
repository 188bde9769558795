// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import importReport from './src/integrations/import-report.ts';
import publishedRecord from './src/integrations/published-record.ts';
import cleanOutDir from './src/integrations/clean-out-dir.ts';
import shardOutput from './src/integrations/shard-output.ts';
import { dataStoreModule } from './src/integrations/data-store-module.ts';
import sitemap from '@astrojs/sitemap';

/** Sub-path the site is served under (`ARCHIVE_BASE=/archive/`), default `/`. */
const base = process.env.ARCHIVE_BASE || '/';
/**
 * Where the site is published (`ARCHIVE_SITE=https://example.org`), default none.
 * When set, pages carry `<link rel="canonical">` and `og:url`, and a sitemap is written.
 */
const site = process.env.ARCHIVE_SITE || undefined;
/** Astro's cache folder (`ARCHIVE_CACHE_DIR`), default `node_modules/.astro/`: two shard builds at once each take their own. */
const cacheDir = process.env.ARCHIVE_CACHE_DIR || undefined;
/** Pages left out of the sitemap: `page/1/` (a redirect to the thread) and the go-to-post page. */
/** @param {string} page */
const notInSitemap = (page) => /\/t\/[^/]+\/(page\/1|go)\/$/.test(new URL(page).pathname);

export default defineConfig({
  site,
  base,
  ...(cacheDir ? { cacheDir } : {}),
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 32 },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  compressHTML: true,
  // cleanOutDir empties the output folder itself: Astro 5.18 leaves a top-level `t/` (our threads) in it.
  integrations: [cleanOutDir(), pagefind(), shardOutput(), importReport(), publishedRecord(), ...(site ? [sitemap({ filter: (page) => !notInSitemap(page) })] : [])],
  vite: {
    // The stylesheet is shared by every page; Rollup may name it after any of them (`index`, `_page_`), so name it by its hash alone: builds stay byte-identical.
    build: { rollupOptions: { output: { assetFileNames: '_astro/[hash][extname]' } } },
    plugins: [
      dataStoreModule({
        build: new URL('./node_modules/.astro/data-store.json', import.meta.url),
        dev: new URL('./.astro/data-store.json', import.meta.url),
      }),
    ],
  },
});

// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import importReport from './src/integrations/import-report.ts';
import publishedRecord from './src/integrations/published-record.ts';
import cleanOutDir from './src/integrations/clean-out-dir.ts';
import { dataStoreModule } from './src/integrations/data-store-module.ts';

/** Sub-path the site is served under (`ARCHIVE_BASE=/archive/`), default `/`. */
const base = process.env.ARCHIVE_BASE || '/';

export default defineConfig({
  base,
  /** Where the site is published (`ARCHIVE_SITE=https://…`): citations and feeds carry full addresses from it. */
  site: process.env.ARCHIVE_SITE || undefined,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 32 },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  compressHTML: true,
  // cleanOutDir empties the output folder itself: Astro 5.18 leaves a top-level `t/` (our threads) in it.
  integrations: [cleanOutDir(), pagefind(), importReport(), publishedRecord()],
  vite: {
    plugins: [
      dataStoreModule({
        build: new URL('./node_modules/.astro/data-store.json', import.meta.url),
        dev: new URL('./.astro/data-store.json', import.meta.url),
      }),
    ],
  },
});

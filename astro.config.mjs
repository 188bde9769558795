// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import importReport from './src/integrations/import-report.ts';

/** Sub-path the site is served under (`ARCHIVE_BASE=/archive/`), default `/`. */
const base = process.env.ARCHIVE_BASE || '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 2 },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  compressHTML: true,
  integrations: [pagefind(), importReport()],
});

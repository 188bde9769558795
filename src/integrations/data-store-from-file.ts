/**
 * A Vite plugin that keeps Astro's content data store out of the bundle.
 * Astro 5.18 turns the whole store into a JavaScript object literal that
 * Rollup must parse and bundle: seconds per 10,000 posts, and gigabytes of
 * memory at 100,000 (withastro/astro#17430 later switched upstream to a
 * `JSON.parse("…")` string for the same reason). This site is only ever
 * prerendered on the machine that built the store, so the module can read the
 * store file when it runs instead: its code stays one line whatever the size
 * of the archive, and `JSON.parse` builds the same value.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const RESOLVED_ID = '\0astro:data-layer-content';

/**
 * @param dataStoreFile where Astro writes the store: `<cacheDir>/data-store.json` for builds,
 *   `.astro/data-store.json` for the dev server
 */
export function dataStoreFromFile(dataStoreFile: { build: URL; dev: URL }): Plugin {
  let file = dataStoreFile.build;
  return {
    name: 'archive:data-store-from-file',
    enforce: 'pre',
    configResolved(config) {
      file = config.command === 'serve' ? dataStoreFile.dev : dataStoreFile.build;
    },
    // Astro's own plugin loads the module first (its plugins come before the
    // project's); replacing its output here, before Rollup parses it, is what saves the work.
    async transform(_code, id) {
      if (id !== RESOLVED_ID) return null;
      const path = fileURLToPath(file);
      if (!existsSync(path)) return null; // an empty store: keep Astro's module
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(path)}, 'utf8'));`,
        map: { mappings: '' },
      };
    },
  };
}

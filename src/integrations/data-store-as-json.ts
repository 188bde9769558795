/**
 * A Vite plugin that emits Astro's content data store as `JSON.parse("…")`
 * instead of a JavaScript object literal: a backport of withastro/astro#17430
 * (merged upstream after 5.18). Astro 5.18 turns the whole store into an
 * object literal that Rollup must parse, which costs seconds per 10,000 posts
 * and gigabytes of memory at 100,000; a string literal keeps the module's
 * syntax tree constant in size, and `JSON.parse` builds the same value.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const RESOLVED_ID = '\0astro:data-layer-content';

/**
 * @param dataStoreFile where Astro writes the store: `<cacheDir>/data-store.json` for builds,
 *   `.astro/data-store.json` for the dev server
 */
export function dataStoreAsJson(dataStoreFile: { build: URL; dev: URL }): Plugin {
  let file = dataStoreFile.build;
  return {
    name: 'archive:data-store-as-json',
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
      const json = await readFile(path, 'utf8');
      return { code: `export default JSON.parse(${JSON.stringify(json)});`, map: { mappings: '' } };
    },
  };
}

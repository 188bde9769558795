/**
 * A Vite plugin that replaces the module Astro 5.18 builds from its content
 * data store (`astro:data-layer-content`).
 *
 * Astro turns the whole store file into a JavaScript object literal that
 * Rollup parses and bundles: seconds per 10,000 posts and gigabytes of memory
 * at 100,000 (upstream later moved to a `JSON.parse("…")` string for the same
 * reason, withastro/astro#17430). Worse, with a store of 100 MB or more the
 * file can still be half-written when it is read: Astro's save resolves early
 * when a debounced write of the same file is under way.
 *
 * This site is only ever prerendered by the process that ran the loader, so
 * the module hands over the collections the loader filled in this process
 * (`LIVE_COLLECTIONS`, a `Map` of collection → id → entry, the shape Astro's
 * store takes), and reads the store file only when there are none (the dev
 * server after a restart, say). Its code is two lines whatever the archive's size.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const RESOLVED_ID = '\0astro:data-layer-content';

/** The `globalThis` key under which the loader keeps the collections it filled. */
export const LIVE_COLLECTIONS = 'archive.live-collections';

/**
 * @param dataStoreFile where Astro writes the store: `<cacheDir>/data-store.json` for builds,
 *   `.astro/data-store.json` for the dev server
 */
export function dataStoreModule(dataStoreFile: { build: URL; dev: URL }): Plugin {
  let file = dataStoreFile.build;
  return {
    name: 'archive:data-store-module',
    enforce: 'pre',
    configResolved(config) {
      file = config.command === 'serve' ? dataStoreFile.dev : dataStoreFile.build;
      // Astro's plugin would first parse the whole store file and print it as an
      // object literal, only for `transform` below to replace it: skip that work.
      const astro = config.plugins.find((p) => p.name === 'astro-content-virtual-mod-plugin');
      const load = astro?.load;
      if (astro && typeof load === 'function') {
        astro.load = function (this: unknown, id: string, ...rest: unknown[]) {
          if (id === RESOLVED_ID && existsSync(fileURLToPath(file))) return { code: 'export default new Map();' };
          return (load as (...a: unknown[]) => unknown).call(this, id, ...rest);
        } as typeof astro.load;
      }
    },
    // Astro's own plugin loads the module first (its plugins come before the
    // project's); replacing its output here, before Rollup parses it, is what saves the work.
    transform(_code, id) {
      if (id !== RESOLVED_ID) return null;
      const path = fileURLToPath(file);
      if (!existsSync(path)) return null; // no store yet: keep Astro's module
      const code = [
        `import { readFileSync } from 'node:fs';`,
        `const live = globalThis[Symbol.for(${JSON.stringify(LIVE_COLLECTIONS)})];`,
        `export default live instanceof Map && live.size > 0 ? live : JSON.parse(readFileSync(${JSON.stringify(path)}, 'utf8'));`,
      ].join('\n');
      return { code, map: { mappings: '' } };
    },
  };
}

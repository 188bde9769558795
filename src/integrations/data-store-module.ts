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
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** The Astro versions this replacement was written for and tested with: the 5.18 line. */
const WRITTEN_FOR = /^5\.18\./;

/** Astro's version as installed. */
function astroVersion(): string {
  try {
    return (createRequire(import.meta.url)('astro/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const RESOLVED_ID = '\0astro:data-layer-content';

/** The `globalThis` key under which the loader keeps the collections it filled. */
export const LIVE_COLLECTIONS = 'archive.live-collections';

/**
 * @param dataStoreFile where Astro writes the store: `<cacheDir>/data-store.json` for builds,
 *   `.astro/data-store.json` for the dev server
 */
export function dataStoreModule(dataStoreFile: { build: URL; dev: URL }): Plugin {
  let file = dataStoreFile.build;
  let building = false;
  return {
    name: 'archive:data-store-module',
    enforce: 'pre',
    configResolved(config) {
      file = config.command === 'serve' ? dataStoreFile.dev : dataStoreFile.build;
      building = config.command === 'build';
      // Astro's plugin would first parse the whole store file and print it as an
      // object literal, only for `transform` below to replace it: skip that work.
      const version = astroVersion();
      const astro = config.plugins.find((p) => p.name === 'astro-content-virtual-mod-plugin');
      const load = astro?.load;
      if (!WRITTEN_FOR.test(version) || !astro || typeof load !== 'function') {
        throw new Error(
          `src/integrations/data-store-module.ts replaces Astro's content data-store module and was written for Astro 5.18, but this is Astro ${version}` +
            `${astro ? '' : ' (its plugin astro-content-virtual-mod-plugin was not found)'}. ` +
            'Pages would read an empty or stale archive. Pin astro to 5.18.x in package.json, or check how this Astro version builds `astro:data-layer-content` and update the plugin (and WRITTEN_FOR).',
        );
      }
      {
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
      // A build never writes the store file (the loader keeps the entries in memory), so it may be absent;
      // the dev server keeps Astro's module until it has one.
      if (!building && !existsSync(path)) return null;
      const code = [
        `import { existsSync, readFileSync } from 'node:fs';`,
        `const live = globalThis[Symbol.for(${JSON.stringify(LIVE_COLLECTIONS)})];`,
        `const file = ${JSON.stringify(path)};`,
        `export default live instanceof Map && live.size > 0 ? live : existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();`,
      ].join('\n');
      return { code, map: { mappings: '' } };
    },
  };
}

/**
 * Pagefind's browser search API run in Node against a built site's
 * `pagefind/` folder (fetch reads the files), with the search page's
 * `Backend`, so the search engine can be tested without a browser.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Backend, PagefindResult } from '../../src/search/client/engine.js';
import { decodeMap, type WireMap } from '../../src/search/records.js';
import type { SearchMeta } from '../../src/search/write-index.js';

interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** A search `Backend` over the bundle in `<site>/pagefind/`. */
export async function nodeBackend(site: string): Promise<Backend> {
  const dir = join(site, 'pagefind');
  globalThis.fetch = (async (u: string | URL) => {
    const path = String(u).split('?')[0]!.replace(/^.*\/pagefind\//, '');
    return new Response(new Uint8Array(await readFile(join(dir, path))));
  }) as typeof fetch;
  const pf = (await import(pathToFileURL(join(dir, 'pagefind.js')).href)) as PagefindModule;
  await pf.options({ basePath: '/pagefind/' });
  const meta = JSON.parse(await readFile(join(dir, 'maps/meta.json'), 'utf8')) as SearchMeta;
  return {
    records: meta.records,
    avgWords: meta.avgWords,
    search: async (term, filters) => (await pf.search(term || null, { filters }))?.results ?? [],
    map: async (hash) => {
      try {
        return decodeMap(JSON.parse(await readFile(join(dir, 'maps', `${hash}.json`), 'utf8')) as WireMap);
      } catch {
        return null;
      }
    },
  };
}

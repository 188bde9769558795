/**
 * Full-text search, the Astro binding: the index (src/search/) is built from
 * the imported model while Astro renders pages, and moved into
 * `<outDir>/pagefind/` at `astro:build:done`.
 *
 * During `astro build` the content loader hands the imported documents to
 * `startSearchIndex` as soon as the import is done, so the index (built by
 * Pagefind's own process) is made on the second core while Astro renders
 * pages. The importer runs once. No page HTML is indexed, so navigation,
 * footers and backlink lists never match.
 */
import type { AstroIntegration } from 'astro';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRecords, type SearchAuthor, type SearchDocument } from '../search/records.js';
import { writeIndex } from '../search/write-index.js';

/** Merges `figures` into the JSON file named by `ARCHIVE_STATS_FILE`, if set. */
async function mergeStats(figures: Record<string, unknown>): Promise<void> {
  const file = process.env.ARCHIVE_STATS_FILE;
  if (!file) return;
  let old: Record<string, unknown> = {};
  try {
    old = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    /* no figures yet */
  }
  await writeFile(file, `${JSON.stringify({ ...old, ...figures })}\n`);
}

/** State shared between the content loader and this integration (two module instances in one process). */
interface SharedState {
  command?: string;
  /** Where the index is written while pages render, to be moved into the build's output. */
  stagingDir?: string;
  job?: Promise<{ records: number; indexMs: number; indexBytes: number; items: number }>;
  /** This build writes no index: a sharded build's part whose index is built beside it. */
  skip?: boolean;
}
const KEY = Symbol.for('archive.search-index');
function shared(): SharedState {
  const g = globalThis as unknown as Record<symbol, SharedState | undefined>;
  return (g[KEY] ??= {});
}

/**
 * Starts indexing as soon as the importer is done, during `astro build` only:
 * Pagefind's service is a separate process, so the index is built on the
 * second core while Astro renders pages. Called by the content loader with
 * the documents in reading order; `astro:build:done` collects the result.
 * Does nothing outside a build or when an index is already under way.
 */
export function startSearchIndex(archive: () => { documents: SearchDocument[]; authors: SearchAuthor[] }): void {
  const state = shared();
  if (state.command !== 'build' || state.job || !state.stagingDir) return;
  const staging = state.stagingDir;
  state.job = writeSearchIndex(archive(), staging);
  state.job.catch(() => undefined); // reported at build:done
}

/** Marks this build as one without an index (a part of a sharded build whose one index is built beside the parts). */
export function skipSearchIndex(): void {
  shared().skip = true;
}

/** Builds the search index of `archive` into `dir` (emptied first): the index a build makes, for a sharded build's plan. */
export async function writeSearchIndex(archive: { documents: SearchDocument[]; authors: SearchAuthor[] }, dir: string) {
  const entries = buildRecords(archive.documents, archive.authors);
  await rm(dir, { recursive: true, force: true });
  return { ...(await writeIndex(entries, dir)), items: entries.reduce((n, e) => n + e.map.i.length, 0) };
}

/** Moves a finished index from the staging folder into the build's output. */
async function moveIndex(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch {
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/** The Astro integration: indexes the archive for search and puts the index into the build's output. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        const state = shared();
        state.command = command;
        state.job = undefined;
        state.skip = undefined;
        // One folder per build process: two builds of one checkout (a test and a benchmark) must not share it.
        state.stagingDir = fileURLToPath(new URL(`archive-pagefind-${process.pid}/`, config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const state = shared();
        if (state.skip) return;
        if (!state.job || !state.stagingDir) {
          throw new Error(
            'The search index was not started: the archive loader did not run in this build, so there is nothing to index. Check that src/content.config.ts uses archiveLoader() for its collections.',
          );
        }
        // Started by the loader while pages were rendered.
        const figures = await state.job;
        await moveIndex(state.stagingDir, join(out, 'pagefind'));
        state.job = undefined;
        logger.info(`search index: ${figures.items} posts, sections, authors and quotes kept apart in ${figures.records} records, ${figures.indexMs} ms, ${Math.round(figures.indexBytes / 1024)} KB`);
        await mergeStats({ ...figures });
      },
    },
  };
}

/**
 * Full-text search: a Pagefind index of the archive's words, built with
 * Pagefind's Node API and placed in `<outDir>/pagefind/`.
 *
 * During `astro build` the content loader hands the imported documents to
 * `startSearchIndex` as soon as the import is done, so the index (built by
 * Pagefind's own process) is made while Astro renders pages, and
 * `astro:build:done` only moves it into place. The importer runs once. The searchable items are
 * every post's own words, every quote (titled "Ace009 quoting Bregil") and
 * every essay section, each with its exact URL: the thread page's anchor of
 * the post (`#post-N`) or of the quote (`#post-N-qK`), or the section's.
 * No page HTML is indexed, so navigation, footers and backlink lists never match.
 *
 * Granularity: Pagefind's `pf_meta` (fetched by every first search) grows by
 * about 6 bytes per record, so a record per item does not scale (880 KB at
 * 100k posts). Records are groups of up to 24 consecutive items of one kind;
 * their filters (`kind`, `thread`, `author`) list every value of their items,
 * the `items` meta maps word offsets back to items, and the search page
 * splits a result into the items that hold the matched words (README, Search).
 */
import type { AstroIntegration } from 'astro';
import { cp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { urls } from '../lib/urls.js';

/** One document as the index reads it (the fields of its JSON data file; built by `src/loader/search-documents.ts`). */
export interface ThreadFile {
  slug: string;
  title: string;
  format: string;
  url: string;
  posts: {
    n: number;
    author: string | null;
    authorSlug: string | null;
    text: string;
    quotes: { author: string | null; sourcePost: number | null; sourceThread: string | null; text: string }[];
  }[];
  sections: { title: string; id: string; blocks: { kind: string; items?: string[]; text?: string }[] }[];
}

/** A search record before it goes to Pagefind. */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Slug of an unnamed author in the `author` filter. */
export const UNKNOWN_AUTHOR = 'unknown';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Light Markdown to text: links to their words, emphasis and quote markers dropped. */
export function plainText(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|\n)\s{0,3}(?:>\s?)+/g, '$1')
    .replace(/(\*\*|__|\*|(?<![\w])_|_(?![\w]))/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** One searchable piece: a post's own words, a quote, or an essay section. */
export interface SearchItem {
  kind: 'post' | 'quote' | 'essay';
  thread: string;
  threadTitle: string;
  /** Post number (0 for an essay section). */
  n: number;
  /** Author slug (`unknown` for a post whose capture names nobody; null for essays). */
  author: string | null;
  title: string;
  /** The exact place: `#post-N`, `#post-N-qK` (K from 1) or an essay section's anchor. */
  url: string;
  /** For quotes: the quoted post's URL and who wrote it. */
  source: string | null;
  quoted: string | null;
  /** Normalized text: words separated by single spaces. */
  text: string;
}

/** The items of one thread (or essay), in thread order. */
export function threadItems(thread: ThreadFile, base: string): SearchItem[] {
  const u = urls(base);
  const out: SearchItem[] = [];
  const words = (s: string) => plainText(s).split(/\s+/).filter(Boolean).join(' ');
  const common = { thread: thread.slug, threadTitle: thread.title };
  for (const p of thread.posts) {
    const url = u.postInThread(thread.slug, p.n);
    const who = p.author ?? 'Unknown author';
    const author = p.authorSlug ?? UNKNOWN_AUTHOR;
    const own = words(p.text);
    if (own) out.push({ kind: 'post', ...common, n: p.n, author, title: who, url, source: null, quoted: null, text: own });
    p.quotes.forEach((q, i) => {
      const text = words(q.text);
      if (!text) return;
      const source = q.sourcePost !== null ? u.postInThread(q.sourceThread ?? thread.slug, q.sourcePost) : null;
      out.push({ kind: 'quote', ...common, n: p.n, author, title: `${who} quoting ${q.author ?? 'someone'}`, url: `${url}-q${i + 1}`, source, quoted: q.author, text });
    });
  }
  for (const s of thread.sections) {
    const body = s.blocks.map((b) => (b.kind === 'paragraph' ? (b.text ?? '') : (b.items ?? []).join('\n'))).join('\n\n');
    const text = words(`${s.title}\n\n${body}`);
    if (text) out.push({ kind: 'essay', ...common, n: 0, author: null, title: s.title, url: u.essay(thread.slug, s.id), source: null, quoted: null, text });
  }
  return out;
}

/** Limits of one record (a group of items): few enough records keep Pagefind's `pf_meta` small, small enough groups keep fragments small. */
export const GROUP_ITEMS = 24;
export const GROUP_WORDS = 3000;

/**
 * An item as the search page reads it from a record's `items` meta:
 * `[wordOffset, order, url, title, thread, author, n, source, quoted]`.
 */
export type ItemTuple = [number, number, string, string, string, string, number, string, string];

/**
 * Groups items (already in archive order) into Pagefind records: consecutive
 * items of the same kind, up to `GROUP_ITEMS` items or `GROUP_WORDS` words,
 * across thread boundaries. A record's filters hold every author and thread of
 * its items; its `items` meta maps word offsets of its content back to the
 * items, so the search page shows and filters items, not records.
 */
export function groupRecords(items: SearchItem[]): SearchRecord[] {
  const out: SearchRecord[] = [];
  for (const kind of ['post', 'quote', 'essay'] as const) {
    let group: { item: SearchItem; order: number }[] = [];
    let words = 0;
    const flush = () => {
      if (group.length === 0) return;
      const tuples: ItemTuple[] = [];
      const threads: Record<string, string> = {};
      let offset = 0;
      for (const { item: it, order } of group) {
        tuples.push([offset, order, it.url, it.title, it.thread, it.author ?? '', it.n, it.source ?? '', it.quoted ?? '']);
        threads[it.thread] = it.threadTitle;
        offset += it.text.split(' ').length;
      }
      const authors = [...new Set(group.map((g) => g.item.author).filter((a): a is string => a !== null))];
      const filters: Record<string, string[]> = { kind: [kind], thread: Object.keys(threads) };
      if (authors.length) filters.author = authors;
      out.push({
        url: group[0]!.item.url,
        content: group.map((g) => g.item.text).join(' '),
        language: 'en',
        meta: { title: group[0]!.item.title, kind, items: JSON.stringify(tuples), threads: JSON.stringify(threads) },
        filters,
        sort: { order: pad(group[0]!.order, 9) },
      });
      group = [];
      words = 0;
    };
    items.forEach((item, order) => {
      if (item.kind !== kind) return;
      const w = item.text.split(' ').length;
      if (group.length >= GROUP_ITEMS || (group.length > 0 && words + w > GROUP_WORDS)) flush();
      group.push({ item, order });
      words += w;
    });
    flush();
  }
  return out;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  }
  return total;
}

/** Files of Pagefind's bundle this site never loads. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css'];

/** Indexes `records` and writes the bundle to `outputPath`. Throws on any Pagefind error; always closes the service. */
export async function writeIndex(records: SearchRecord[], outputPath: string): Promise<{ records: number; indexMs: number; indexBytes: number }> {
  const t0 = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length) throw new Error(`Pagefind createIndex: ${errors.join('; ')}`);
    // The service handles requests one at a time; batches keep the pipe full without flooding memory.
    const BATCH = 256;
    for (let i = 0; i < records.length; i += BATCH) {
      const res = await Promise.all(records.slice(i, i + BATCH).map((r) => index.addCustomRecord(r)));
      const bad = res.flatMap((r) => r.errors);
      if (bad.length) throw new Error(`Pagefind addCustomRecord: ${bad.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind writeFiles: ${written.errors.join('; ')}`);
    // Pagefind's ready-made UIs are not used (the search page has its own list): about 400 KB less to publish.
    for (const f of UNUSED) await rm(join(outputPath, f), { force: true });
  } finally {
    await pagefind.close();
  }
  const indexMs = Math.round(performance.now() - t0);
  return { records: records.length, indexMs, indexBytes: await dirBytes(outputPath) };
}

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
  base: string;
  /** Where the index is written while pages render, to be moved into the build's output. */
  stagingDir?: string;
  job?: Promise<{ records: number; indexMs: number; indexBytes: number; items: number }>;
}
const KEY = Symbol.for('archive.search-index');
function shared(): SharedState {
  const g = globalThis as unknown as Record<symbol, SharedState | undefined>;
  return (g[KEY] ??= { base: '/' });
}

/**
 * Starts indexing as soon as the importer is done, during `astro build` only:
 * Pagefind's service is a separate process, so the index is built on the
 * second core while Astro renders pages. Called by the content loader with
 * the documents in reading order; `astro:build:done` collects the result.
 * Does nothing outside a build or when an index is already under way.
 */
export function startSearchIndex(threads: () => ThreadFile[]): void {
  const state = shared();
  if (state.command !== 'build' || state.job || !state.stagingDir) return;
  const staging = state.stagingDir;
  state.job = (async () => {
    const items = threads().flatMap((t) => threadItems(t, state.base));
    await rm(staging, { recursive: true, force: true });
    return { ...(await writeIndex(groupRecords(items), staging)), items: items.length };
  })();
  state.job.catch(() => undefined); // reported at build:done
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
        state.stagingDir = fileURLToPath(new URL('archive-pagefind/', config.cacheDir));
      },
      'astro:config:done': ({ config }) => {
        shared().base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const state = shared();
        if (!state.job || !state.stagingDir) {
          throw new Error(
            'The search index was not started: the archive loader did not run in this build, so there is nothing to index. Check that src/content.config.ts uses archiveLoader() for its collections.',
          );
        }
        // Started by the loader while pages were rendered.
        const figures = await state.job;
        await moveIndex(state.stagingDir, join(out, 'pagefind'));
        state.job = undefined;
        logger.info(`search index: ${figures.items} posts, quotes and sections in ${figures.records} records, ${figures.indexMs} ms, ${Math.round(figures.indexBytes / 1024)} KB`);
        await mergeStats({ ...figures });
      },
    },
  };
}

/**
 * The content-layer loader: the only Astro adapter of the importer. It reads
 * `content/` (or the folder named by `ARCHIVE_CONTENT`), runs the importer once
 * per build, logs diagnostics as `file:line`, and fills the collections
 * `threads`, `posts`, `quotes` and `authors`.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { buildArchive, excerpt, type Archive, type Diagnostic } from '../lib/index.js';
import { crossLinks, postKey, type CrossLinks } from '../lib/cross-links.js';
import { readCaptures } from './read-captures.js';
import { reportedAtEnd, setImportReport } from '../integrations/import-report.js';
import { skipSearchIndex, startSearchIndex } from '../integrations/pagefind.js';
import { searchDocuments } from './search-documents.js';
import { LIVE_COLLECTIONS } from '../integrations/data-store-module.js';
import { postResearch } from '../lib/research/index.js';
import { setPublishedRecord } from '../integrations/published-record.js';
import { ARCHIVE_FILES, readArchiveFiles } from './archive-files.js';
import { parseRemovalsFile } from '../lib/archive/removals.js';
import { parseRecord, RECORD_FILE, serialiseRecord, updateRecord, type GoneThread } from '../lib/archive/published.js';
import { setShardPart, type ShardSlice } from '../shards/part.js';
import { readSlice } from '../shards/slice-file.js';
import type { Collections } from '../shards/slice.js';

type Kind = 'threads' | 'posts' | 'quotes' | 'authors' | 'withdrawn';
export interface Loaded {
  archive: Archive;
  links: CrossLinks;
  /** URLs published by earlier builds that this one no longer has. */
  gone: GoneThread[];
}

/** What a shard's build reads instead of the content folder: the entries written for it by the plan. */
interface SliceLoaded {
  entries: Collections;
}

const cache = new Map<string, Promise<Loaded | SliceLoaded>>();

/** The content folder: `ARCHIVE_CONTENT` (absolute, or relative to the project root), default `content/`. */
export function contentDir(root: URL | string): string {
  const base = typeof root === 'string' ? root : fileURLToPath(root);
  return resolve(base, process.env.ARCHIVE_CONTENT || 'content');
}

/** Where a diagnostic points: `file:line`, or the file alone. */
function at(file: string, d: Diagnostic): string {
  return `${file}${d.line ? `:${d.line}` : ''}`;
}

function writeStats(stats: Record<string, unknown>): void {
  const file = process.env.ARCHIVE_STATS_FILE;
  if (!file) return;
  try {
    writeFileSync(file, `${JSON.stringify(stats)}\n`);
  } catch {
    /* statistics are optional */
  }
}

const LABEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * The build's import report: one line of totals, then one line per rule (most
 * serious first) with its count, where it happened and the first message, which
 * says what was skipped or guessed, why, and what to do.
 */
export function importReport(
  entries: readonly { file: string; d: Diagnostic }[],
  totals: { files: number; skipped: number; inferredTitles: number; signed: number; reconstructed: number },
): string {
  const counts = { error: 0, warning: 0, info: 0 };
  const groups = new Map<string, { severity: Diagnostic['severity']; rule: string; where: string[]; message: string }>();
  for (const { file, d } of entries) {
    counts[d.severity]++;
    const key = `${d.severity} ${d.rule}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { severity: d.severity, rule: d.rule, where: [], message: d.message }));
    g.where.push(at(file, d));
  }
  const order = { error: 0, warning: 1, info: 2 };
  const head =
    `report: ${totals.files} files, ${totals.skipped} skipped as not text, ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes; ` +
    `guessed: ${totals.inferredTitles} titles, ${totals.signed} authors (from signatures), ${totals.reconstructed} quotes (reconstructed from repeated text)`;
  const lines = [...groups.values()]
    .sort((a, b) => order[a.severity] - order[b.severity] || b.where.length - a.where.length || (a.rule < b.rule ? -1 : 1))
    .map((g) => {
      const where = g.where.slice(0, 3).join(', ') + (g.where.length > 3 ? ` and ${g.where.length - 3} more` : '');
      return `  ${LABEL[g.severity].padEnd(7)} ${g.rule} ×${g.where.length} (${where}): ${excerpt(g.message, 220)}`;
    });
  return [head, ...lines].join('\n');
}

async function load(dir: string, logger: LoaderContext['logger'], base: string): Promise<Loaded> {
  const t0 = performance.now();
  const [read, files] = await Promise.all([readCaptures(dir, ARCHIVE_FILES), readArchiveFiles(dir)]);
  // Binary files are reported, not imported.
  const captures = read.filter((c) => !c.skipped);
  const removals = parseRemovalsFile(files.removals);
  const previous = parseRecord(files.record);
  const t1 = performance.now();
  let lastReport = t1;
  const archive = buildArchive(captures, {
    published: previous.record,
    removals: removals.list,
    onProgress(done, total, posts) {
      const now = performance.now();
      if (total > 50 && (now - lastReport > 2000 || done === total)) {
        lastReport = now;
        const rate = Math.round(posts / ((now - t1) / 1000 || 1));
        logger.info(`ingested ${done} of ${total} files, ${posts} posts (${rate} posts/s)`);
      }
    },
  });
  // Decoding diagnostics go to the document each capture ended in (re-captures are merged, withdrawn ones left out).
  const decoding = new Map(captures.map((c) => [c.file, c.diagnostics]));
  for (const doc of archive.documents) {
    for (const { file } of [...(doc.captures ?? [{ file: doc.file }])].reverse()) {
      doc.diagnostics.unshift(...(decoding.get(file) ?? []).map((d) => (file === doc.file ? d : { ...d, file })));
    }
  }
  const record = updateRecord(previous.record, archive.documents);
  // Written when the build succeeds (src/integrations/published-record.ts).
  setPublishedRecord(join(dir, RECORD_FILE), serialiseRecord(record.record));
  const links = crossLinks(archive);
  const t2 = performance.now();
  const posts = archive.documents.reduce((a, d) => a + d.posts.length, 0);
  const entries: { file: string; d: Diagnostic }[] = [];
  for (const c of read) if (c.skipped) for (const d of c.diagnostics) entries.push({ file: c.file, d });
  for (const d of [...removals.diagnostics, ...previous.diagnostics, ...(archive.diagnostics ?? []), ...record.diagnostics]) entries.push({ file: d.file ?? dir, d });
  for (const doc of archive.documents) for (const d of doc.diagnostics) entries.push({ file: d.file ?? doc.file, d });
  const errors: string[] = [];
  for (const { file, d } of entries) {
    const line = `${at(file, d)} [${d.rule}] ${d.message}`;
    if (d.severity === 'error') {
      errors.push(line);
      logger.error(line);
    } else if (d.severity === 'warning') logger.warn(line);
    else logger.debug(line);
  }
  logger.info(
    `imported ${archive.documents.length} documents, ${posts} posts, ${archive.authors.length} authors from ${dir} in ${Math.round(t2 - t0)} ms (quotes ${Math.round(archive.timings.quotes)} ms)`,
  );
  const report = importReport(entries, {
    files: read.length,
    skipped: read.length - captures.length,
    inferredTitles: archive.documents.filter((d) => d.titleInferred).length,
    signed: archive.documents.reduce((a, d) => a + d.posts.filter((p) => p.authorEvidence === 'signature').length, 0),
    reconstructed: archive.documents.reduce((a, d) => a + d.posts.reduce((b, p) => b + p.quotes.filter((q) => q.reconstructed).length, 0), 0),
  });
  // A build prints it once, at its end (src/integrations/import-report.ts); the dev server and sync now.
  if (!reportedAtEnd()) logger.info(report);
  setImportReport(report);
  writeStats({ documents: archive.documents.length, posts, ingestMs: t2 - t0, readMs: t1 - t0, ...Object.fromEntries(Object.entries(archive.timings).map(([k, v]) => [`${k}Ms`, v])) });
  if (process.env.ARCHIVE_STRICT === '1' && errors.length > 0) {
    throw new Error(`ARCHIVE_STRICT=1: the content has ${errors.length} error-level diagnostic(s); fix them or build without ARCHIVE_STRICT:\n${errors.join('\n')}`);
  }
  // During a build, the search index is made by Pagefind's process while pages render.
  startSearchIndex(() => searchDocuments(archive, links));
  return { archive, links, gone: record.gone };
}

/** Runs the importer once per content folder and process; every collection shares the result. */
export function loadArchive(dir: string, logger: LoaderContext['logger'], base = '/'): Promise<Loaded> {
  let p = cache.get(dir) as Promise<Loaded> | undefined;
  if (!p) {
    p = load(dir, logger, base);
    cache.set(dir, p);
  }
  return p;
}

/**
 * Reads a shard's slice (`ARCHIVE_SLICE`, written by `scripts/shards/plan.ts`):
 * its entries fill the collections, its search documents go to the index, and
 * the pages learn which threads are this shard's own (`src/shards/part.ts`).
 */
function loadSlice(file: string, logger: LoaderContext['logger']): Promise<SliceLoaded> {
  let p = cache.get(`slice:${file}`) as Promise<SliceLoaded> | undefined;
  if (!p) {
    p = (async () => {
      let slice: ShardSlice;
      try {
        slice = await readSlice(file);
      } catch (e) {
        throw new Error(`Could not read the shard slice ${file} (ARCHIVE_SLICE): ${(e as Error).message}. Slices are written by the sharded build's plan (npm run build -- --shard I/N); run it again rather than building a slice by hand.`);
      }
      setShardPart({ part: slice.part, index: slice.index, count: slice.count, own: new Set(slice.own) });
      const entries = Object.fromEntries(Object.entries(slice.collections).map(([k, list]) => [k, new Map(list)])) as unknown as Collections;
      logger.info(`shard ${slice.index}/${slice.count} (${slice.part === 'site' ? 'archive-wide pages' : `${slice.own.length} threads`}): ${entries.posts.size} posts, ${entries.threads.size} threads, ${entries.authors.size} authors from ${file}`);
      const search = slice.search;
      if (search) startSearchIndex(() => search);
      else skipSearchIndex();
      return { entries };
    })();
    cache.set(`slice:${file}`, p);
  }
  return p;
}

const ref = <C extends string>(collection: C, id: string) => ({ collection, id });

function fill(kind: Kind, loaded: Loaded | SliceLoaded, store: Pick<LoaderContext['store'], 'set'>): void {
  if ('entries' in loaded) {
    for (const [id, data] of loaded.entries[kind]) store.set({ id, data: data as Record<string, unknown> });
    return;
  }
  const { archive, links, gone } = loaded;
  const authorOf = links.authorOf;
  if (kind === 'withdrawn') {
    for (const { slug, ...data } of gone) store.set({ id: slug, data });
    return;
  }
  if (kind === 'authors') {
    for (const a of archive.authors) {
      const act = links.activity.get(a.slug);
      store.set({
        id: a.slug,
        data: {
          name: a.name,
          aliases: a.aliases,
          postCount: act?.posts.length ?? 0,
          posts: act?.posts ?? [],
          threads: (act?.threads ?? []).map((t) => ref('threads', t)),
          quotes: (act?.quotes ?? []).map((q) => ({ author: ref('authors', q.author), count: q.count })),
          quotedBy: (act?.quotedBy ?? []).map((q) => ({ author: ref('authors', q.author), count: q.count })),
        },
      });
    }
    return;
  }
  for (const doc of archive.documents) {
    if (kind === 'threads') {
      const first = doc.posts[0];
      store.set({
        id: doc.slug,
        data: {
          title: doc.title,
          titleInferred: doc.titleInferred,
          rawWithheld: doc.rawWithheld ?? false,
          format: doc.format,
          file: doc.file,
          source: doc.source,
          date: doc.date,
          postCount: doc.posts.length,
          quoteCount: doc.posts.reduce((a, p) => a + p.quotes.length, 0),
          participants: (links.participants.get(doc.slug) ?? []).map((s) => ref('authors', s)),
          excerpt: excerpt(first ? first.text : doc.sections[0]?.blocks.find((b) => b.kind === 'paragraph')?.text ?? doc.body ?? '', 280),
          sections: doc.sections,
          body: doc.body,
          diagnostics: doc.diagnostics,
          accounting: doc.accounting,
          captures: doc.captures?.map(({ numbers: _, ...c }) => c) ?? null,
        },
      });
      continue;
    }
    for (const p of doc.posts) {
      const key = postKey(doc.slug, p.n);
      if (kind === 'posts') {
        store.set({
          id: key,
          data: {
            thread: ref('threads', doc.slug),
            n: p.n,
            author: p.author && authorOf(p.author) ? ref('authors', authorOf(p.author)!.slug) : null,
            authorName: p.author,
            authorEvidence: p.authorEvidence,
            badges: p.badges,
            edited: p.edited,
            date: p.date,
            replyTo: p.replyTo,
            line: p.line,
            segments: p.segments,
            quotes: p.quotes.map((_, i) => ref('quotes', `${key}/${i}`)),
            quotedBy: links.quotedBy.get(key) ?? [],
            replies: links.replies.get(key) ?? [],
            alsoIn: links.alsoIn.get(key) ?? [],
            ...postResearch(p.text),
            ...(p.capture && { capture: p.capture }),
            ...(p.earlier && { earlier: p.earlier }),
            ...(p.gone && { gone: p.gone }),
            ...(p.removed && { removed: p.removed }),
          },
        });
      } else {
        p.quotes.forEach((q, i) => {
          const src = q.sourcePost === null ? null : postKey(q.sourceThread ?? doc.slug, q.sourcePost);
          store.set({
            id: `${key}/${i}`,
            data: {
              post: ref('posts', key),
              thread: ref('threads', doc.slug),
              n: p.n,
              index: i,
              author: q.author,
              authorRef: authorOf(q.author) ? ref('authors', authorOf(q.author)!.slug) : null,
              source: src ? ref('posts', src) : null,
              sourceThread: q.sourceThread ?? (q.sourcePost === null ? null : doc.slug),
              sourcePost: q.sourcePost,
              text: q.text,
              reconstructed: q.reconstructed,
              line: q.line,
            },
          });
        });
      }
    }
  }
}

/** Every collection's entries as the loader would store them, id → data in loader order (for the sharded build's plan). */
export function collectEntries(loaded: Loaded): Collections {
  const out = {} as Collections;
  for (const kind of ['threads', 'posts', 'quotes', 'authors', 'withdrawn'] as const) {
    const entries = new Map<string, unknown>();
    fill(kind, loaded, { set: (e) => (entries.set(e.id, e.data), true) });
    out[kind] = entries;
  }
  return out;
}

/**
 * A store that also keeps each entry, as Astro's store holds it (`{id, data}`),
 * in the collections map the pages read in this process (see
 * `src/integrations/data-store-module.ts`): the prerender then needs neither
 * the store file nor a bundle of it.
 */
function liveStore(kind: Kind, store: LoaderContext['store']): LoaderContext['store'] {
  const g = globalThis as unknown as Record<symbol, Map<string, Map<string, { id: string; data: unknown }>> | undefined>;
  const all = (g[Symbol.for(LIVE_COLLECTIONS)] ??= new Map());
  const entries = new Map<string, { id: string; data: unknown }>();
  all.set(kind, entries);
  // A build reads the collections from this process's memory only: writing Astro's store file
  // (142 MB at 100k posts, never read back by the build) is skipped. The dev server keeps it for its restarts.
  const building = reportedAtEnd();
  return {
    ...store,
    set(entry) {
      const added = building ? true : store.set(entry);
      entries.set(entry.id, { id: entry.id, data: entry.data });
      return added;
    },
  };
}

/** The loader for one of the archive's collections. */
export function archiveLoader(kind: Kind): Loader {
  return {
    name: `archive-${kind}`,
    async load({ store, logger, config }) {
      const slice = process.env.ARCHIVE_SLICE;
      const loaded = slice ? await loadSlice(slice, logger) : await loadArchive(contentDir(config.root), logger, config.base);
      store.clear();
      fill(kind, loaded, liveStore(kind, store));
    },
  };
}

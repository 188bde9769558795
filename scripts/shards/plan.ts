/**
 * The sharded build's plan: imports the content folder once (the importer
 * needs the whole archive: renamed accounts, signatures, passages shared
 * between threads), assigns each thread to a shard by a stable hash of its
 * capture path, and writes one slice per shard (`slice-I.jsonl`: the entries
 * its pages read, `src/shards/slice.ts`) and `plan.json` with each slice's
 * content hash, so a later build reuses the output of a shard whose slice and
 * code did not change.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { collectEntries, loadArchive } from '../../src/loader/archive-loader.js';
import { searchDocuments } from '../../src/loader/search-documents.js';
import { shardCount, shardOf, DEFAULT_SHARD_POSTS } from '../../src/shards/assign.js';
import { siteSlice, threadSlice, type Collections } from '../../src/shards/slice.js';
import { sliceLines, writeLines } from '../../src/shards/slice-file.js';
import type { ShardSlice } from '../../src/shards/part.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** One shard of a plan. */
export interface PlannedShard {
  /** 0: the archive-wide pages; 1..count: thread shards. */
  index: number;
  threads: number;
  posts: number;
  /** Hash of the slice and of the code that builds it: equal hashes, equal output. */
  hash: string;
  /** The slice file, relative to the plan folder. */
  slice: string;
}

/** `plan.json`: what the plan wrote. */
export interface Plan {
  content: string;
  count: number;
  posts: number;
  shards: PlannedShard[];
  /** The record of published URLs to write into the content folder once the merged site is complete, or null. */
  published: string | null;
  ingestMs: number;
  /**
   * `one`: one index of the whole archive, built beside the parts (`<plan>/index/`);
   * `per-shard`: each part indexes its own documents, and the search page merges the bundles.
   */
  search: 'one' | 'per-shard';
  /** With `search: one`, the hash of what the index holds (every slice's hash). */
  indexHash: string | null;
}

/** Options of `planShards`. */
export interface PlanOptions {
  /** The content folder (absolute). */
  content: string;
  /** Where slices and `plan.json` go (emptied of old slices first). */
  dir: string;
  /** Thread shards; default: enough for `perShard` posts each. */
  count?: number;
  /** Posts per thread shard when `count` is not given (default `DEFAULT_SHARD_POSTS`). */
  perShard?: number;
  /** One index beside the parts, or one per part (default `one`; see `Plan.search`). */
  search?: 'one' | 'per-shard';
  /** Where progress lines go (default stderr). */
  log?: (line: string) => void;
}

/** A hash of everything besides the slice that decides a shard's output: the site's code, its configuration, its dependencies. */
export async function codeHash(): Promise<string> {
  const h = createHash('sha256');
  const files: string[] = [];
  for (const dir of ['src', 'public']) {
    for (const e of await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true })) if (e.isFile()) files.push(join(e.parentPath, e.name));
  }
  files.push(join(ROOT, 'astro.config.mjs'), join(ROOT, 'package-lock.json'));
  files.sort();
  for (const f of files) {
    h.update(f.slice(ROOT.length));
    h.update(await readFile(f).catch(() => Buffer.alloc(0)));
  }
  // The environment that changes pages: base path and site address.
  h.update(`${process.env.ARCHIVE_BASE ?? ''}|${process.env.ARCHIVE_SITE ?? ''}`);
  return h.digest('hex');
}

/** A logger with the shape the loader uses, printing to `log`. */
function consoleLogger(log: (line: string) => void): LoaderContext['logger'] {
  const logger = {
    info: (m: string) => log(`[plan] ${m}`),
    warn: (m: string) => log(`[plan] warning: ${m}`),
    error: (m: string) => log(`[plan] error: ${m}`),
    debug: () => undefined,
    options: {},
    label: 'plan',
    fork: () => logger,
  };
  return logger as unknown as LoaderContext['logger'];
}

/** Writes one slice and returns its hash. */
async function writeSlice(file: string, slice: ShardSlice, code: string): Promise<string> {
  const h = createHash('sha256').update(code);
  const lines = sliceLines(slice);
  const hashed = (function* () {
    for (const l of lines) {
      h.update(l);
      yield l;
    }
  })();
  await writeLines(file, hashed);
  return h.digest('hex').slice(0, 32);
}

/** The record of published URLs the loader prepared (`src/integrations/published-record.ts`). */
function pendingRecord(): string | null {
  const r = (globalThis as Record<symbol, { text: string } | undefined>)[Symbol.for('counterfactual-archive.published-record')];
  return r?.text ?? null;
}

/** Imports `content` and writes the plan and its slices into `dir`. */
export async function planShards(o: PlanOptions): Promise<Plan & { index: NonNullable<ShardSlice['search']> }> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const t0 = performance.now();
  const loaded = await loadArchive(o.content, consoleLogger(log));
  const entries: Collections = collectEntries(loaded);
  const search = searchDocuments(loaded.archive, loaded.links);
  const ingestMs = performance.now() - t0;
  const posts = entries.posts.size;
  const count = Math.max(1, o.count ?? shardCount(posts, o.perShard ?? DEFAULT_SHARD_POSTS));
  // Each thread's shard, by its capture path; its posts, in the loader's order.
  const shardOfThread = new Map<string, number>();
  for (const [slug, data] of entries.threads) shardOfThread.set(slug, shardOf((data as { file: string }).file, count));
  const postsOf = new Map<string, string[]>();
  for (const [id, data] of entries.posts) {
    const slug = (data as { thread: { id: string } }).thread.id;
    const list = postsOf.get(slug);
    if (list) list.push(id);
    else postsOf.set(slug, [id]);
  }
  await mkdir(o.dir, { recursive: true });
  for (const f of await readdir(o.dir)) if (/^slice-\d+\.jsonl$/.test(f)) await rm(join(o.dir, f));
  const mode = o.search ?? 'one';
  const code = `${await codeHash()}|${mode}`;
  const shards: PlannedShard[] = [];
  const site: ShardSlice = {
    part: 'site',
    index: 0,
    count,
    own: [],
    collections: Object.fromEntries(Object.entries(siteSlice(entries)).map(([k, m]) => [k, [...m]])) as ShardSlice['collections'],
    search: mode === 'one' ? null : { documents: [], authors: search.authors },
  };
  shards.push({ index: 0, threads: entries.threads.size, posts, hash: await writeSlice(join(o.dir, 'slice-0.jsonl'), site, code), slice: 'slice-0.jsonl' });
  for (let i = 1; i <= count; i++) {
    const own = new Set([...shardOfThread].filter(([, s]) => s === i).map(([slug]) => slug));
    const c = threadSlice(entries, own, postsOf);
    const slice: ShardSlice = {
      part: 'threads',
      index: i,
      count,
      own: [...own],
      collections: Object.fromEntries(Object.entries(c).map(([k, m]) => [k, [...m]])) as ShardSlice['collections'],
      search: mode === 'one' ? null : { documents: search.documents.filter((d) => own.has(d.slug)), authors: [] },
    };
    const mine = [...own].reduce((a, s) => a + (postsOf.get(s)?.length ?? 0), 0);
    shards.push({ index: i, threads: own.size, posts: mine, hash: await writeSlice(join(o.dir, `slice-${i}.jsonl`), slice, code), slice: `slice-${i}.jsonl` });
  }
  const indexHash = mode === 'one' ? createHash('sha256').update(shards.map((s) => s.hash).join()).digest('hex').slice(0, 32) : null;
  const plan: Plan = { content: o.content, count, posts, shards, published: pendingRecord(), ingestMs: Math.round(ingestMs), search: mode, indexHash };
  await writeFile(join(o.dir, 'plan.json'), `${JSON.stringify(plan, null, 1)}\n`);
  log(`[plan] ${posts} posts in ${count} thread shard(s) (${shards.slice(1).map((s) => s.posts).join(', ')} posts) and the archive-wide part; import ${(ingestMs / 1000).toFixed(1)} s, plan ${((performance.now() - t0 - ingestMs) / 1000).toFixed(1)} s`);
  return { ...plan, index: search };
}

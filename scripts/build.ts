/**
 * `npm run build [-- astro build options]`: `astro build` with a log a person
 * can read. Astro prints a line for every page it writes (112,000 lines at
 * 100k posts), which buries the import report; this runs the build and, in
 * place of those lines, prints one progress line per phase with counts and
 * rate (import, pages, search index), then the import report once, at the end.
 * Everything else Astro prints passes through; the exit code is the build's.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { parseShardArg } from '../src/shards/assign.js';

const ROOT = resolve(import.meta.dirname, '..');

/** A line Astro prints for one written page (`├─ /t/x/index.html (+3ms)`). */
const PAGE_LINE = /^(?:\S+ )?\s*[├└]─ /u;
/** A route heading Astro prints before its pages (`▶ src/pages/t/[slug]/[n].astro`). */
const ROUTE_LINE = /^(?:\S+ )?[▶λ] src\/pages\//u;
/** How often the pages phase reports, at most (default every 2 s). */
const EVERY_MS = 2000;

/** A counter that prints `pages: N written (R/s)` now and then, and a last line when done. */
export function pageProgress(write: (line: string) => void, now: () => number = () => performance.now()) {
  let pages = 0;
  let start = 0;
  let last = 0;
  const line = (final: boolean) => {
    const s = (now() - start) / 1000;
    const rate = Math.round(pages / Math.max(s, 0.001));
    write(`pages: ${pages.toLocaleString('en')} written${final ? ` in ${s.toFixed(1)} s` : ''} (${rate.toLocaleString('en')} pages/s)`);
  };
  return {
    /** Counts a page line; reports when a while has passed. */
    page(): void {
      if (pages === 0) start = last = now();
      pages++;
      if (now() - last >= EVERY_MS) {
        last = now();
        line(false);
      }
    },
    /** Reports the total, once, if any page was written. */
    done(): void {
      if (pages > 0) line(true);
      pages = 0;
    },
  };
}

/**
 * Runs `astro build` with `args` (and `env` over this process's), filtering its
 * page lines; every line it prints starts with `prefix` (default none). Resolves to its exit code.
 */
export function build(args: string[], env: NodeJS.ProcessEnv = {}, prefix = ''): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/astro.js'), 'build', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: process.env.NO_COLOR ?? (process.stdout.isTTY ? '' : '1'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const progress = pageProgress((l) => process.stdout.write(`${prefix}${l}\n`));
    const plain = (l: string) => l.replace(/\u001b\[[0-9;]*m/g, '');
    createInterface({ input: child.stdout }).on('line', (l) => {
      const text = plain(l);
      if (PAGE_LINE.test(text)) return progress.page();
      if (ROUTE_LINE.test(text)) return;
      // The pages phase ends with Astro's "Completed in" line of the static routes.
      if (/✓ Completed in/.test(text)) progress.done();
      process.stdout.write(`${prefix}${l}\n`);
    });
    createInterface({ input: child.stderr }).on('line', (l) => process.stderr.write(`${prefix}${l}\n`));
    child.on('close', (code) => {
      progress.done();
      done(code ?? 1);
    });
  });
}

/** The sharded build's options, taken out of the arguments; the rest go to `astro build`. */
export interface ShardedArgs {
  /** `--shards N` (or `auto`: one shard per `--shard-posts` posts): build every part here, then merge. */
  shards: number | 'auto' | null;
  /** `--shard I/N`: build part I of N only (0 is the archive-wide part), for a job of a matrix. */
  shard: { index: number; count: number } | null;
  /** `--shard-posts K`: posts per shard for `--shards auto`. */
  shardPosts: number | undefined;
  /** `--plan-dir DIR`: where the plan, the slices and the parts go (default `.shards/`). */
  planDir: string;
  /** `--search per-shard`: each part indexes its own documents (default for `--shard`); else one index beside the parts. */
  search: 'one' | 'per-shard';
  /** `--outDir DIR`: the merged site (default `dist/`). */
  outDir: string;
  rest: string[];
}

/** Reads the sharded build's options; throws with the usage on a malformed one. */
export function shardedArgs(argv: string[]): ShardedArgs {
  const out: ShardedArgs = { shards: null, shard: null, shardPosts: undefined, planDir: resolve(ROOT, '.shards'), search: 'one', outDir: resolve(ROOT, 'dist'), rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--shards') {
      const v = value();
      out.shards = v === 'auto' ? 'auto' : Number(v);
      if (out.shards !== 'auto' && !(Number.isInteger(out.shards) && out.shards >= 1)) throw new Error(`--shards takes a whole number of at least 1, or auto (got ${v})`);
    } else if (a === '--shard') {
      const v = value();
      out.shard = parseShardArg(v);
      if (!out.shard) throw new Error(`--shard takes I/N with 0 <= I <= N, N >= 1 (got ${v}); 0/N is the archive-wide part`);
    } else if (a === '--shard-posts') out.shardPosts = Number(value());
    else if (a === '--plan-dir') out.planDir = resolve(value());
    else if (a === '--search') {
      const v = value();
      if (v !== 'one' && v !== 'per-shard') throw new Error(`--search takes one or per-shard (got ${v})`);
      out.search = v;
    }
    else if (a === '--outDir') {
      out.outDir = resolve(value());
      out.rest.push(a, argv[i]!);
    } else out.rest.push(a);
  }
  return out;
}

/**
 * The whole archive's search index, built by Pagefind's process while the
 * parts render (reused when what it holds has not changed): the same records
 * as a single build's, so a first search fetches what it would there.
 */
async function oneIndex(plan: Awaited<ReturnType<typeof import('./shards/plan.js').planShards>>, dir: string, log: (l: string) => void): Promise<void> {
  const { readFile, writeFile } = await import('node:fs/promises');
  if ((await readFile(resolve(dir, '.hash'), 'utf8').catch(() => null))?.trim() === plan.indexHash) {
    log(`[index] unchanged since its last build: reused`);
    return;
  }
  const { writeSearchIndex } = await import('../src/integrations/pagefind.js');
  const t0 = performance.now();
  const figures = await writeSearchIndex(plan.index, dir);
  await writeFile(resolve(dir, '.hash'), `${plan.indexHash}\n`);
  log(`[index] search index: ${figures.items} posts, sections, authors and quotes in ${figures.records} records, ${((performance.now() - t0) / 1000).toFixed(1)} s, ${Math.round(figures.indexBytes / 1024)} KB`);
}

/** The sharded build: plan, then every part (or one), then the merge when every part was built here. */
async function sharded(o: ShardedArgs): Promise<number> {
  const { planShards } = await import('./shards/plan.js');
  const { buildParts } = await import('./shards/run.js');
  const { mergeShards } = await import('./shards/merge.js');
  const { contentDir } = await import('../src/loader/archive-loader.js');
  const log = (l: string) => process.stdout.write(`${l}\n`);
  const t0 = performance.now();
  const count = o.shard ? o.shard.count : o.shards === 'auto' ? undefined : (o.shards ?? undefined);
  // A part built on its own (a job of a matrix) indexes its own documents; a build of every part here makes one index beside them.
  const search = o.shard || o.search === 'per-shard' ? 'per-shard' : 'one';
  const plan = await planShards({ content: contentDir(ROOT), dir: o.planDir, count, perShard: o.shardPosts, search, log });
  const parts = resolve(o.planDir, 'parts');
  const t1 = performance.now();
  const index = plan.search === 'one' ? oneIndex(plan, resolve(o.planDir, 'index'), log) : Promise.resolve();
  index.catch(() => undefined);
  const { built, reused } = await buildParts({ plan, planDir: o.planDir, parts, only: o.shard ? [o.shard.index] : undefined, build, log });
  const t2 = performance.now();
  await index;
  const t3 = performance.now();
  log(`phases: plan ${((t1 - t0) / 1000).toFixed(1)} s, parts ${((t2 - t1) / 1000).toFixed(1)} s (built ${built.length}, reused ${reused.length}), index ${plan.search === 'one' ? `waited ${((t3 - t2) / 1000).toFixed(1)} s more` : 'in the parts'}`);
  if (o.shard) {
    log(`part ${o.shard.index}/${o.shard.count} is in ${resolve(parts, String(o.shard.index))}; when every part is built, put them under one ${parts}/ and run \`npm run merge\`.`);
    return 0;
  }
  await mergeShards({ plan: o.planDir, parts, out: o.outDir, log });
  log(`phases: merge ${((performance.now() - t3) / 1000).toFixed(1)} s; total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let args: ShardedArgs;
  try {
    args = shardedArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`build: ${(e as Error).message}\nusage: npm run build [-- --shards N|auto [--shard-posts K] [--search one|per-shard] | --shard I/N] [--plan-dir DIR] [--outDir DIR]\n`);
    process.exit(2);
  }
  if (args.shards === null && args.shard === null) process.exitCode = await build(args.rest);
  else {
    try {
      process.exitCode = await sharded(args);
    } catch (e) {
      process.stderr.write(`build: ${(e as Error).message}\n`);
      process.exitCode = 1;
    }
  }
}

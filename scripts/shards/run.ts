/**
 * Builds the parts of a sharded build: each part is one `astro build` of its
 * slice (`ARCHIVE_SLICE`) in its own process, into `<parts>/<I>/`, two at a
 * time on this machine's two cores. A part whose slice and code hash equal
 * those of the output already there is reused, not rebuilt.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plan, PlannedShard } from './plan.js';
import { partDir, type PartStamp } from './merge.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs `astro build` with `args` and `env`, its page lines folded into progress lines; resolves to the exit code. */
export type AstroBuild = (args: string[], env: NodeJS.ProcessEnv, prefix: string) => Promise<number>;

/** Options of `buildParts`. */
export interface PartsOptions {
  plan: Plan;
  planDir: string;
  /** Where parts' outputs go (`<parts>/<I>/`). */
  parts: string;
  /** The parts to build (default: all of the plan's). */
  only?: number[];
  /** How many builds run at once (default 2). */
  concurrency?: number;
  /** Rebuild even a part whose output is up to date (default false). */
  force?: boolean;
  build: AstroBuild;
  log?: (line: string) => void;
}

/** Whether part `s` already has output built from the same slice and code. */
async function upToDate(parts: string, s: PlannedShard): Promise<boolean> {
  const stamp = join(partDir(parts, s.index), '.shard.json');
  if (!existsSync(stamp)) return false;
  try {
    return (JSON.parse(await readFile(stamp, 'utf8')) as PartStamp).hash === s.hash;
  } catch {
    return false;
  }
}

/** One part's build; throws with what to do when it fails. */
async function buildPart(o: PartsOptions, s: PlannedShard): Promise<void> {
  const out = partDir(o.parts, s.index);
  const t0 = performance.now();
  const code = await o.build(['--outDir', out], {
    ARCHIVE_SLICE: join(o.planDir, s.slice),
    ARCHIVE_CONTENT: o.plan.content,
    // Each part its own cache folder: two builds at once must not share Astro's store or types.
    ARCHIVE_CACHE_DIR: join(ROOT, 'node_modules/.astro/shards', String(s.index)),
  }, `[part ${s.index}/${o.plan.count}] `);
  if (code !== 0) throw new Error(`Part ${s.index}/${o.plan.count} failed to build (exit ${code}); its log is above. Fix the cause and run the build again: parts already built are reused.`);
  const stamp: PartStamp = { index: s.index, hash: s.hash };
  await writeFile(join(out, '.shard.json'), `${JSON.stringify(stamp)}\n`);
  (o.log ?? ((l) => process.stderr.write(`${l}\n`)))(`[part ${s.index}/${o.plan.count}] built ${s.index === 0 ? 'the archive-wide pages' : `${s.threads} threads, ${s.posts} posts`} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Builds the plan's parts (or `only` those), `concurrency` at a time; resolves to the parts built and reused. */
export async function buildParts(o: PartsOptions): Promise<{ built: number[]; reused: number[] }> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const wanted = o.plan.shards.filter((s) => !o.only || o.only.includes(s.index));
  const built: number[] = [];
  const reused: number[] = [];
  const queue: PlannedShard[] = [];
  for (const s of wanted) {
    if (!o.force && (await upToDate(o.parts, s))) {
      reused.push(s.index);
      log(`[part ${s.index}/${o.plan.count}] unchanged since its last build (${s.hash.slice(0, 8)}): reused`);
    } else queue.push(s);
  }
  // Biggest first, so the last builds to finish are short.
  queue.sort((a, b) => b.posts - a.posts || a.index - b.index);
  const workers = Array.from({ length: Math.max(1, o.concurrency ?? 2) }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      await buildPart(o, s);
      built.push(s.index);
    }
  });
  await Promise.all(workers);
  return { built: built.sort((a, b) => a - b), reused };
}

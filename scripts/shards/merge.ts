/**
 * `npm run merge`: puts the outputs of a sharded build's parts together into
 * one site. The parts' URL spaces are disjoint (`src/integrations/shard-output.ts`):
 * every file is linked (or copied) into place, and a file two parts both
 * wrote must be byte-identical (the shared stylesheet) or the merge stops.
 * Three things are joined rather than placed: each thread shard's Pagefind
 * bundle goes to `pagefind/shards/I/` and is named in `pagefind/maps/meta.json`,
 * which the search page merges with Pagefind's `mergeIndex`; the record maps
 * of all indexes share `pagefind/maps/`; and the thread shards' lines of
 * `data/posts.jsonl` are stitched in archive order.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { dirname, join, relative } from 'node:path';
import type { Plan } from './plan.js';
import { averageWords, type SearchMeta } from '../../src/search/write-index.js';

/** What a part's output records about the build that wrote it (`<part>/.shard.json`). */
export interface PartStamp {
  index: number;
  hash: string;
}

/** The folder of part `index` under `parts`. */
export const partDir = (parts: string, index: number): string => join(parts, String(index));

/** Options of `mergeShards`. */
export interface MergeOptions {
  /** The plan folder (`plan.json`). */
  plan: string;
  /** Where the parts' outputs are (`<parts>/<I>/`). */
  parts: string;
  /** The merged site's folder (emptied first, but for a top-level `.git`). */
  out: string;
  log?: (line: string) => void;
}

/** Puts `from` at `to`: a hard link when the file system allows, else a copy. */
async function place(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** How many file system calls are in flight at once while placing (default 64). */
const IN_FLIGHT = 64;

/** Runs `fn` on every item, up to `IN_FLIGHT` at a time. */
async function eachAtOnce<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
}

/** The part number under which the one search index is recorded. */
const INDEX_PART = -1;
/** The record of the last merge into `out`, in the plan folder: one per output folder. */
const recordName = (out: string) => `merged-${createHash('sha256').update(out).digest('hex').slice(0, 12)}.json`;

/** What a merge placed, kept in `<plan>/merged-<hash of out>.json` so that the next merge into the same folder only replaces what changed. */
interface MergeRecord {
  out: string;
  search: Plan['search'];
  /** Each part (and the index, `-1`) with the hash it was built from and the files it placed. */
  parts: { index: number; hash: string; files: string[] }[];
}

/** The last merge's record when it merged into `out` with the same kind of search and `out` still exists; else null (merge afresh). */
async function lastMerge(record: string, out: string, search: Plan['search']): Promise<MergeRecord | null> {
  if (!existsSync(out)) return null;
  try {
    const r = JSON.parse(await readFile(record, 'utf8')) as MergeRecord;
    return r.out === out && r.search === search && Array.isArray(r.parts) ? r : null;
  } catch {
    return null;
  }
}

/** Creates the folders of `dests` under `out` (a recursive `mkdir` accepts a parent that another call just made). */
async function makeFolders(dests: Iterable<string>, out: string): Promise<void> {
  await eachAtOnce([...new Set([...dests].map((d) => dirname(join(out, d))))], (f) => mkdir(f, { recursive: true }));
}

/** Empties `out` (but for a top-level `.git`) and places every `dest → source` of `placed` in it. Resolves to the count placed. */
async function placeAfresh(placed: Map<string, string>, out: string): Promise<number> {
  await mkdir(out, { recursive: true });
  for (const n of await readdir(out)) if (n !== '.git') await rm(join(out, n), { recursive: true, force: true });
  await makeFolders(placed.keys(), out);
  await eachAtOnce([...placed], ([dest, from]) => place(from, join(out, dest)));
  return placed.size;
}

/**
 * Brings `out`, as the last merge (`before`) left it, up to date: the files of
 * parts whose hash did not change stay as they are (they are links to the same
 * files); those of rebuilt parts are replaced, and files no part writes any
 * longer are removed. Resolves to the count placed.
 */
async function updateInPlace(before: MergeRecord, placed: Map<string, string>, owner: Map<string, number>, hashes: Map<number, string>, out: string): Promise<number> {
  const kept = new Set(before.parts.filter((p) => hashes.get(p.index) === p.hash).map((p) => p.index));
  const keptFiles = new Set(before.parts.filter((p) => kept.has(p.index)).flatMap((p) => p.files));
  const gone = before.parts.filter((p) => !kept.has(p.index)).flatMap((p) => p.files.filter((f) => !placed.has(f)));
  await eachAtOnce(gone, (f) => rm(join(out, f), { force: true }));
  // A removed page leaves its folder empty (`t/slug/7/`, then `t/slug/`): remove the folders that emptied, deepest first.
  const emptied = new Set<string>();
  for (const f of gone) for (let d = dirname(f); d !== '.' && d !== '/' && !emptied.has(d); d = dirname(d)) emptied.add(d);
  for (const d of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length)) await rmdir(join(out, d)).catch(() => undefined);
  const fresh = [...placed].filter(([dest]) => !kept.has(owner.get(dest)!) && !keptFiles.has(dest));
  await makeFolders(fresh.map(([dest]) => dest), out);
  await eachAtOnce(fresh, async ([dest, from]) => {
    await rm(join(out, dest), { force: true });
    await place(from, join(out, dest));
  });
  return fresh.length;
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) yield join(e.parentPath, e.name);
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}

/** Streams the lines of a file. */
function lines(file: string): AsyncIterator<string> {
  return createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]();
}

/**
 * Stitches the thread shards' `posts.jsonl` in archive order (`order`: thread
 * slugs as `data/index.json` lists them): each part's lines already follow
 * that order, so a k-way merge streams them without holding the archive.
 */
async function stitchPosts(sources: string[], order: Map<string, number>, out: string): Promise<number> {
  const rank = (line: string) => order.get((JSON.parse(line) as { thread: string }).thread) ?? Number.MAX_SAFE_INTEGER;
  const heads: { it: AsyncIterator<string>; line: string; rank: number }[] = [];
  for (const s of sources) {
    const it = lines(s);
    const r = await it.next();
    if (!r.done && r.value) heads.push({ it, line: r.value, rank: rank(r.value) });
  }
  const w = createWriteStream(out);
  let count = 0;
  while (heads.length > 0) {
    let best = 0;
    for (let i = 1; i < heads.length; i++) if (heads[i]!.rank < heads[best]!.rank) best = i;
    const h = heads[best]!;
    const thread = h.rank;
    // A thread's lines come from one part, together.
    for (;;) {
      if (!w.write(`${h.line}\n`)) await once(w, 'drain');
      count++;
      const r = await h.it.next();
      if (r.done || !r.value) {
        heads.splice(best, 1);
        break;
      }
      h.line = r.value;
      h.rank = rank(r.value);
      if (h.rank !== thread) break;
    }
  }
  w.end();
  await once(w, 'close');
  return count;
}

/** Merges the parts of `plan` into `out`. Throws, saying which part to rebuild, when a part is missing, stale or clashes. */
export async function mergeShards(o: MergeOptions): Promise<{ files: number; posts: number; ms: number }> {
  const t0 = performance.now();
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const plan = JSON.parse(await readFile(join(o.plan, 'plan.json'), 'utf8')) as Plan;
  for (const s of plan.shards) {
    const stamp = join(partDir(o.parts, s.index), '.shard.json');
    if (!existsSync(stamp)) throw new Error(`Part ${s.index}/${plan.count} has not been built (no ${stamp}). Build it with \`npm run build -- --shard ${s.index}/${plan.count}\` (or every part with \`npm run build -- --shards ${plan.count}\`), then merge again.`);
    const got = JSON.parse(await readFile(stamp, 'utf8')) as PartStamp;
    if (got.hash !== s.hash) throw new Error(`Part ${s.index}/${plan.count} in ${partDir(o.parts, s.index)} was built from other content or code than the current plan (${got.hash.slice(0, 8)}, plan ${s.hash.slice(0, 8)}). Rebuild it with \`npm run build -- --shard ${s.index}/${plan.count}\`, then merge again.`);
  }
  const indexDir = join(o.plan, 'index');
  if (plan.search === 'one') {
    const got = await readFile(join(indexDir, '.hash'), 'utf8').catch(() => null);
    if (got?.trim() !== plan.indexHash) throw new Error(`The search index in ${indexDir} is missing or was built from other content than the current plan. Build it with \`npm run build -- --shards ${plan.count}\`, which builds it beside the parts, then merge again.`);
  }
  const metas: SearchMeta[] = [];
  const postParts: string[] = [];
  // Where each file goes and which part wrote it, decided first (a path two parts both wrote must hold the same bytes).
  const placed = new Map<string, string>();
  const owner = new Map<string, number>();
  for (const s of plan.shards) {
    const dir = partDir(o.parts, s.index);
    for await (const file of files(dir)) {
      const rel = relative(dir, file).split('\\').join('/');
      if (rel === '.shard.json') continue;
      let dest = rel;
      if (rel === 'pagefind/maps/meta.json') {
        metas.push(JSON.parse(await readFile(file, 'utf8')) as SearchMeta);
        continue;
      }
      if (s.index > 0 && rel === 'data/posts.jsonl') {
        postParts.push(file);
        continue;
      }
      if (plan.search === 'one' && rel.startsWith('pagefind/')) continue;
      if (s.index > 0 && rel.startsWith('pagefind/') && !rel.startsWith('pagefind/maps/')) dest = `pagefind/shards/${s.index}/${rel.slice('pagefind/'.length)}`;
      const first = placed.get(dest);
      if (first === undefined) {
        placed.set(dest, file);
        owner.set(dest, s.index);
      } else if (!(await sameBytes(first, file))) {
        throw new Error(`Parts of the sharded build both wrote ${dest}, differently (the second is part ${s.index}). Their URL spaces should be disjoint: check src/integrations/shard-output.ts for what a thread shard keeps.`);
      }
    }
  }
  if (plan.search === 'one') {
    for await (const file of files(indexDir)) {
      const rel = relative(indexDir, file).split('\\').join('/');
      if (rel === '.hash') continue;
      placed.set(`pagefind/${rel}`, file);
      owner.set(`pagefind/${rel}`, INDEX_PART);
    }
  }
  const hashes = new Map<number, string>(plan.shards.map((s) => [s.index, s.hash]));
  if (plan.search === 'one' && plan.indexHash) hashes.set(INDEX_PART, plan.indexHash);
  const record = join(o.plan, recordName(o.out));
  const before = await lastMerge(record, o.out, plan.search);
  // The record of this merge is removed while the output changes: a merge stopped halfway leaves none, and the next one starts afresh.
  await rm(record, { force: true });
  const count = before ? await updateInPlace(before, placed, owner, hashes, o.out) : await placeAfresh(placed, o.out);
  if (before) log(`[merge] ${o.out} was merged from this plan folder before: ${count} files of rebuilt parts replaced, the others kept`);
  // One search: the archive-wide index first (authors), the thread shards' merged into it.
  if (metas.length > 0) {
    const items = metas.reduce((a, m) => a + m.items, 0);
    const words = metas.reduce((a, m) => a + (m.words ?? m.avgWords * m.items), 0);
    const meta: SearchMeta = {
      records: metas.reduce((a, m) => a + m.records, 0),
      items,
      avgWords: averageWords(words, items),
      dated: metas.some((m) => m.dated),
      words,
      indexes: plan.shards.filter((s) => s.index > 0 && existsSync(join(o.out, `pagefind/shards/${s.index}/pagefind-entry.json`))).map((s) => `shards/${s.index}/`),
    };
    await mkdir(join(o.out, 'pagefind/maps'), { recursive: true });
    await writeFile(join(o.out, 'pagefind/maps/meta.json'), JSON.stringify(meta));
  }
  let posts = 0;
  const index = join(o.out, 'data/index.json');
  if (existsSync(index)) {
    const docs = (JSON.parse(await readFile(index, 'utf8')) as { documents: { slug: string }[] }).documents;
    posts = await stitchPosts(postParts, new Map(docs.map((d, i) => [d.slug, i])), join(o.out, 'data/posts.jsonl'));
  }
  // Only a complete site has published anything: the record is written now, as a single build writes it at its end.
  if (plan.published !== null) {
    const file = join(plan.content, 'published.json');
    const old = await readFile(file, 'utf8').catch(() => null);
    if (old !== plan.published) {
      await writeFile(file, plan.published).then(
        () => log(`[merge] updated ${file}: commit it with the content, so that later builds know what was published`),
        (e: Error) => log(`[merge] could not write ${file} (${e.message}): later builds will not answer the URLs of threads removed from now on. Make the content folder writable.`),
      );
    }
  }
  const byPart = new Map<number, string[]>();
  for (const [dest, part] of owner) {
    const list = byPart.get(part);
    if (list) list.push(dest);
    else byPart.set(part, [dest]);
  }
  const merged: MergeRecord = { out: o.out, search: plan.search, parts: [...hashes].map(([index, hash]) => ({ index, hash, files: byPart.get(index) ?? [] })) };
  await writeFile(record, JSON.stringify(merged));
  const ms = performance.now() - t0;
  log(`[merge] ${plan.shards.length} parts, ${placed.size} files, ${posts} posts in data/posts.jsonl, into ${o.out} in ${(ms / 1000).toFixed(1)} s`);
  return { files: placed.size, posts, ms };
}

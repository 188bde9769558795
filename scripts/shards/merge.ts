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
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
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
  await mkdir(o.out, { recursive: true });
  for (const n of await readdir(o.out)) if (n !== '.git') await rm(join(o.out, n), { recursive: true, force: true });
  const metas: SearchMeta[] = [];
  const postParts: string[] = [];
  const made = new Set<string>();
  let count = 0;
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
      const to = join(o.out, dest);
      if (existsSync(to)) {
        if (await sameBytes(file, to)) continue;
        throw new Error(`Parts of the sharded build both wrote ${dest}, differently (the second is part ${s.index}). Their URL spaces should be disjoint: check src/integrations/shard-output.ts for what a thread shard keeps.`);
      }
      const parent = dirname(to);
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true });
        made.add(parent);
      }
      await place(file, to);
      count++;
    }
  }
  if (plan.search === 'one') {
    for await (const file of files(indexDir)) {
      const rel = relative(indexDir, file);
      if (rel === '.hash') continue;
      const to = join(o.out, 'pagefind', rel);
      await mkdir(dirname(to), { recursive: true });
      await place(file, to);
      count++;
    }
  }
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
  const ms = performance.now() - t0;
  log(`[merge] ${plan.shards.length} parts, ${count} files, ${posts} posts in data/posts.jsonl, into ${o.out} in ${(ms / 1000).toFixed(1)} s`);
  return { files: count, posts, ms };
}

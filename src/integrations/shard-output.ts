/**
 * A shard's build keeps only what it owns. Astro writes every static route in
 * every build (the front page, the search page, `public/`), but in a sharded
 * build the archive-wide part owns those, and a thread shard owns its threads'
 * pages (`t/`, `essays/`), their data files, its posts' lines of
 * `data/posts.jsonl` (stitched in archive order by the merge) and its search
 * index. At `astro:build:done` this removes the rest, so the outputs'
 * URL spaces are disjoint and `npm run merge` can check that they are.
 * A single build is left alone.
 */
import type { AstroIntegration } from 'astro';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shardPart } from '../shards/part.js';

/** Top-level entries of a thread shard's output that it owns. */
const THREAD_TOP = new Set(['t', 'essays', 'data', 'pagefind', '_astro']);
/** Entries of `data/` a thread shard owns. */
const THREAD_DATA = new Set(['threads', 'captures', 'posts.jsonl']);

async function keepOnly(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => !keep.has(n)).map((n) => rm(join(dir, n), { recursive: true, force: true })));
}

/** The Astro integration: prunes a shard's output to what it owns. */
export default function shardOutput(): AstroIntegration {
  return {
    name: 'archive-shard-output',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const part = shardPart().part;
        const out = fileURLToPath(dir);
        if (part === 'threads') {
          await keepOnly(out, THREAD_TOP);
          await keepOnly(join(out, 'data'), THREAD_DATA);
        } else if (part === 'site') {
          // Its posts carry no quotes: the archive's posts.jsonl is stitched from the thread shards'.
          await rm(join(out, 'data/posts.jsonl'), { force: true });
        }
      },
    },
  };
}

/**
 * Which shard a thread belongs to. A sharded build splits the archive by a
 * stable hash of each thread's path (the capture file it was first read
 * from), so a thread stays in its shard however many threads are added, and
 * the shards' URL spaces are disjoint. Shard 0 is the archive-wide part
 * (front page, authors, years, feeds, search page); shards 1..N hold threads.
 */

/** Posts per shard when the count is worked out from the archive's size (default 25,000). */
export const DEFAULT_SHARD_POSTS = 25_000;

/** FNV-1a, 32 bits, over the string's UTF-16 code units: stable across runs and machines. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The thread shard (1..count) of a thread whose capture path is `path`; `count` below 1 counts as 1. */
export function shardOf(path: string, count: number): number {
  const n = Math.max(1, Math.floor(count) || 1);
  return (stableHash(path) % n) + 1;
}

/**
 * How many thread shards an archive of `posts` posts needs so that each holds
 * about `perShard` posts at most (default `DEFAULT_SHARD_POSTS`); at least 1.
 */
export function shardCount(posts: number, perShard: number = DEFAULT_SHARD_POSTS): number {
  const k = Math.max(1, Math.floor(perShard) || DEFAULT_SHARD_POSTS);
  return Math.max(1, Math.ceil(Math.max(0, posts) / k));
}

/** A parsed `--shard I/N`: shard `index` (0 is the archive-wide part) of `count` thread shards. */
export interface ShardArg {
  index: number;
  count: number;
}

/**
 * Reads `I/N` (`3/8`; `0/8` is the archive-wide part). Returns null for
 * anything else: a count below 1, or an index above the count.
 */
export function parseShardArg(text: string): ShardArg | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index > count) return null;
  return { index, count };
}

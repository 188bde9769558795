/**
 * Which part of the archive this build writes. A single build writes all of
 * it; a shard's build (`ARCHIVE_SLICE`) writes either the pages of its own
 * threads or the archive-wide pages. The loader sets it when it reads a slice;
 * the pages' `getStaticPaths` read it (`src/site/archive.ts`). The loader and
 * the pages are separate module instances, so it is kept on `globalThis`.
 */
import type { SearchAuthor, SearchDocument } from '../search/records.js';

/** The part of the archive a build writes. */
export interface ShardPart {
  /** `all`: a single build; `threads`: a thread shard's pages; `site`: the archive-wide pages. */
  part: 'all' | 'threads' | 'site';
  /** The shard's number (0 for the archive-wide part, 1..count for thread shards; 0 for a single build). */
  index: number;
  /** How many thread shards the archive has (1 for a single build). */
  count: number;
  /** Slugs of the threads this build writes pages for (every thread in a single build: null). */
  own: ReadonlySet<string> | null;
}

/** A shard's slice file, as the plan writes it and the loader reads it. */
export interface ShardSlice {
  part: 'threads' | 'site';
  index: number;
  count: number;
  own: string[];
  /** Each collection's entries, `[id, data]` in the loader's order. */
  collections: Record<'threads' | 'posts' | 'quotes' | 'authors' | 'withdrawn', [string, unknown][]>;
  /**
   * What the shard's search index holds: its own documents (thread shards) or
   * the authors (the archive-wide part); null when the part builds no index
   * (one index of the whole archive is built beside the parts).
   */
  search: { documents: SearchDocument[]; authors: SearchAuthor[] } | null;
}

const KEY = Symbol.for('archive.shard-part');
const SINGLE: ShardPart = { part: 'all', index: 0, count: 1, own: null };

/** Sets the part this process builds (called by the loader when it reads a slice). */
export function setShardPart(part: ShardPart): void {
  (globalThis as Record<symbol, unknown>)[KEY] = part;
}

/** The part this process builds; a single build when no slice was read. */
export function shardPart(): ShardPart {
  return ((globalThis as Record<symbol, unknown>)[KEY] as ShardPart | undefined) ?? SINGLE;
}

/** True when this build writes the pages of thread `slug`. */
export function writesThread(slug: string): boolean {
  const p = shardPart();
  return p.part === 'all' || (p.part === 'threads' && (p.own?.has(slug) ?? false));
}

/** True when this build writes the archive-wide pages (front page, authors, years, feeds, withdrawn URLs). */
export function writesSitePages(): boolean {
  return shardPart().part !== 'threads';
}

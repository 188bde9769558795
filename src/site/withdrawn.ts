/**
 * The former URLs of threads, essays and posts that the archive no longer
 * publishes (the `withdrawn` collection, from the record of published URLs:
 * src/lib/archive/published.ts), each with what its page should say.
 */
import type { CollectionEntry } from 'astro:content';
import { PAGE_SIZE } from '../lib/urls.js';
import { u } from './archive';

export type GoneEntry = CollectionEntry<'withdrawn'>;

/** One former URL and what became of what it showed. */
export interface GoneUrl {
  /** The URL path without the base and the slashes around it (`t/slug/12`), as the page route's parameter. */
  path: string;
  slug: string;
  what: 'thread' | 'essay' | 'post';
  /** The post number, for a post URL. */
  n: number | null;
  /** The whole thread is gone, not only some of its posts. */
  whole: boolean;
  /** Where it went when its capture was merged into another thread: that thread's URL, or its post's. */
  movedTo: { slug: string; url: string; n: number | null } | null;
}

/** Every former URL of a gone thread or essay (its pages and its posts), or of the posts a thread no longer has. */
export function goneUrls(entry: GoneEntry): GoneUrl[] {
  const { kind, from, to, fromPage, whole, movedTo } = entry.data;
  const slug = entry.id;
  const moved = (n: number | null): GoneUrl['movedTo'] => {
    if (!movedTo) return null;
    const m = n !== null ? movedTo.numbers[n - 1] : undefined;
    return { slug: movedTo.slug, url: m ? u.post(movedTo.slug, m) : u.thread(movedTo.slug), n: m ?? null };
  };
  if (kind === 'essay') return whole ? [{ path: `essays/${slug}`, slug, what: 'essay', n: null, whole, movedTo: null }] : [];
  const out: GoneUrl[] = [];
  const pages = Math.max(1, Math.ceil(to / PAGE_SIZE));
  for (let k = fromPage; k <= pages; k++) out.push({ path: k === 1 ? `t/${slug}` : `t/${slug}/page/${k}`, slug, what: 'thread', n: null, whole, movedTo: moved(null) });
  for (let n = from; n <= to; n++) out.push({ path: `t/${slug}/${n}`, slug, what: 'post', n, whole, movedTo: moved(n) });
  return out;
}

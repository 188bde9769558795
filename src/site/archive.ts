/**
 * The pages' view of the archive: every collection read once per build
 * (in Astro 5 each `getCollection()` call clones every entry) and indexed.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { urls as makeUrls } from '../lib/urls.js';
import { compareDocuments } from '../lib/cross-links.js';

export type Thread = CollectionEntry<'threads'>;
export type PostEntry = CollectionEntry<'posts'>;
export type QuoteEntry = CollectionEntry<'quotes'>;
export type AuthorEntry = CollectionEntry<'authors'>;

/** The archive indexed for pages. */
export interface SiteArchive {
  threads: Thread[];
  thread: Map<string, Thread>;
  /** Posts of each thread, in order. */
  postsOf: Map<string, PostEntry[]>;
  post: Map<string, PostEntry>;
  quote: Map<string, QuoteEntry>;
  authors: AuthorEntry[];
  author: Map<string, AuthorEntry>;
}

let memo: Promise<SiteArchive> | null = null;

async function read(): Promise<SiteArchive> {
  const [threads, posts, quotes, authors] = await Promise.all([
    getCollection('threads'),
    getCollection('posts'),
    getCollection('quotes'),
    getCollection('authors'),
  ]);
  const postsOf = new Map<string, PostEntry[]>();
  const post = new Map<string, PostEntry>();
  for (const p of posts) {
    post.set(p.id, p);
    const list = postsOf.get(p.data.thread.id);
    if (list) list.push(p);
    else postsOf.set(p.data.thread.id, [p]);
  }
  for (const list of postsOf.values()) list.sort((a, b) => a.data.n - b.data.n);
  const order = new Map<string, number>();
  threads.forEach((t, i) => order.set(t.id, i));
  threads.sort((a, b) => compareDocuments({ title: a.data.title, slug: a.id }, { title: b.data.title, slug: b.id }));
  return {
    threads,
    thread: new Map(threads.map((t) => [t.id, t])),
    postsOf,
    post,
    quote: new Map(quotes.map((q) => [q.id, q])),
    authors,
    author: new Map(authors.map((a) => [a.id, a])),
  };
}

/** The archive, read once per build. */
export function getArchive(): Promise<SiteArchive> {
  memo ??= read();
  return memo;
}

/** URL builders for this build's base path. */
export const u = makeUrls(import.meta.env.BASE_URL);

/** The display name of a post's author, or null. */
export function authorName(a: SiteArchive, p: PostEntry): string | null {
  return p.data.author ? (a.author.get(p.data.author.id)?.data.name ?? p.data.authorName) : p.data.authorName;
}

/** A post's own words: its own-words segments joined by blank lines (the model's `Post.text`, not stored twice). */
export function ownText(p: PostEntry): string {
  return p.data.segments.flatMap((s) => (s.kind === 'own' ? [s.text] : [])).join('\n\n');
}

/**
 * What one shard's build holds: the collection entries its pages read, and no
 * more. A thread shard holds its own threads with their posts and quotes, and,
 * as context, the few entries of other threads its pages name (a quoted
 * post's author, the title of a thread that holds the same passage, the posts
 * a permalink page shows as "Quoted here" and "Quoted by"), so its pages are
 * the ones a single build writes. The archive-wide part holds every thread
 * and author, and each post without its quotes (its pages show posts' own
 * words only).
 */

/** The collections of the archive, as the loader fills them: id → data, in the loader's order. */
export type Collections = Record<'threads' | 'posts' | 'quotes' | 'authors' | 'withdrawn', Map<string, unknown>>;

/** A reference to another collection's entry, as `reference()` stores it. */
interface Ref {
  collection: string;
  id: string;
}
interface PostRefData {
  thread: string;
  n: number;
}
interface PostData {
  thread: Ref;
  author: Ref | null;
  quotes: Ref[];
  quotedBy: PostRefData[];
  alsoIn: PostRefData[];
  segments: { kind: string }[];
}
interface QuoteData {
  authorRef: Ref | null;
  source: Ref | null;
  sourceThread: string | null;
}
interface ThreadData {
  participants: Ref[];
}

/** Keeps the entries of `from` whose ids are in `ids`, in `from`'s order. */
function pick(from: Map<string, unknown>, ids: ReadonlySet<string>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [id, data] of from) if (ids.has(id)) out.set(id, data);
  return out;
}

/**
 * Authors as thread pages read them: names only. An author's posts, threads
 * and counts are for the archive-wide author pages; leaving them out keeps a
 * thread shard's slice, and so its hash, unchanged when the same author posts
 * in a thread of another shard.
 */
function nameOnly(authors: Map<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [id, data] of authors) out.set(id, { ...(data as object), postCount: 0, posts: [], threads: [], quotes: [], quotedBy: [] });
  return out;
}

/** The ids of the posts that `post` points at: its quotes' sources and the posts that quote it. */
function neighbours(c: Collections, post: PostData, out: Set<string>): void {
  for (const r of post.quotes) {
    const q = c.quotes.get(r.id) as QuoteData | undefined;
    if (q?.source) out.add(q.source.id);
  }
  for (const r of post.quotedBy) out.add(`${r.thread}/${r.n}`);
}

/**
 * The entries a thread shard needs to write the pages of `own` threads
 * exactly as a single build does. `postsOf` lists each thread's post ids.
 */
export function threadSlice(c: Collections, own: ReadonlySet<string>, postsOf: ReadonlyMap<string, readonly string[]>): Collections {
  const posts = new Set<string>();
  for (const slug of own) for (const id of postsOf.get(slug) ?? []) posts.add(id);
  // Posts shown beside own posts (level 1) and the posts those name (level 2: author names only).
  const level1 = new Set<string>();
  for (const id of posts) {
    const p = c.posts.get(id) as PostData | undefined;
    if (p) neighbours(c, p, level1);
  }
  const level2 = new Set<string>();
  for (const id of level1) {
    const p = c.posts.get(id) as PostData | undefined;
    if (p) neighbours(c, p, level2);
  }
  const withQuotes = new Set([...posts, ...level1]);
  const allPosts = new Set([...withQuotes, ...level2]);
  const quotes = new Set<string>();
  const threads = new Set<string>(own);
  const authors = new Set<string>();
  for (const id of allPosts) {
    const p = c.posts.get(id) as PostData | undefined;
    if (!p) continue;
    threads.add(p.thread.id);
    if (p.author) authors.add(p.author.id);
    if (!withQuotes.has(id)) continue;
    for (const r of p.alsoIn) threads.add(r.thread);
    for (const r of p.quotedBy) threads.add(r.thread);
    for (const r of p.quotes) {
      quotes.add(r.id);
      const q = c.quotes.get(r.id) as QuoteData | undefined;
      if (q?.authorRef) authors.add(q.authorRef.id);
      if (q?.sourceThread) threads.add(q.sourceThread);
    }
  }
  for (const slug of own) for (const r of (c.threads.get(slug) as ThreadData | undefined)?.participants ?? []) authors.add(r.id);
  return {
    threads: pick(c.threads, threads),
    posts: pick(c.posts, allPosts),
    quotes: pick(c.quotes, quotes),
    authors: nameOnly(pick(c.authors, authors)),
    withdrawn: new Map(),
  };
}

/**
 * The entries of the archive-wide part: every thread, author and withdrawn
 * URL, and every post with its own words but without its quotes.
 */
export function siteSlice(c: Collections): Collections {
  const posts = new Map<string, unknown>();
  for (const [id, data] of c.posts) {
    const p = data as PostData;
    posts.set(id, { ...p, quotes: [], segments: p.segments.filter((s) => s.kind === 'own') });
  }
  return { threads: c.threads, posts, quotes: new Map(), authors: c.authors, withdrawn: c.withdrawn };
}

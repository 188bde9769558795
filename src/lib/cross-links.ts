/**
 * Cross-links: what follows from the model once every quote knows its source —
 * who quoted each post, which posts reply to it, who took part in each thread,
 * and, per author, their posts, threads, whom they quote and who quotes them.
 */
import type { Archive, Author, Post } from './model.js';

/** A post's address in the archive. */
export interface PostRef {
  thread: string;
  n: number;
}

/** A quote's address: the quoting post and the quote's index in it. */
export interface QuoteRef extends PostRef {
  quote: number;
}

/** What one author did across the archive. */
export interface AuthorActivity {
  posts: PostRef[];
  /** Thread slugs, in archive order. */
  threads: string[];
  /** Author slugs this author quotes, with counts, most first. */
  quotes: { author: string; count: number }[];
  /** Author slugs who quote this author, with counts, most first. */
  quotedBy: { author: string; count: number }[];
}

/** All cross-links of an archive. Keys of post maps are `slug/n`. */
export interface CrossLinks {
  quotedBy: Map<string, QuoteRef[]>;
  /** The posts that answer each post (their `replyTo` is its `n`), by `n` in thread order; a parent may stand after its replies. */
  replies: Map<string, number[]>;
  alsoIn: Map<string, PostRef[]>;
  participants: Map<string, string[]>;
  activity: Map<string, AuthorActivity>;
  /** Author slug for a name as written (display names and aliases). */
  authorOf: (name: string | null) => Author | null;
}

/** The key of a post in cross-link maps. */
export const postKey = (thread: string, n: number): string => `${thread}/${n}`;

function ranked(counts: Map<string, number>): { author: string; count: number }[] {
  return [...counts].map(([author, count]) => ({ author, count })).sort((a, b) => b.count - a.count || (a.author < b.author ? -1 : 1));
}

/** Computes the cross-links of an archive in one pass over its posts and quotes. */
export function crossLinks(archive: Archive): CrossLinks {
  const byName = new Map<string, Author>();
  for (const a of archive.authors) for (const n of [a.name, ...a.aliases]) byName.set(n, a);
  const authorOf = (name: string | null) => (name ? (byName.get(name) ?? null) : null);
  const quotedBy = new Map<string, QuoteRef[]>();
  const replies = new Map<string, number[]>();
  const alsoIn = new Map<string, PostRef[]>();
  const participants = new Map<string, string[]>();
  const acts = new Map<string, { posts: PostRef[]; threads: string[]; quotes: Map<string, number>; quotedBy: Map<string, number> }>();
  const act = (slug: string) => {
    let a = acts.get(slug);
    if (!a) acts.set(slug, (a = { posts: [], threads: [], quotes: new Map(), quotedBy: new Map() }));
    return a;
  };
  const postAuthor = new Map<string, string | null>();
  for (const d of archive.documents) for (const p of d.posts) postAuthor.set(postKey(d.slug, p.n), authorOf(p.author)?.slug ?? null);
  for (const d of archive.documents) {
    const people: string[] = [];
    for (const p of d.posts) {
      const me = authorOf(p.author)?.slug ?? null;
      if (me) {
        const a = act(me);
        a.posts.push({ thread: d.slug, n: p.n });
        if (a.threads[a.threads.length - 1] !== d.slug && !a.threads.includes(d.slug)) a.threads.push(d.slug);
        if (!people.includes(me)) people.push(me);
      }
      p.quotes.forEach((q, i) => {
        if (q.sourcePost === null) return;
        const src = postKey(q.sourceThread ?? d.slug, q.sourcePost);
        const list = quotedBy.get(src);
        const ref = { thread: d.slug, n: p.n, quote: i };
        if (list) list.push(ref);
        else quotedBy.set(src, [ref]);
        const them = postAuthor.get(src) ?? authorOf(q.author)?.slug ?? null;
        if (me && them && me !== them) {
          act(me).quotes.set(them, (act(me).quotes.get(them) ?? 0) + 1);
          act(them).quotedBy.set(me, (act(them).quotedBy.get(me) ?? 0) + 1);
        }
      });
    }
    participants.set(d.slug, people);
    addReplies(d.slug, d.posts, replies);
  }
  for (const s of archive.sharedPassages) {
    const ka = postKey(s.a.slug, s.a.post);
    const kb = postKey(s.b.slug, s.b.post);
    alsoIn.set(ka, [...(alsoIn.get(ka) ?? []), { thread: s.b.slug, n: s.b.post }]);
    alsoIn.set(kb, [...(alsoIn.get(kb) ?? []), { thread: s.a.slug, n: s.a.post }]);
  }
  const activity = new Map<string, AuthorActivity>();
  for (const [slug, a] of acts) activity.set(slug, { posts: a.posts, threads: a.threads, quotes: ranked(a.quotes), quotedBy: ranked(a.quotedBy) });
  return { quotedBy, replies, alsoIn, participants, activity, authorOf };
}

/**
 * Adds the forward links of a thread's replies to `into`: for each post with a
 * `replyTo` that names a post of the thread, the reply's `n` under its parent's
 * key. Replies are listed in thread order, whichever comes first in the file.
 */
function addReplies(slug: string, posts: readonly Post[], into: Map<string, number[]>): void {
  const present = new Set(posts.map((p) => p.n));
  for (const p of [...posts].sort((a, b) => a.n - b.n)) {
    if (p.replyTo === null || p.replyTo === p.n || !present.has(p.replyTo)) continue;
    const key = postKey(slug, p.replyTo);
    const list = into.get(key);
    if (list) list.push(p.n);
    else into.set(key, [p.n]);
  }
}

/** The archive's reading order of documents: by title, then slug (the front page's order). */
export function compareDocuments(a: { title: string; slug: string }, b: { title: string; slug: string }): number {
  return a.title.localeCompare(b.title, 'en') || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * The search index's records, built from the archive's model at build time.
 *
 * Granularity (README "Search"): Pagefind's `pf_meta`, which every first
 * search fetches, grows by about 6 bytes per record, so a record per post does
 * not scale. A record is a run of up to `RECORD_POSTS` consecutive posts of one
 * thread page (or an essay, or an author). Beside each record the build writes
 * a small map (`RecordMap`): where each post starts in the record's words, who
 * wrote it, when, and which word ranges other posts quote. The search page
 * asks Pagefind for each query word's locations and uses the maps to decide,
 * rank and count matches per post, exactly (src/search/client/engine.ts).
 *
 * Quotes are not indexed twice: a quote whose words stand in its source post
 * is a range of that post (`q`), so pasting a sentence finds the source, and
 * the quoted-words filter finds the quoting posts. Only quotes whose source is
 * not in the archive (or whose words were changed) are records' items of their own.
 */
import { normalize, plainText, tokens } from './tokens.js';

/** A post as the index reads it. */
export interface SearchPost {
  n: number;
  /** The author's current display name, or null when the capture names nobody. */
  author: string | null;
  /** The author's slug, or null. */
  authorSlug: string | null;
  /** The name the post was written under, when it is an older name of the author. */
  as: string | null;
  /** ISO 8601 date, when the capture gives one. */
  date: string | null;
  /** The post's own words (Markdown). */
  text: string;
  quotes: {
    /** The name as written in the attribution. */
    author: string | null;
    /** Slug of the quoted author when known. */
    authorSlug: string | null;
    /** Current name of the quoted author when known. */
    authorName: string | null;
    sourcePost: number | null;
    /** The source's document slug when it is another document, else null. */
    sourceThread: string | null;
    text: string;
  }[];
}

/** A document as the index reads it (built by `src/loader/search-documents.ts`). */
export interface SearchDocument {
  slug: string;
  title: string;
  kind: 'thread' | 'essay';
  posts: SearchPost[];
  sections: { title: string; id: string; text: string }[];
}

/** An author as the index reads it. */
export interface SearchAuthor {
  slug: string;
  name: string;
  aliases: string[];
  postCount: number;
}

/** A search record before it goes to Pagefind (`addCustomRecord`). */
export interface SearchRecord {
  /** Relative to the site root, as Pagefind's CLI records URLs: `/t/<slug>/page/2/#post-51`. */
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * A quote of a post's words: `[thread, n, k, authorSlug, authorName, start, end]`:
 * post `n` of `thread` (`''` for the same thread) quotes words `start` to `end`
 * (exclusive, counted from the start of the quoted post) in its `k`-th quote.
 */
export type QuoteRange = [string, number, number, string, string, number, number];

/** An item of a record: a post's own words, an essay section, an author, or a quote kept apart. */
export interface MapItem {
  /** Kind: `post`, `essay`, `author`, `quote`. */
  k: 'post' | 'essay' | 'author' | 'quote';
  /** Offset of the item's first word in the record's words. */
  o: number;
  /** Number of words. */
  l: number;
  /** Post number (posts and quotes). */
  n?: number;
  /** Anchor on the record's page: `post-N`, `post-N-qK`, a section id. */
  id: string;
  /** Slug of who wrote the words (the quoted author for a quote), `unknown` when nobody is named. */
  a: string;
  /** Display name of who wrote the words. */
  an: string;
  /** The name the words were written or quoted under, when it is an older name. */
  as?: string;
  /** Section title (essays). */
  s?: string;
  /** ISO date. */
  d?: string;
  /** Quotes of this post's words by other posts. */
  q?: QuoteRange[];
  /** Quote items: the quoting post's author slug and name, and the source post URL when known. */
  by?: string;
  byn?: string;
  src?: string;
  /** Author items: aliases and number of posts. */
  al?: string[];
  pc?: number;
}

/** What the search page knows about a record without loading its Pagefind fragment. */
export interface RecordMap {
  /** Page URL, relative to the site root (`/t/<slug>/page/2/`). */
  u: string;
  /** Document slug (`''` for authors). */
  t: string;
  /** Document title. */
  tt: string;
  /** Archive order of the record, for `sort=thread`. */
  x: number;
  /** Words in the record. */
  w: number;
  i: MapItem[];
}

/** Posts per record (default 25: half a thread page, so a record never spans two pages). */
export const RECORD_POSTS = 25;
/** Words per record before a new one starts (default 3,000), so fragments stay small. */
export const RECORD_WORDS = 3000;
/** Author slug of posts whose capture names nobody. */
export const UNKNOWN_AUTHOR = 'unknown';
/** Posts per thread page (mirrors `PAGE_SIZE` of src/lib/urls.ts). */
const PAGE_SIZE = 50;

/** The thread page holding post `n`, relative to the site root (the scheme of src/lib/urls.ts). */
export function pageUrl(slug: string, n: number): string {
  const page = Math.floor((Math.max(1, n) - 1) / PAGE_SIZE) + 1;
  return page <= 1 ? `/t/${slug}/` : `/t/${slug}/page/${page}/`;
}

/**
 * Where the words of `quote` stand in `source` (both token lists): the range
 * from the first match of the quote's opening words to the last match of its
 * closing words, or null when they are not there in order (the quote is then
 * indexed on its own). Never throws.
 */
export function locateQuote(quote: string[], source: string[]): [number, number] | null {
  const q = quote.map(normalize).filter(Boolean);
  const s = source.map(normalize);
  if (q.length === 0 || s.length === 0) return null;
  const k = Math.min(4, q.length);
  const find = (needle: string[], from: number, last: boolean): number => {
    let found = -1;
    for (let i = from; i + needle.length <= s.length; i++) {
      let ok = true;
      for (let j = 0; j < needle.length && ok; j++) ok = s[i + j] === needle[j];
      if (ok) {
        found = i;
        if (!last) break;
      }
    }
    return found;
  };
  const start = find(q.slice(0, k), 0, false);
  if (start < 0) return null;
  const endAt = find(q.slice(q.length - k), start, true);
  if (endAt < 0) return null;
  const end = endAt + k;
  // A range much longer than the quote joined two unrelated places.
  if (end - start > q.length * 1.5 + 10) return null;
  return [start, end];
}

interface Pending {
  url: string;
  doc: SearchDocument;
  items: MapItem[];
  words: string[];
}

/**
 * The records of the whole archive with their maps, in archive order:
 * thread posts in runs of `RECORD_POSTS`, each essay, each author.
 */
export function buildRecords(docs: SearchDocument[], authors: SearchAuthor[]): { record: SearchRecord; map: RecordMap }[] {
  const own = new Map<string, { tokens: string[]; item: MapItem }>();
  const pending: Pending[] = [];
  let cur: Pending | null = null;
  const flush = () => {
    if (cur && cur.items.length) pending.push(cur);
    cur = null;
  };
  const add = (p: Pending | null, url: string, doc: SearchDocument, item: MapItem, words: string[]): Pending => {
    let c = p;
    if (!c || c.url !== url || c.doc !== doc || c.items.length >= RECORD_POSTS || (c.words.length > 0 && c.words.length + words.length > RECORD_WORDS)) {
      flush();
      c = { url, doc, items: [], words: [] };
    }
    item.o = c.words.length;
    item.l = words.length;
    c.items.push(item);
    for (const w of words) c.words.push(w);
    return c;
  };

  // Own words of every post, and essay sections.
  for (const doc of docs) {
    for (const p of doc.posts) {
      const words = tokens(plainText(p.text));
      const item: MapItem = { k: 'post', o: 0, l: 0, n: p.n, id: `post-${p.n}`, a: p.authorSlug ?? UNKNOWN_AUTHOR, an: p.author ?? 'Unknown author' };
      if (p.as) item.as = p.as;
      if (p.date) item.d = p.date;
      own.set(`${doc.slug}/${p.n}`, { tokens: words, item });
      if (words.length) cur = add(cur, pageUrl(doc.slug, p.n), doc, item, words);
    }
    flush();
    for (const s of doc.sections) {
      const words = tokens(plainText(`${s.title}\n\n${s.text}`));
      if (words.length) cur = add(cur, `/essays/${doc.slug}/`, doc, { k: 'essay', o: 0, l: 0, id: s.id, s: s.title, a: UNKNOWN_AUTHOR, an: '' }, words);
    }
    flush();
  }

  // Quotes: a range of their source post when its words are there, else an item of their own.
  const loose: { doc: SearchDocument; item: MapItem; words: string[]; url: string }[] = [];
  for (const doc of docs) {
    for (const p of doc.posts) {
      p.quotes.forEach((q, i) => {
        const words = tokens(plainText(q.text));
        if (!words.length) return;
        const srcThread = q.sourceThread ?? doc.slug;
        const src = q.sourcePost !== null ? own.get(`${srcThread}/${q.sourcePost}`) : undefined;
        const at = src ? locateQuote(words, src.tokens) : null;
        const by = p.authorSlug ?? UNKNOWN_AUTHOR;
        const byn = p.author ?? 'Unknown author';
        if (src && at && src.item.l > 0) {
          (src.item.q ??= []).push([srcThread === doc.slug ? '' : doc.slug, p.n, i + 1, by, byn, at[0], at[1]]);
          return;
        }
        const item: MapItem = {
          k: 'quote',
          o: 0,
          l: 0,
          n: p.n,
          id: `post-${p.n}-q${i + 1}`,
          a: q.authorSlug ?? (src ? src.item.a : UNKNOWN_AUTHOR),
          an: q.authorName ?? q.author ?? (src ? src.item.an : 'someone'),
          by,
          byn,
        };
        if (q.author && q.authorName && q.author !== q.authorName) item.as = q.author;
        if (p.date) item.d = p.date;
        if (q.sourcePost !== null) item.src = `${pageUrl(srcThread, q.sourcePost)}#post-${q.sourcePost}`;
        loose.push({ doc, item, words, url: pageUrl(doc.slug, p.n) });
      });
    }
  }
  for (const { doc, item, words, url } of loose) cur = add(cur, url, doc, item, words);
  flush();

  // Authors, found by any of their names.
  const people: SearchDocument = { slug: '', title: 'Authors', kind: 'thread', posts: [], sections: [] };
  for (const a of authors) {
    const words = tokens([a.name, ...a.aliases].join(' '));
    if (!words.length) continue;
    cur = add(cur, `/authors/${a.slug}/`, people, { k: 'author', o: 0, l: 0, id: '', a: a.slug, an: a.name, al: a.aliases, pc: a.postCount }, words);
    flush();
  }

  return pending.map((p, x) => {
    const kinds = [...new Set(p.items.map((i) => i.k))];
    const writers = [...new Set(p.items.map((i) => i.a))];
    const first = p.items[0]!;
    const record: SearchRecord = {
      // Pagefind keeps one record per URL: the first item's anchor makes each record's URL its own.
      url: first.id ? `${p.url}#${first.id}` : p.url,
      content: p.words.join(' '),
      language: 'en',
      meta: { title: p.doc.title || first.an, x: String(x) },
      filters: { kind: kinds, author: writers, ...(p.doc.slug ? { thread: [p.doc.slug] } : {}) },
      sort: { order: String(x).padStart(9, '0') },
    };
    return { record, map: { u: p.url, t: p.doc.slug, tt: p.doc.title, x, w: p.words.length, i: p.items } };
  });
}

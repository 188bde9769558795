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
  /** What-if claims found by a rule in the post's own words (src/lib/research/claims.ts): `k` is the K of `#post-N-cK`. */
  claims?: { k: number; text: string }[];
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
 * A quote of a post's words: `[thread, n, k, start, end]`: post `n` of
 * `thread` (`''` for the same thread) quotes words `start` to `end`
 * (exclusive, counted from the start of the quoted post) in its `k`-th quote.
 */
export type QuoteRange = [string, number, number, number, number];

/** An item of a record as the search decides on it: a post's own words, an essay section, an author, or a quote kept apart. */
export interface MapItem {
  k: 'post' | 'essay' | 'author' | 'quote';
  /** Document slug (`''` for authors). */
  t: string;
  /** Page URL, relative to the site root (`/t/<slug>/page/2/`, `/essays/<slug>/`, `/authors/<slug>/`). */
  u: string;
  /** Offset of the item's first word in the record's words. */
  o: number;
  /** Number of words. */
  l: number;
  /** Post number (posts and quotes); posts by an author (authors). */
  n: number;
  /** Anchor on the record's page: `post-N`, `post-N-qK`, a section id. */
  id: string;
  /** Slug of who wrote the words (the quoted author for a quote), `unknown` when nobody is named. */
  a: string;
  /** ISO date, when known. */
  d?: string;
  /** Quotes of this post's words by other posts. */
  q?: QuoteRange[];
  /** What-if claims in the post's own words: `[k, start, end]`, words counted from the post's start. */
  c?: [number, number, number][];
  /** Authors: their name and older names. */
  name?: string;
  al?: string[];
}

/**
 * What results show of an item, kept in the record's Pagefind fragment (meta
 * `show`), so it is loaded only for results on screen: who wrote the words
 * (`an`, and `as` when under an older name), a section title (`s`), who
 * quotes (`byn`) and the quoted post's URL (`src`), and the names of the
 * posts in `q` that quote it (`qn`).
 */
export interface ItemShow {
  an?: string;
  as?: string;
  s?: string;
  byn?: string;
  src?: string;
  qn?: string[];
}

/** What the search page knows about a record without loading its Pagefind fragment. */
export interface RecordMap {
  /** Archive order of the record, for `sort=thread`. */
  x: number;
  i: MapItem[];
}

/**
 * A record map as written (compact: maps are most of what a search
 * downloads): document slugs once in `t`, author slugs once in `a`; each
 * item is `[kind, words, n, author index, document index]` (kind 0 post,
 * 1 essay section, 2 quote kept apart, 3 author), its offset the sum of the
 * items before it, its page URL derived from its document and number, and,
 * when there is more to say, a sixth element `{d, q, e}`: date, quotes of the
 * post, and the section id, quote number, or an author's names.
 */
export interface WireMap {
  x: number;
  t: string[];
  a: string[];
  i: WireItem[];
}

/** Extras of a `WireItem`. */
export interface WireExtra {
  d?: string;
  q?: QuoteRange[];
  c?: [number, number, number][];
  e?: string | number | string[];
}

/** An item of a `WireMap`. */
export type WireItem = [number, number, number, number, number] | [number, number, number, number, number, WireExtra];

const KINDS = ['post', 'essay', 'quote', 'author'] as const;

/** The index of `value` in `table`, added when missing. */
function indexIn(table: string[], value: string): number {
  const i = table.indexOf(value);
  return i >= 0 ? i : table.push(value) - 1;
}

/** The page an item stands on. */
function itemUrl(k: MapItem['k'], t: string, n: number, a: string): string {
  if (k === 'essay') return `/essays/${t}/`;
  if (k === 'author') return `/authors/${a}/`;
  return pageUrl(t, n);
}

/** Writes a record map compactly. */
export function encodeMap(m: RecordMap): WireMap {
  const a: string[] = [];
  const t: string[] = [];
  const i = m.i.map((it): WireItem => {
    const head: [number, number, number, number, number] = [KINDS.indexOf(it.k), it.l, it.n, indexIn(a, it.a), indexIn(t, it.t)];
    const more: WireExtra = {};
    if (it.d) more.d = it.d;
    if (it.q?.length) more.q = it.q;
    if (it.c?.length) more.c = it.c;
    if (it.k === 'essay') more.e = it.id;
    else if (it.k === 'quote') more.e = Number(/-q(\d+)$/.exec(it.id)?.[1] ?? 0);
    else if (it.k === 'author') more.e = [it.name ?? '', ...(it.al ?? [])];
    return Object.keys(more).length ? [...head, more] : head;
  });
  return { x: m.x, t, a, i };
}

/** Reads a record map written by `encodeMap`. Never throws on a well-formed map. */
export function decodeMap(w: WireMap): RecordMap {
  let o = 0;
  const i = w.i.map((raw): MapItem => {
    const [k, l, n, ai, ti, more = {}] = raw;
    const kind = KINDS[k] ?? 'post';
    const a = w.a[ai] ?? UNKNOWN_AUTHOR;
    const t = w.t[ti] ?? '';
    const item: MapItem = { k: kind, t, u: itemUrl(kind, t, n, a), o, l, n, a, id: '' };
    o += l;
    if (more.d) item.d = more.d;
    if (more.q?.length) item.q = more.q;
    if (more.c?.length) item.c = more.c;
    if (kind === 'post') item.id = `post-${n}`;
    else if (kind === 'quote') item.id = `post-${n}-q${String(more.e)}`;
    else if (kind === 'essay') item.id = String(more.e ?? '');
    else {
      const names = Array.isArray(more.e) ? more.e : [];
      item.name = names[0] ?? '';
      item.al = names.slice(1);
    }
    return item;
  });
  return { x: w.x, i };
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

interface Entry {
  item: MapItem;
  show: ItemShow;
}

interface Pending {
  /** Posts and quotes of several threads, an essay's sections, or authors. */
  kind: 'posts' | 'essay' | 'authors';
  /** Each document's page in the record (a record never spans two pages of one thread). */
  pages: Map<string, string>;
  titles: Record<string, string>;
  items: Entry[];
  words: string[];
}

/**
 * The records of the whole archive with their maps, in archive order: runs
 * of up to `RECORD_POSTS` posts (or `RECORD_WORDS` words), across threads
 * but never across two pages of one thread, so small threads share records
 * and `pf_meta` stays small; each essay; authors; then the quotes kept apart.
 */
export function buildRecords(docs: SearchDocument[], authors: SearchAuthor[]): { record: SearchRecord; map: RecordMap }[] {
  const own = new Map<string, { tokens: string[]; entry: Entry }>();
  const pending: Pending[] = [];
  let cur: Pending | null = null;
  const flush = () => {
    if (cur && cur.items.length) pending.push(cur);
    cur = null;
  };
  const add = (kind: Pending['kind'], doc: { slug: string; title: string }, entry: Entry, words: string[]): void => {
    const c0 = cur;
    const page = entry.item.u;
    const fits =
      c0 !== null &&
      c0.kind === kind &&
      c0.items.length < RECORD_POSTS &&
      (c0.words.length === 0 || c0.words.length + words.length <= RECORD_WORDS) &&
      (c0.pages.get(doc.slug) ?? page) === page &&
      (kind !== 'essay' || c0.pages.has(doc.slug));
    if (!fits) {
      flush();
      cur = { kind, pages: new Map(), titles: {}, items: [], words: [] };
    }
    const c = cur!;
    c.pages.set(doc.slug, page);
    if (doc.slug) c.titles[doc.slug] = doc.title;
    entry.item.o = c.words.length;
    entry.item.l = words.length;
    c.items.push(entry);
    for (const w of words) c.words.push(w);
  };

  // Own words of every post, and essay sections.
  for (const doc of docs) {
    for (const p of doc.posts) {
      const words = tokens(plainText(p.text));
      const a = p.authorSlug ?? UNKNOWN_AUTHOR;
      const entry: Entry = { item: { k: 'post', t: doc.slug, u: itemUrl('post', doc.slug, p.n, a), o: 0, l: 0, n: p.n, id: `post-${p.n}`, a }, show: { an: p.author ?? 'Unknown author' } };
      if (p.as) entry.show.as = p.as;
      if (p.date) entry.item.d = p.date;
      const claims = (p.claims ?? []).flatMap((c): [number, number, number][] => {
        const at = locateQuote(tokens(plainText(c.text)), words);
        return at ? [[c.k, at[0], at[1]]] : [];
      });
      if (claims.length) entry.item.c = claims;
      own.set(`${doc.slug}/${p.n}`, { tokens: words, entry });
      if (words.length) add('posts', doc, entry, words);
    }
    for (const s of doc.sections) {
      const words = tokens(plainText(`${s.title}\n\n${s.text}`));
      const entry: Entry = { item: { k: 'essay', t: doc.slug, u: itemUrl('essay', doc.slug, 0, ''), o: 0, l: 0, n: 0, id: s.id, a: UNKNOWN_AUTHOR }, show: { s: s.title } };
      if (words.length) add('essay', doc, entry, words);
    }
  }
  flush();

  // Quotes: a range of their source post when its words are there, else an item of their own.
  const loose: { doc: SearchDocument; entry: Entry; words: string[] }[] = [];
  for (const doc of docs) {
    for (const p of doc.posts) {
      p.quotes.forEach((q, i) => {
        const words = tokens(plainText(q.text));
        if (!words.length) return;
        const srcThread = q.sourceThread ?? doc.slug;
        const src = q.sourcePost !== null ? own.get(`${srcThread}/${q.sourcePost}`) : undefined;
        const at = src ? locateQuote(words, src.tokens) : null;
        const byn = p.author ?? 'Unknown author';
        if (src && at && src.entry.item.l > 0) {
          (src.entry.item.q ??= []).push([srcThread === doc.slug ? '' : doc.slug, p.n, i + 1, at[0], at[1]]);
          (src.entry.show.qn ??= []).push(byn);
          return;
        }
        const entry: Entry = {
          item: { k: 'quote', t: doc.slug, u: itemUrl('quote', doc.slug, p.n, ''), o: 0, l: 0, n: p.n, id: `post-${p.n}-q${i + 1}`, a: q.authorSlug ?? (src ? src.entry.item.a : UNKNOWN_AUTHOR) },
          show: { an: q.authorName ?? q.author ?? (src ? src.entry.show.an : undefined) ?? 'someone', byn },
        };
        if (q.author && q.authorName && q.author !== q.authorName) entry.show.as = q.author;
        if (p.date) entry.item.d = p.date;
        if (q.sourcePost !== null) entry.show.src = `${pageUrl(srcThread, q.sourcePost)}#post-${q.sourcePost}`;
        loose.push({ doc, entry, words });
      });
    }
  }
  for (const { doc, entry, words } of loose) add('posts', doc, entry, words);
  flush();

  // Authors, found by any of their names.
  for (const a of authors) {
    const words = tokens([a.name, ...a.aliases].join(' '));
    if (!words.length) continue;
    // An author's page is their own, so authors share records (each its own page).
    const item: MapItem = { k: 'author', t: '', u: itemUrl('author', '', 0, a.slug), o: 0, l: 0, n: a.postCount, id: '', a: a.slug, name: a.name, al: a.aliases };
    add('authors', { slug: `@${a.slug}`, title: '' }, { item, show: {} }, words);
  }
  flush();

  return pending.map((p, x) => {
    const first = p.items[0]!.item;
    const record: SearchRecord = {
      // Pagefind keeps one record per URL: the first item's anchor makes each record's URL its own.
      url: first.id ? `${first.u}#${first.id}` : first.u,
      content: p.words.join(' '),
      language: 'en',
      meta: { title: p.titles[first.t] ?? first.name ?? '', x: String(x), titles: JSON.stringify(p.titles), show: JSON.stringify(p.items.map((e) => e.show)) },
      filters: {
        kind: [...new Set(p.items.map((e) => e.item.k))],
        author: [...new Set(p.items.map((e) => e.item.a))],
        thread: [...new Set(p.items.map((e) => e.item.t).filter(Boolean))],
      },
      sort: { order: String(x).padStart(9, '0') },
    };
    return { record, map: { x, i: p.items.map((e) => e.item) } };
  });
}

/**
 * Per-post search over Pagefind: Pagefind finds the records (runs of posts)
 * that hold each query word and where; the records' maps (src/search/records.ts)
 * say which post each location belongs to. A post (or essay section, or quote)
 * matches when it holds every required word, and is ranked by how well they
 * match: rarer words weigh more, words close together and in the query's order
 * more, the query's exact wording most. Counts are exact.
 *
 * Pure: Pagefind and the map chunks come in through `Backend`, so the same
 * code runs on the search page and in tests.
 */
import type { ItemShow, MapItem, QuoteRange, RecordMap } from '../records.js';
import { pageUrl } from '../records.js';
import type { Query } from './query.js';
import { normalize, STOP_WORDS, tokens } from '../tokens.js';

/** A Pagefind result, as its JS API returns it. */
export interface PagefindResult {
  id: string;
  words: number[];
  data: () => Promise<{ content: string; meta: Record<string, string> }>;
}

/** What results show of a record, from its Pagefind fragment: its words, its documents' titles by slug, and each item's names. */
export interface RecordShow {
  words: string[];
  titles: Record<string, string>;
  show: ItemShow[];
}

/** What the engine needs from the page: Pagefind's search, and the map of a record by its page hash. */
export interface Backend {
  search(term: string, filters: Record<string, string>): Promise<PagefindResult[]>;
  map(hash: string): Promise<RecordMap | null>;
  /** Records in the index, and average words per post. */
  records: number;
  avgWords: number;
}

/** Filters of a search, as in the page's URL. */
export interface Filters {
  /** `own` (posts and essays), `quote` (quoted words), `post`, `essay`; empty for all. */
  kind?: string;
  author?: string;
  thread?: string;
  /** Inclusive ISO dates (`YYYY-MM-DD`). */
  from?: string;
  to?: string;
  /** `thread` for archive order instead of best match. */
  sort?: string;
}

/** A quote of a matched post that holds the matched words: where, and its index in the post's `q` (for the quoting author's name). */
export interface QuotedIn {
  url: string;
  n: number;
  range: number;
}

/** One result: a post's own words, an essay section, or a quote. */
export interface Hit {
  kind: 'post' | 'essay' | 'quote' | 'claim';
  /** Page hash of the record holding the words. */
  hash: string;
  map: RecordMap;
  item: MapItem;
  /** The item's index in the record (its names are `RecordShow.show[index]`). */
  index: number;
  /** For a quote found in its source post: the index of the quote in the post's `q`. */
  range?: number;
  /** The exact place: page URL (relative to the site root) and anchor. */
  url: string;
  /** Post number, when a post. */
  n: number;
  /** Thread slug where the result stands (the quoting post's, for a quote). */
  thread: string;
  /** Words of the record's content holding the result: `[from, to)`. */
  from: number;
  to: number;
  /** Matched locations in the record's content. */
  marks: number[];
  score: number;
  /** For quotes: the source post's URL. */
  source?: string;
  /** For posts: the posts that quote the matched words. */
  quotedIn: QuotedIn[];
  /** True when the hit holds only some of the words (shown when no post holds all). */
  partial: boolean;
}

/** An author whose name or alias matches every word. */
export interface AuthorHit {
  slug: string;
  name: string;
  aliases: string[];
  posts: number;
}

/** The outcome of a search. */
export interface Outcome {
  hits: Hit[];
  authors: AuthorHit[];
  /** True when no post held every word and the hits hold most of them. */
  relaxed: boolean;
  /** How many results there are: exact, or, when `estimated`, projected from the records read. */
  total: number;
  /** True when the query touched more than `MAX_MAPS` records and only the most promising were read. */
  estimated: boolean;
  /** Reads the next most promising records and returns their results, best first (none left: `[]`). */
  more: () => Promise<Hit[]>;
  /** What results show of a record, by page hash (loads its Pagefind fragment once). */
  record: (hash: string) => Promise<RecordShow>;
}

/**
 * Records whose maps one search reads at most (default 80, about 50 KB at 100k posts):
 * a query touching more (two common words in a very large archive) reads the
 * most promising first, estimates the count, and reads more on demand.
 */
export const MAX_MAPS = 80;

/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** Score gained per post that quotes the matched words (up to five). */
const QUOTED_BOOST = 0.1;
/** Score factor of posts by an author the query names. */
const PREFERRED_AUTHOR = 2;

/** Locations of each term within `[from, to)`, sorted. */
function within(locs: Map<string, number[]>, terms: string[], from: number, to: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of terms) {
    const all = locs.get(t);
    if (!all) continue;
    const inside = all.filter((l) => l >= from && l < to);
    if (inside.length) out.set(t, inside);
  }
  return out;
}

/**
 * How many of `terms` stand at distinct locations in `at`. Pagefind extends a
 * word's stem as a prefix, so one location can answer two query words
 * (`going` and `government` both at "government"); a post holds both words
 * only if each has a location of its own (a matching, found by augmenting paths).
 */
function distinctTerms(terms: readonly string[], at: Map<string, number[]>): number {
  const holder = new Map<number, string>();
  const assign = (t: string, seen: Set<number>): boolean => {
    for (const l of at.get(t) ?? []) {
      if (seen.has(l)) continue;
      seen.add(l);
      const other = holder.get(l);
      if (other === undefined || assign(other, seen)) {
        holder.set(l, t);
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (const t of terms) if (at.has(t) && assign(t, new Set())) n++;
  return n;
}

/** Whether the phrase's words stand in order, one after another, in `at`. */
function hasPhrase(phrase: string[], at: Map<string, number[]>): boolean {
  const first = at.get(phrase[0]!);
  if (!first) return false;
  return first.some((p) => phrase.every((w, j) => at.get(w)?.includes(p + j) ?? false));
}

/** The smallest window holding one location of each present term: its span and whether it is in query order with the query's gaps. */
function window(required: string[], gaps: number[], at: Map<string, number[]>): { span: number; ordered: boolean; exact: boolean } {
  const present = required.filter((t) => at.has(t));
  if (present.length < 2) return { span: 1, ordered: true, exact: present.length === required.length };
  const events = present.flatMap((t, ti) => at.get(t)!.map((l) => [l, ti] as const)).sort((a, b) => a[0] - b[0]);
  const count = new Int32Array(present.length);
  let have = 0;
  let best = Infinity;
  let lo = 0;
  for (let hi = 0; hi < events.length; hi++) {
    const [at1, t1] = events[hi]!;
    if (count[t1]!++ === 0) have++;
    while (have === present.length) {
      const [at0, t0] = events[lo]!;
      best = Math.min(best, at1 - at0 + 1);
      if (--count[t0]! === 0) have--;
      lo++;
    }
  }
  // In order: each present term follows the one before it within a few words.
  let ordered = false;
  let exact = false;
  for (const start of at.get(present[0]!)!) {
    let pos = start;
    let ok = true;
    let same = present.length === required.length;
    for (let i = 1; i < present.length && ok; i++) {
      const want = gaps[required.indexOf(present[i]!) - 1] ?? 1;
      const next = at.get(present[i]!)!.find((l) => l > pos && l <= pos + want + 3);
      if (next === undefined) ok = false;
      else {
        if (next - pos !== want) same = false;
        pos = next;
      }
    }
    if (ok) {
      ordered = true;
      if (same) exact = true;
    }
  }
  return { span: best, ordered, exact };
}

/** How well the words at `at` match, for a run of `len` words. */
function score(q: Query, idf: Map<string, number>, at: Map<string, number[]>, len: number, avg: number): number {
  let s = 0;
  let weight = 0;
  for (const t of q.required) {
    const w = idf.get(t) ?? 0;
    weight += w;
    const tf = at.get(t)?.length ?? 0;
    if (tf) s += (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg));
  }
  if (q.required.length > 1) {
    const { span, ordered, exact } = window(q.required, q.gaps, at);
    const present = q.required.filter((t) => at.has(t)).length;
    if (present > 1) s += weight * ((present - 1) / Math.max(1, span - 1)) * (ordered ? 1.5 : 1);
    if (exact) s += weight * 2;
  }
  for (const p of q.phrases) if (hasPhrase(p, at)) s += weight;
  // Holding only some of the words (questions, relaxed searches): the share of the words' weight held, squared.
  const held = q.required.reduce((h, t) => h + (at.has(t) ? (idf.get(t) ?? 0) : 0), 0);
  return weight > 0 && held < weight ? s * (held / weight) ** 2 : s;
}

/** Whether a date (ISO) is inside the filters' range; undated items pass only when no range is set. */
const inDates = (f: Filters, d?: string): boolean =>
  (!f.from || (d !== undefined && d.slice(0, 10) >= f.from)) && (!f.to || (d !== undefined && d.slice(0, 10) <= f.to));

const quoteUrl = (item: MapItem, r: QuoteRange) => `${pageUrl(r[0] || item.t, r[1])}#post-${r[1]}-q${r[2]}`;

const none = async (): Promise<Hit[]> => [];

/** A fragment's words and names. */
function showOf(d: { content: string; meta: Record<string, string> }): RecordShow {
  let show: ItemShow[] = [];
  let titles: Record<string, string> = {};
  try {
    show = JSON.parse(d.meta.show ?? '[]') as ItemShow[];
    titles = JSON.parse(d.meta.titles ?? '{}') as Record<string, string>;
  } catch {
    /* a record of another index, merged in: no names */
  }
  return { words: d.content.split(' '), titles, show };
}

/**
 * Runs a query: every required word must be in a post; with `relax`, when no
 * post holds them all, posts holding most of them (at least 60%, for queries
 * of three words or more) are returned and marked partial.
 */
export async function runQuery(backend: Backend, q: Query, f: Filters = {}): Promise<Outcome> {
  const results = new Map<string, PagefindResult>();
  const loaded = new Map<string, Promise<RecordShow>>();
  const record = (hash: string): Promise<RecordShow> => {
    let w = loaded.get(hash);
    if (!w) {
      const r = results.get(hash);
      w = r ? r.data().then(showOf) : Promise.resolve({ words: [], titles: {}, show: [] });
      loaded.set(hash, w);
    }
    return w;
  };
  const pfFilters: Record<string, string> = {};
  if (f.thread) pfFilters.thread = f.thread;
  if (f.author) pfFilters.author = f.author;
  if (q.required.length === 0) {
    if (!f.thread && !f.author) return { hits: [], authors: [], relaxed: false, record, total: 0, estimated: false, more: none };
    const { hits } = await browse(backend, f, pfFilters, results);
    return { hits, authors: [], relaxed: false, record, total: hits.length, estimated: false, more: none };
  }
  // Each word on its own: Pagefind gives every record holding it and where. Author records are asked for apart.
  const [perTerm, authorRecords] = await Promise.all([
    Promise.all(q.terms.map(async (t) => [t, await backend.search(t, pfFilters)] as const)),
    f.kind || f.thread ? Promise.resolve([]) : Promise.all(q.required.map((t) => backend.search(t, { ...pfFilters, kind: 'author' }))),
  ]);
  const locs = new Map<string, Map<string, number[]>>();
  const idf = new Map<string, number>();
  for (const [t, rs] of perTerm) {
    idf.set(t, Math.log(1 + backend.records / Math.max(1, rs.length)));
    for (const r of rs) {
      results.set(r.id, r);
      let m = locs.get(r.id);
      if (!m) locs.set(r.id, (m = new Map()));
      m.set(t, [...r.words].sort((a, b) => a - b));
    }
  }
  const { authors, names } = await namedAuthors(backend, q, [...new Set(authorRecords.flat().map((r) => r.id))]);
  // A query that names an author and says more ("what did Johnrankins argue about purges"):
  // the rest of the words decide, and that author's posts come first.
  const rest = q.required.filter((t) => !names.includes(t));
  const pq = authors.length && rest.length ? { ...q, required: rest, gaps: rest.slice(1).map(() => 1) } : q;
  const prefer = new Set(rest.length < q.required.length ? authors.map((a) => a.slug) : []);
  // A question's words describe the answer: most of them, the rarer ones weighing more, decide.
  let need = pq.question ? Math.ceil(pq.required.length * 0.6) : pq.required.length;
  let relaxed = false;
  let ranked = candidates(pq, locs, idf, need);
  let first = await collect(backend, pq, f, locs, idf, need, prefer, ranked.slice(0, MAX_MAPS));
  if (!first.hits.length && !pq.question && pq.required.length >= 3 && ranked.length <= MAX_MAPS) {
    need = Math.ceil(pq.required.length * 0.6);
    ranked = candidates(pq, locs, idf, need);
    first = await collect(backend, pq, f, locs, idf, need, prefer, ranked.slice(0, MAX_MAPS));
    for (const h of first.hits) h.partial = true;
    relaxed = first.hits.length > 0;
  }
  const estimated = ranked.length > MAX_MAPS;
  let read = Math.min(MAX_MAPS, ranked.length);
  const more = async (): Promise<Hit[]> => {
    if (read >= ranked.length) return [];
    const next = ranked.slice(read, read + MAX_MAPS);
    read += next.length;
    const got = await collect(backend, pq, f, locs, idf, need, prefer, next);
    if (relaxed) for (const h of got.hits) h.partial = true;
    return got.hits;
  };
  const total = estimated ? Math.round((first.hits.length * ranked.length) / Math.max(1, read)) : first.hits.length;
  return { hits: first.hits, authors, relaxed, record, total, estimated, more };
}

/** A name's words as the query is compared with them (stop words left out). */
const nameWords = (name: string) => tokens(name).map(normalize).filter((w) => w && !STOP_WORDS.has(w));

/**
 * Authors whose name, or an older name, the query holds (`Library of
 * Alexandria`, `Pen`, `what did Johnrankins argue`, `John Rankins`), and the
 * query words that were part of those names; `hashes` are the author records
 * holding any query word.
 */
async function namedAuthors(backend: Backend, q: Query, hashes: string[]): Promise<{ authors: AuthorHit[]; names: string[] }> {
  const maps = await Promise.all(hashes.map((h) => backend.map(h)));
  const joined = q.words.join('');
  const authors: AuthorHit[] = [];
  const names = new Set<string>();
  for (const m of maps) {
    for (const item of m?.i ?? []) {
      if (item.k !== 'author' || authors.some((a) => a.slug === item.a)) continue;
      const hit = [item.name ?? '', ...(item.al ?? [])].find((n) => {
        const w = nameWords(n);
        if (w.length && w.every((x) => q.words.includes(x))) return true;
        const glued = w.join('');
        return glued.length >= 5 && joined.includes(glued);
      });
      if (hit === undefined) continue;
      authors.push({ slug: item.a, name: item.name ?? item.a, aliases: item.al ?? [], posts: item.n });
      for (const w of q.required) if (nameWords(hit).includes(w) || nameWords(hit).join('').includes(w)) names.add(w);
    }
  }
  authors.sort((a, b) => b.posts - a.posts);
  return { authors, names: [...names] };
}

/** No words, only an author or thread filter: every post (or section) they select, in archive order. */
async function browse(backend: Backend, f: Filters, pfFilters: Record<string, string>, results: Map<string, PagefindResult>): Promise<{ hits: Hit[] }> {
  const found = await backend.search('', pfFilters);
  for (const r of found) results.set(r.id, r);
  const maps = await Promise.all(found.map((r) => backend.map(r.id)));
  const hits: Hit[] = [];
  found.forEach((r, i) => {
    const map = maps[i];
    if (!map) return;
    map.i.forEach((item, index) => {
      if (item.k === 'author' || (f.author && item.a !== f.author) || (f.thread && item.t !== f.thread)) return;
      if (!inDates(f, item.d)) return;
      if (f.kind === 'claim') {
        for (const [k, start, end] of item.c ?? []) {
          hits.push({ kind: 'claim', hash: r.id, map, item, index, url: `${item.u}#post-${item.n}-c${k}`, n: item.n, thread: item.t, from: item.o + start, to: item.o + end, marks: [], score: 0, quotedIn: [], partial: false });
        }
        return;
      }
      if (f.kind && !(f.kind === item.k || (f.kind === 'own' && item.k !== 'quote'))) return;
      const kind = item.k === 'essay' ? 'essay' : item.k === 'quote' ? 'quote' : 'post';
      hits.push({ kind, hash: r.id, map, item, index, url: `${item.u}#${item.id}`, n: item.n, thread: item.t, from: item.o, to: item.o + item.l, marks: [], score: 0, quotedIn: [], partial: false });
    });
  });
  hits.sort((a, b) => a.map.x - b.map.x || a.from - b.from);
  return { hits };
}

/**
 * The records that may hold results (at least `need` required words), most
 * promising first: rarer words, more of them, closer together.
 */
function candidates(q: Query, locs: Map<string, Map<string, number[]>>, idf: Map<string, number>, need: number): string[] {
  const scored: [string, number][] = [];
  for (const [h, m] of locs) {
    const held = q.required.filter((t) => m.has(t));
    if (held.length < need) continue;
    let s = 0;
    for (const t of held) s += (idf.get(t) ?? 0) * Math.min(3, m.get(t)!.length);
    const { span } = window(q.required, q.gaps, m);
    scored.push([h, s * (1 + 1 / Math.max(1, span))]);
  }
  return scored.sort((a, b) => b[1] - a[1]).map(([h]) => h);
}

async function collect(
  backend: Backend,
  q: Query,
  f: Filters,
  locs: Map<string, Map<string, number[]>>,
  idf: Map<string, number>,
  need: number,
  prefer: ReadonlySet<string>,
  hashes: string[],
): Promise<{ hits: Hit[] }> {
  const maps = await Promise.all(hashes.map((h) => backend.map(h)));
  const hits: Hit[] = [];
  const kind = f.kind ?? '';
  const okPhrases = (at: Map<string, number[]>) => q.phrases.every((p) => hasPhrase(p, at));
  const enough = (at: Map<string, number[]>) => q.required.filter((t) => at.has(t)).length >= need && distinctTerms(q.required, at) >= need;
  const clean = (at: Map<string, number[]>) => q.excluded.every((t) => !at.has(t));
  const marksOf = (at: Map<string, number[]>) => [...new Set([...q.required, ...q.phrases.flat()])].flatMap((t) => at.get(t) ?? []).sort((a, b) => a - b);

  hashes.forEach((hash, i) => {
    const map = maps[i];
    const all = locs.get(hash)!;
    if (!map) return;
    map.i.forEach((item, index) => {
      const at = within(all, q.terms, item.o, item.o + item.l);
      if (!enough(at) || !clean(at) || !okPhrases(at)) return;
      if (item.k === 'author') return;
      if (f.author && item.a !== f.author) return;
      if (f.thread && item.t !== f.thread) return;
      if (!inDates(f, item.d)) return;
      const base = { hash, map, item, index, n: item.n, thread: item.t, partial: false, quotedIn: [] as QuotedIn[] };
      const s = score(q, idf, at, item.l, backend.avgWords) * (prefer.has(item.a) ? PREFERRED_AUTHOR : 1);
      if (item.k === 'quote') {
        if (kind && kind !== 'quote') return;
        hits.push({ ...base, kind: 'quote', url: `${item.u}#${item.id}`, from: item.o, to: item.o + item.l, marks: marksOf(at), score: s * 0.9 });
        return;
      }
      if (item.k === 'essay') {
        if (kind && kind !== 'own' && kind !== 'essay') return;
        hits.push({ ...base, kind: 'essay', url: `${item.u}#${item.id}`, from: item.o, to: item.o + item.l, marks: marksOf(at), score: s });
        return;
      }
      // A post: its own words, and the quotes of them that hold the matched words.
      const quoting = (item.q ?? []).map((r, range) => ({ r, range, at: within(at, q.terms, item.o + r[3], item.o + r[4]) })).filter((x) => enough(x.at) && okPhrases(x.at));
      if (kind === 'claim') {
        for (const [k, start, end] of item.c ?? []) {
          const inClaim = within(at, q.terms, item.o + start, item.o + end);
          if (!enough(inClaim) || !okPhrases(inClaim)) continue;
          hits.push({ ...base, kind: 'claim', url: `${item.u}#post-${item.n}-c${k}`, from: item.o + start, to: item.o + end, marks: marksOf(inClaim), score: score(q, idf, inClaim, end - start, backend.avgWords) });
        }
      } else if (!kind || kind === 'own' || kind === 'post') {
        const quotedIn = quoting.map(({ r, range }) => ({ url: quoteUrl(item, r), n: r[1], range }));
        // Words others quoted are words the debate turned on: their source ranks a little higher.
        const quoted = 1 + QUOTED_BOOST * Math.min(5, new Set(quotedIn.map((x) => `${x.url.split('#', 1)[0]}${x.n}`)).size);
        hits.push({ ...base, kind: 'post', url: `${item.u}#${item.id}`, from: item.o, to: item.o + item.l, marks: marksOf(at), score: s * quoted, quotedIn });
      } else if (kind === 'quote') {
        for (const { r, range, at: inQuote } of quoting) {
          hits.push({
            ...base,
            kind: 'quote',
            range,
            n: r[1],
            thread: r[0] || item.t,
            url: quoteUrl(item, r),
            from: item.o + r[3],
            to: item.o + r[4],
            marks: marksOf(inQuote),
            score: score(q, idf, inQuote, r[4] - r[3], backend.avgWords) * 0.9,
            source: `${item.u}#${item.id}`,
          });
        }
      }
    });
  });
  if (f.sort === 'thread') hits.sort((a, b) => a.map.x - b.map.x || a.from - b.from);
  else hits.sort((a, b) => b.score - a.score || a.map.x - b.map.x || a.from - b.from);
  return { hits };
}

/**
 * The best window of about `size` words of a hit for an excerpt: the one
 * holding the most matched words, as `[from, to)` in the record's words.
 */
export function excerptWindow(h: Pick<Hit, 'from' | 'to' | 'marks'>, size = 32): [number, number] {
  if (h.to - h.from <= size || h.marks.length === 0) return [h.from, Math.min(h.to, h.from + size)];
  let best = h.from;
  let bestCount = -1;
  for (const m of h.marks) {
    const start = Math.max(h.from, Math.min(m - 6, h.to - size));
    const count = h.marks.filter((x) => x >= start && x < start + size).length;
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  return [best, Math.min(h.to, best + size)];
}

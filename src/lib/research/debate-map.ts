/**
 * The debate map of a thread, as plain data for an SVG drawn at build time:
 * posts in order along one axis, an arc from each quote (or reply) to its
 * source, coloured by the author who quotes; plus the most-quoted posts and
 * the pairs of authors who quoted each other most.
 *
 * Up to `maxMarks` posts (default 2,000) every post is its own mark (and link);
 * above that, posts are gathered into `maxMarks` consecutive bins. Up to
 * `maxArcs` arcs (default 600) every link is drawn; above that, links between
 * the same pair of bins are drawn as one arc whose weight is their count.
 */

/** What the map needs of a post. `replyTo` is used when the capture gives it. */
export interface MapPost {
  n: number;
  /** Author slug or name; `null` when the capture names none. */
  author: string | null;
  /** Numbers of the posts of the same thread that this post quotes (one entry per quote). */
  quotes: number[];
  /** The post this one answers, when the capture says so. */
  replyTo?: number | null;
}

/** A mark on the axis: one post, or a bin of consecutive posts. */
export interface MapMark {
  /** First and last post number it stands for (equal for a single post). */
  first: number;
  last: number;
  /** Centre on the axis, in viewBox units. */
  x: number;
  /** Index into `authors` of the author (of the bin's most frequent author), or -1 for none. */
  author: number;
}

/** An arc from a quoting (or replying) post back to its source. */
export interface MapArc {
  /** Post numbers: `from` quotes or replies to `to` (for an aggregated arc, the first posts of the two bins). */
  from: number;
  to: number;
  x1: number;
  x2: number;
  /** How many links it stands for. */
  count: number;
  kind: 'quote' | 'reply';
  /** Index into `authors` of the quoting author (most frequent, when aggregated), or -1. */
  author: number;
}

/** The whole map. Coordinates are in a `width` × `height` viewBox whose axis is at `axisY`. */
export interface DebateMap {
  width: number;
  height: number;
  axisY: number;
  /** Authors by number of posts, most first: the colour of index i is palette colour i (the rest share one). */
  authors: { key: string; posts: number }[];
  marks: MapMark[];
  arcs: MapArc[];
  /** True when posts were gathered into bins or arcs merged. */
  binned: boolean;
  merged: boolean;
  /** Links drawn: quotes and replies to posts of the same thread. */
  links: number;
  mostQuoted: { n: number; author: string | null; count: number; by: number[] }[];
  pairs: { a: string; b: string; aQuotesB: number; bQuotesA: number; total: number }[];
}

/** Options of `debateMap`, with their defaults. */
export interface DebateMapOptions {
  /** Width of the viewBox (default 1000). */
  width?: number;
  /** Most marks drawn before posts are binned (default 2000). */
  maxMarks?: number;
  /** Most arcs drawn before arcs between the same bins are merged (default 600). */
  maxArcs?: number;
  /** Entries in the most-quoted and pairs lists (default 10). */
  top?: number;
}

const MARGIN = 12;

/** Lays out the debate map of a thread. Pure; never throws; posts may come in any order. */
export function debateMap(input: readonly MapPost[], options: DebateMapOptions = {}): DebateMap {
  const { width = 1000, maxMarks = 2000, maxArcs = 600, top = 10 } = options;
  const posts = [...(Array.isArray(input) ? input : [])].sort((a, b) => a.n - b.n);
  const byN = new Map(posts.map((p) => [p.n, p]));

  const postCount = new Map<string, number>();
  for (const p of posts) if (p.author) postCount.set(p.author, (postCount.get(p.author) ?? 0) + 1);
  const authors = [...postCount].map(([key, n]) => ({ key, posts: n })).sort((a, b) => b.posts - a.posts || (a.key < b.key ? -1 : 1));
  const authorIndex = new Map(authors.map((a, i) => [a.key, i]));
  const idx = (a: string | null) => (a === null ? -1 : (authorIndex.get(a) ?? -1));

  // Marks: one per post, or one per bin.
  const binned = posts.length > maxMarks;
  const per = binned ? Math.ceil(posts.length / maxMarks) : 1;
  const slots = Math.max(1, Math.ceil(posts.length / per));
  const step = slots > 1 ? (width - 2 * MARGIN) / (slots - 1) : 0;
  const marks: MapMark[] = [];
  const markOf = new Map<number, number>();
  for (let i = 0; i < posts.length; i += per) {
    const group = posts.slice(i, i + per);
    const m = marks.length;
    for (const p of group) markOf.set(p.n, m);
    marks.push({ first: group[0]!.n, last: group[group.length - 1]!.n, x: slots > 1 ? MARGIN + m * step : width / 2, author: idx(mostFrequent(group.map((p) => p.author))) });
  }

  // Links: every quote of a post of this thread, and every reply the capture records.
  type Link = { from: number; to: number; kind: 'quote' | 'reply'; author: string | null };
  const links: Link[] = [];
  for (const p of posts) {
    for (const q of p.quotes) if (byN.has(q) && q !== p.n) links.push({ from: p.n, to: q, kind: 'quote', author: p.author });
    const r = p.replyTo;
    if (typeof r === 'number' && byN.has(r) && r !== p.n && !p.quotes.includes(r)) links.push({ from: p.n, to: r, kind: 'reply', author: p.author });
  }

  const merged = links.length > maxArcs || binned;
  const arcs: MapArc[] = [];
  if (!merged) {
    for (const l of links) arcs.push({ from: l.from, to: l.to, x1: marks[markOf.get(l.to)!]!.x, x2: marks[markOf.get(l.from)!]!.x, count: 1, kind: l.kind, author: idx(l.author) });
  } else {
    // Merge links between the same two marks (or, when there are still too many, the same two groups of marks).
    let group = 1;
    let buckets: Map<string, Link[]>;
    for (;;) {
      buckets = new Map();
      for (const l of links) {
        const a = Math.floor(markOf.get(l.to)! / group);
        const b = Math.floor(markOf.get(l.from)! / group);
        if (a === b && group > 1) continue;
        const key = `${a}:${b}:${l.kind}`;
        const list = buckets.get(key);
        if (list) list.push(l);
        else buckets.set(key, [l]);
      }
      if (buckets.size <= maxArcs || group >= marks.length) break;
      group *= 2;
    }
    for (const list of buckets.values()) {
      const first = list[0]!;
      const xTo = list.reduce((s, l) => s + marks[markOf.get(l.to)!]!.x, 0) / list.length;
      const xFrom = list.reduce((s, l) => s + marks[markOf.get(l.from)!]!.x, 0) / list.length;
      arcs.push({ from: first.from, to: first.to, x1: xTo, x2: xFrom, count: list.length, kind: first.kind, author: idx(mostFrequent(list.map((l) => l.author))) });
    }
    arcs.sort((a, b) => a.x1 - b.x1 || a.x2 - b.x2);
  }
  // Short arcs drawn last, so they stay visible above long ones.
  arcs.sort((a, b) => b.x2 - b.x1 - (a.x2 - a.x1));
  const span = arcs.reduce((m, a) => Math.max(m, Math.abs(a.x2 - a.x1)), 0);
  const axisY = Math.max(40, Math.min(span / 2, 360)) + 16;

  return {
    width,
    height: axisY + 24,
    axisY,
    authors,
    marks,
    arcs,
    binned,
    merged,
    links: links.length,
    mostQuoted: mostQuoted(links, byN, top),
    pairs: pairs(links, byN, top),
  };
}

/** The height of an arc between `x1` and `x2` in a map whose axis is at `axisY`. */
export function arcHeight(x1: number, x2: number, axisY: number): number {
  return Math.min(Math.abs(x2 - x1) / 2, axisY - 8);
}

function mostFrequent(values: (string | null)[]): string | null {
  const count = new Map<string, number>();
  let best: string | null = null;
  let bestN = 0;
  for (const v of values) {
    if (v === null) continue;
    const n = (count.get(v) ?? 0) + 1;
    count.set(v, n);
    if (n > bestN) [best, bestN] = [v, n];
  }
  return best;
}

function mostQuoted(links: { from: number; to: number; kind: string }[], byN: Map<number, MapPost>, top: number): DebateMap['mostQuoted'] {
  const by = new Map<number, number[]>();
  for (const l of links) {
    if (l.kind !== 'quote') continue;
    const list = by.get(l.to) ?? [];
    if (!list.includes(l.from)) list.push(l.from);
    by.set(l.to, list);
  }
  return [...by]
    .map(([n, from]) => ({ n, author: byN.get(n)?.author ?? null, count: from.length, by: from.sort((a, b) => a - b) }))
    .sort((a, b) => b.count - a.count || a.n - b.n)
    .slice(0, top);
}

function pairs(links: { from: number; to: number; kind: string }[], byN: Map<number, MapPost>, top: number): DebateMap['pairs'] {
  const directed = new Map<string, number>();
  for (const l of links) {
    if (l.kind !== 'quote') continue;
    const a = byN.get(l.from)?.author;
    const b = byN.get(l.to)?.author;
    if (!a || !b || a === b) continue;
    const key = JSON.stringify([a, b]);
    directed.set(key, (directed.get(key) ?? 0) + 1);
  }
  const out = new Map<string, DebateMap['pairs'][number]>();
  for (const [key, n] of directed) {
    const [a, b] = JSON.parse(key) as [string, string];
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = JSON.stringify([x, y]);
    const e = out.get(id) ?? { a: x, b: y, aQuotesB: 0, bQuotesA: 0, total: 0 };
    if (a === x) e.aQuotesB += n;
    else e.bQuotesA += n;
    e.total += n;
    out.set(id, e);
  }
  return [...out.values()].sort((p, q) => Math.min(q.aQuotesB, q.bQuotesA) - Math.min(p.aQuotesB, p.bQuotesA) || q.total - p.total || (p.a < q.a ? -1 : 1)).slice(0, top);
}

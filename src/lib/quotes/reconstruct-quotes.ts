/**
 * Quote reconstruction for flat text, where quotes carry no marker: a quote is
 * a run of words repeated from an earlier post's own words. Posts are read in
 * order; each post's lines are matched against an index of the own words of
 * the posts before it, split into quoted segments and own words, and then its
 * own words are indexed in turn (so text a post itself quoted is never a source).
 *
 * Cost is near-linear in the thread's words: the index holds hashed 4-word
 * shingles sampled every 4th word of each source, each word of a post is
 * looked up once with a bounded number of candidates, and a match is extended
 * word by word both ways.
 */
import type { Diagnostic, Post, Quote, Segment } from '../model.js';
import type { LineClaimer } from '../accounting/line-claims.js';
import { hashIds, matchTokens, TokenTable } from './match-tokens.js';
import { ownText } from '../text/segments.js';
import { isBlank } from '../text/text.js';

/** Options of `reconstructQuotes`. */
export interface ReconstructOptions {
  /** Shortest run of repeated words that counts as a quote (default 8). Shorter repeats ("I agree", a link) stay own words. */
  minWords?: number;
  /** Share of a line's words a match must cover for the line to be quoted (default 0.6). */
  minLineCover?: number;
}

/** Default shortest quote, in words. */
export const MIN_QUOTE_WORDS = 8;
/** Default share of a line's words that must be matched for the line to be a quote. */
export const MIN_LINE_COVER = 0.6;

const K = 4; // shingle length in words
const STRIDE = 4; // index every STRIDE-th shingle of a source: any match of K + STRIDE - 1 words is found
const MAX_POSTINGS = 64; // most recent sources kept per shingle
const MAX_CANDIDATES = 24; // candidates extended per lookup

interface Run {
  qFrom: number;
  qTo: number;
  src: number; // index into the thread's posts
  sFrom: number;
  sTo: number;
}

/** An index of the own words of earlier posts, by sampled shingles. */
class OwnWordsIndex {
  readonly table = new TokenTable();
  private readonly seqs = new Map<number, number[]>();
  private readonly postings = new Map<number, number[]>();

  add(src: number, ids: number[]): void {
    if (ids.length === 0) return;
    this.seqs.set(src, ids);
    for (let p = 0; p + K <= ids.length; p += STRIDE) {
      const h = hashIds(ids, p, K);
      const list = this.postings.get(h);
      if (!list) this.postings.set(h, [src, p]);
      else {
        list.push(src, p);
        if (list.length > MAX_POSTINGS * 2) list.splice(0, 2);
      }
    }
  }

  /** The longest run through query position `i` that an earlier source holds, not reaching back before `floor`. */
  longest(q: readonly number[], i: number, floor: number): Run | null {
    const list = this.postings.get(hashIds(q, i, K));
    if (!list) return null;
    let best: Run | null = null;
    let tried = 0;
    for (let c = list.length - 2; c >= 0 && tried < MAX_CANDIDATES; c -= 2, tried++) {
      const src = list[c]!;
      const p = list[c + 1]!;
      const seq = this.seqs.get(src);
      if (!seq) continue;
      let ok = true;
      for (let t = 0; t < K; t++) if (q[i + t] !== seq[p + t]) ok = false;
      if (!ok) continue;
      let b = 0;
      while (i - b - 1 >= floor && p - b - 1 >= 0 && q[i - b - 1] === seq[p - b - 1]) b++;
      let f = K;
      while (i + f < q.length && p + f < seq.length && q[i + f] === seq[p + f]) f++;
      const len = b + f;
      if (!best || len > best.qTo - best.qFrom || (len === best.qTo - best.qFrom && src > best.src)) {
        best = { qFrom: i - b, qTo: i + f, src, sFrom: p - b, sTo: p + f };
      }
    }
    return best;
  }
}

interface Item {
  line: number; // 1-based source line
  text: string;
  group: number; // index of the original own segment
  ids: number[];
  qStart: number; // index of the item's first token in the post's token stream
  run: number; // index into runs, or -1
  label: number | 'own' | null; // quote id, own words, or undecided (no words)
}

/**
 * Splits each post of a flat-text thread into quoted segments and own words
 * (in place): sets `segments`, `quotes` and `text`. Quotes get
 * `reconstructed: true`, the source post's author and number. Lines moved into
 * quotes are re-claimed as `quote` through `claim`.
 * @param posts the thread's posts, in order, with own-words segments as the flat-text splitter makes them
 * @param claim re-assigns source lines in the document's ledger (default: none)
 */
export function reconstructQuotes(posts: Post[], claim: LineClaimer = () => {}, options: ReconstructOptions = {}): Diagnostic[] {
  const minWords = Math.max(K + STRIDE - 1, options.minWords ?? MIN_QUOTE_WORDS);
  const minCover = options.minLineCover ?? MIN_LINE_COVER;
  const index = new OwnWordsIndex();
  for (let pi = 0; pi < posts.length; pi++) {
    const post = posts[pi]!;
    if (post.quotes.length > 0) continue; // already has explicit quotes: not a flat-text post
    const items: Item[] = [];
    const q: number[] = [];
    post.segments.forEach((seg, group) => {
      if (seg.kind !== 'own') return;
      seg.text.split('\n').forEach((text, k) => {
        const ids = matchTokens(text).map((t) => index.table.id(t.token));
        items.push({ line: seg.line + k, text, group, ids, qStart: q.length, run: -1, label: null });
        for (const id of ids) q.push(id);
      });
    });
    // 1. Runs of words that an earlier post holds in its own words.
    const runs: Run[] = [];
    let i = 0;
    while (i + K <= q.length) {
      const r = index.longest(q, i, runs.length ? runs[runs.length - 1]!.qTo : 0);
      if (r && r.qTo - r.qFrom >= minWords) {
        runs.push(r);
        i = r.qTo;
      } else i++;
    }
    // 2. Lines mostly covered by one run are quoted.
    if (runs.length > 0) {
      let r = 0;
      for (const it of items) {
        if (it.ids.length === 0) continue;
        const a = it.qStart;
        const b = it.qStart + it.ids.length;
        while (r < runs.length && runs[r]!.qTo <= a) r++;
        let bestRun = -1;
        let bestCover = 0;
        for (let k = r; k < runs.length && runs[k]!.qFrom < b; k++) {
          const cover = Math.min(b, runs[k]!.qTo) - Math.max(a, runs[k]!.qFrom);
          if (cover > bestCover) {
            bestCover = cover;
            bestRun = k;
          }
        }
        if (bestRun >= 0 && bestCover / it.ids.length >= minCover) it.run = bestRun;
      }
    }
    // 3. Quoted lines of one source that follow each other form one quote.
    const quoteSrc: number[] = [];
    let prev: Item | null = null;
    let blankSince = false;
    for (const it of items) {
      if (it.ids.length === 0) {
        if (isBlank(it.text)) blankSince = true;
        continue;
      }
      if (it.run < 0) it.label = 'own';
      else {
        const run = runs[it.run]!;
        const p = prev && typeof prev.label === 'number' && prev.group === it.group ? prev : null;
        const pr = p ? runs[p.run]! : null;
        const joins = p && pr && pr.src === run.src && (p.run === it.run || Math.abs(run.sFrom - pr.sTo) <= 3 || !blankSince);
        if (joins) it.label = p!.label;
        else {
          quoteSrc.push(run.src);
          it.label = quoteSrc.length - 1;
        }
      }
      prev = it;
      blankSince = false;
    }
    if (quoteSrc.length === 0) {
      index.add(pi, q);
      continue;
    }
    // Lines without words between two lines of one quote belong to it.
    for (let k = 0; k < items.length; k++) {
      const it = items[k]!;
      if (it.label !== null) continue;
      let a = k - 1;
      while (a >= 0 && items[a]!.label === null && items[a]!.group === it.group) a--;
      let b = k + 1;
      while (b < items.length && items[b]!.label === null && items[b]!.group === it.group) b++;
      const before = items[a];
      const after = items[b];
      if (before && after && before.group === it.group && after.group === it.group && typeof before.label === 'number' && before.label === after.label) {
        for (let m = a + 1; m < b; m++) items[m]!.label = before.label;
      } else if (!isBlank(it.text)) it.label = 'own';
    }
    // 4. Segments in source order.
    const segments: Segment[] = [];
    const quotes: Quote[] = [];
    const ownIds: number[] = [];
    let k = 0;
    while (k < items.length) {
      const it = items[k]!;
      const label = it.label ?? 'own';
      let e = k;
      while (e + 1 < items.length && items[e + 1]!.group === it.group && ((items[e + 1]!.label ?? label) === label)) e++;
      let a = k;
      let b = e;
      while (a <= b && isBlank(items[a]!.text)) a++;
      while (b >= a && isBlank(items[b]!.text)) b--;
      if (a <= b) {
        const text = items.slice(a, b + 1).map((x) => x.text).join('\n');
        if (label === 'own') {
          segments.push({ kind: 'own', text, line: items[a]!.line });
          for (let m = a; m <= b; m++) for (const id of items[m]!.ids) ownIds.push(id);
        } else {
          const src = posts[quoteSrc[label]!]!;
          quotes.push({ author: src.author, text, sourcePost: src.n, sourceThread: null, reconstructed: true, line: items[a]!.line });
          segments.push({ kind: 'quote', quote: quotes.length - 1 });
          for (let m = a; m <= b; m++) if (!isBlank(items[m]!.text)) claim(items[m]!.line - 1, items[m]!.line - 1, 'quote');
        }
      }
      k = e + 1;
    }
    post.segments = segments;
    post.quotes = quotes;
    post.text = ownText(segments);
    index.add(pi, ownIds);
  }
  return [];
}

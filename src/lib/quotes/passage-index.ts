/**
 * An index of passages by hashed word n-grams ("shingles"), to find which
 * earlier post holds a quoted passage without comparing every pair of posts.
 */
import { hash32, words } from '../text/text.js';

/** Default shingle length in words. */
export const SHINGLE = 4;

/** Combines word hashes into one shingle hash without building strings. */
function combine(hs: readonly number[], from: number, k: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + k; i++) h = Math.imul(h ^ (hs[i] ?? 0), 0x01000193) >>> 0;
  return h;
}

/** The hashes of a word list's `k`-word shingles (one hash for a list shorter than `k`). */
export function shingles(ws: readonly string[], k = SHINGLE): number[] {
  if (ws.length === 0) return [];
  const hs = ws.map(hash32);
  if (ws.length < k) return [combine(hs, 0, hs.length)];
  const out: number[] = new Array<number>(ws.length - k + 1);
  for (let i = 0; i + k <= ws.length; i++) out[i] = combine(hs, i, k);
  return out;
}

/**
 * Most candidates taken from one shingle's posting list, and from the list of
 * passages for a query too short for shingles (default 256). Lists are read
 * from the most recent passage back, so a shingle that every post of a huge
 * thread shares costs a bounded amount per query: lookups stay linear in the
 * thread's size, and the latest match (the tie-break) is always among those seen.
 */
export const MAX_CANDIDATES = 256;

/**
 * Passages keyed by a numeric id. `add` indexes a passage's words; `find`
 * returns the ids that share shingles with a query, best first, verified.
 */
export class PassageIndex {
  private readonly k: number;
  private readonly postings = new Map<number, number[]>();
  private readonly texts = new Map<number, string>();
  /** Ids in the order they were first added. */
  private readonly order: number[] = [];

  /** @param k shingle length in words (default 4) */
  constructor(k = SHINGLE) {
    this.k = k;
  }

  /** Indexes `text` under `id`. Adding under the same id again extends it. */
  add(id: number, text: string): void {
    const ws = words(text);
    if (ws.length === 0) return;
    const prev = this.texts.get(id);
    if (prev === undefined) this.order.push(id);
    this.texts.set(id, prev ? `${prev} ${ws.join(' ')}` : ws.join(' '));
    const seen = new Set<number>();
    for (const h of shingles(ws, this.k)) {
      if (seen.has(h)) continue;
      seen.add(h);
      const list = this.postings.get(h);
      if (list) {
        if (list[list.length - 1] !== id) list.push(id);
      } else this.postings.set(h, [id]);
    }
  }

  /** The normalised words of passage `id`, joined by single spaces ('' when unknown). */
  wordsOf(id: number): string {
    return this.texts.get(id) ?? '';
  }

  /**
   * Ids whose passages hold the query's words, best first. A match is `exact`
   * when the query's whole word sequence stands in the passage; otherwise
   * `share` is the fraction of the query's shingles found in it.
   * @param query text to look for
   * @param accept keeps only some ids (for example earlier posts); default all
   */
  find(query: string, accept: (id: number) => boolean = () => true): { id: number; exact: boolean; share: number }[] {
    const ws = words(query);
    if (ws.length === 0) return [];
    const hs = ws.length < this.k ? [] : shingles(ws, this.k);
    const counts = new Map<number, number>();
    const recent = (list: readonly number[], take: (id: number) => void) => {
      let taken = 0;
      for (let i = list.length - 1; i >= 0 && taken < MAX_CANDIDATES && list.length - i <= 4 * MAX_CANDIDATES; i--) {
        const id = list[i]!;
        if (!accept(id)) continue;
        take(id);
        taken++;
      }
    };
    for (const h of new Set(hs)) recent(this.postings.get(h) ?? [], (id) => counts.set(id, (counts.get(id) ?? 0) + 1));
    if (ws.length < this.k) {
      // Too short for shingles: check the most recent accepted passages directly.
      recent(this.order, (id) => counts.set(id, 0));
    }
    const needle = ` ${ws.join(' ')} `;
    const total = Math.max(1, new Set(hs).size);
    const out: { id: number; exact: boolean; share: number }[] = [];
    for (const [id, c] of counts) {
      const exact = ` ${this.texts.get(id) ?? ''} `.includes(needle);
      if (exact || c > 0) out.push({ id, exact, share: exact ? 1 : c / total });
    }
    out.sort((a, b) => Number(b.exact) - Number(a.exact) || b.share - a.share || b.id - a.id);
    return out;
  }
}

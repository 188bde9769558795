/**
 * What the search box understands: words (all of them must be in a post,
 * except stop words), "a phrase in double quotes" (those words in that
 * order), and -word (no post holding it). Pure; never throws.
 */
import { normalize, STOP_WORDS } from '../tokens.js';

/** A parsed query. */
export interface Query {
  /** Words a post must hold (stop words left out, unless the query is nothing else). */
  required: string[];
  /** Phrases: their words in order, stop words included. */
  phrases: string[][];
  /** Words a post must not hold. */
  excluded: string[];
  /** Every word to ask Pagefind for: required, phrase and excluded words. */
  terms: string[];
  /** Every word of the query in order, stop words included (to recognise names). */
  words: string[];
  /**
   * True for a question as people type it (`who did Lenin dictate his testament to?`):
   * its words describe the answer rather than quote it, so a result needs most
   * of them, not all.
   */
  question: boolean;
  /** Gaps between consecutive required words in the query (for the in-order bonus); `gaps[i]` is between `required[i]` and `required[i+1]`. */
  gaps: number[];
}

const words = (s: string) => s.split(/\s+/).map(normalize).filter(Boolean);

/** Words that open a question. */
const QUESTION = new Set(['who', 'whom', 'whose', 'what', 'which', 'why', 'how', 'when', 'where', 'did', 'does', 'do', 'could', 'would', 'should', 'was', 'were', 'is', 'are', 'can', 'will', 'has', 'have', 'had']);

/** Parses the search box's text. */
export function parseQuery(text: string): Query {
  const phrases: string[][] = [];
  const rest = text.replace(/["“”]([^"“”]*)["“”]?/g, (_, p: string) => {
    const w = words(p);
    if (w.length) phrases.push(w);
    return ` ${p} `;
  });
  const excluded: string[] = [];
  const sequence: string[] = [];
  for (const raw of rest.split(/\s+/)) {
    if (/^-[\p{L}\p{N}]/u.test(raw)) {
      const w = normalize(raw.slice(1));
      if (w) excluded.push(w);
      continue;
    }
    const w = normalize(raw);
    if (w) sequence.push(w);
  }
  const content = sequence.filter((w) => !STOP_WORDS.has(w));
  const chosen = content.length ? content : sequence;
  const required: string[] = [];
  const gaps: number[] = [];
  let last = -1;
  sequence.forEach((w, i) => {
    if (!chosen.includes(w) || (content.length && STOP_WORDS.has(w))) return;
    if (required.includes(w)) return;
    if (last >= 0) gaps.push(i - last);
    required.push(w);
    last = i;
  });
  const terms = [...new Set([...required, ...phrases.flat(), ...excluded])];
  const question = phrases.length === 0 && required.length >= 3 && (QUESTION.has(sequence[0] ?? '') || /\?\s*$/.test(text));
  return { required, phrases, excluded: [...new Set(excluded)], terms, gaps, words: sequence, question };
}

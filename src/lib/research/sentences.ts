/**
 * Sentences of a post's own words, with their place in the text.
 *
 * Boundaries come from the platform's Unicode sentence segmenter
 * (`Intl.Segmenter`, ICU's implementation of UAX #29: maintained, no model to
 * download), run one block at a time (it is slow on long inputs), with two
 * corrections it needs for forum prose:
 * - hard-wrapped lines (mail and Usenet quote style) are one block, while a
 *   line that ends a sentence, a blank line, a list item, a heading or a `>`
 *   line starts a new one;
 * - a break after an initial or a common abbreviation ("E. H. Carr",
 *   "Mr. Trotsky", "e.g. Poland", "U.S. aid") is undone.
 */

/** A sentence: its text (trimmed) and its `[start, end)` range in the input. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Lower-case abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'col', 'lt', 'capt', 'sgt', 'adm', 'gov', 'pres', 'sen', 'rep', 'rev', 'prof', 'jr', 'sr',
  'vs', 'etc', 'e.g', 'i.e', 'cf', 'approx', 'ca', 'c', 'no', 'vol', 'pp', 'p', 'ch', 'fig', 'u.s', 'u.k', 'u.s.s.r', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft',
]);

/** True when a segment ends with an initial ("E.") or a known abbreviation rather than a sentence end. */
function endsWithAbbreviation(segment: string): boolean {
  const m = /(?:^|[\s(["'“‘])([\p{L}.]+)\.\s*$/u.exec(segment);
  if (!m) return false;
  const word = m[1]!;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** True when a line closes a sentence or a block, so the next line starts a new block. */
function endsBlock(line: string): boolean {
  return /[.!?:;"”')\]]\s*$/.test(line) || line.trim() === '';
}

/** True when a line opens a block of its own (list item, heading, quote line, rule). */
function opensBlock(line: string): boolean {
  return /^\s*(?:[-*+•]\s|\d+[.)]\s|#{1,6}\s|>|-{3,}|\(\d+\)\s)/.test(line);
}

/** Blocks of text: lines joined where they were only wrapped. Ranges point into the input. */
function blocks(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = -1;
  let end = 0;
  let prev = '';
  let at = 0;
  for (const line of text.split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    if (line.trim() === '') {
      if (start >= 0) out.push({ start, end });
      start = -1;
      prev = line;
      continue;
    }
    if (start >= 0 && (endsBlock(prev) || opensBlock(line))) {
      out.push({ start, end });
      start = -1;
    }
    if (start < 0) start = lineStart;
    end = lineStart + line.length;
    prev = line;
  }
  if (start >= 0) out.push({ start, end });
  return out;
}

/**
 * Splits a text into sentences. Never throws; an empty or non-string input
 * gives `[]`. Each sentence's `text` is `input.slice(start, end)`, trimmed of
 * white space at both ends (so `start`/`end` exclude it).
 */
export function splitSentences(input: string): Sentence[] {
  const text = typeof input === 'string' ? input : '';
  const out: Sentence[] = [];
  for (const b of blocks(text)) {
    // A line feed is a hard break for UAX #29; inside a block it is only a wrap (same length, so offsets hold).
    const block = text.slice(b.start, b.end).replace(/\n/g, ' ');
    let pending: { start: number; end: number } | null = null;
    for (const s of segmenter.segment(block)) {
      const start = b.start + s.index;
      const end = start + s.segment.length;
      pending = pending ? { start: pending.start, end } : { start, end };
      if (!endsWithAbbreviation(s.segment)) {
        push(out, text, pending);
        pending = null;
      }
    }
    if (pending) push(out, text, pending);
  }
  return out;
}

function push(out: Sentence[], text: string, r: { start: number; end: number }): void {
  let { start, end } = r;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

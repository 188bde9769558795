/**
 * Quotes in forum text, where the quote box became plain lines: an attribution
 * line (`Bregil said:`, `Towelie wrote: ↑`, `(03-10-2012, 11:11 PM)Towelie Wrote:`,
 * `Quote:` + `Originally Posted by Towelie`, `Quote from: X on <date>`), then
 * the quoted lines with nothing marking where they end. The end is found by
 * comparing with the earlier posts of the capture: the quote runs while its
 * lines stand in one earlier post's own words. XenForo's `Click to expand...`
 * line, where the copy kept it, ends a quote outright.
 */
import type { PassageIndex } from '../../quotes/passage-index.js';
import { isBlank, words } from '../../text/text.js';
import { isDate } from '../../text/dates.js';

/** An attribution line (or two) that opens a quote. */
export interface Attribution {
  /** The name as written, or null for an unattributed `Quote:`. */
  author: string | null;
  /** How many lines the attribution takes (1 or 2). */
  lines: number;
}

/** XenForo's link under a long quote: it ends the quote and is page chrome. */
export const EXPAND_LINK = /^\s*(?:Click to expand|Click to shrink)\.*\s*$/i;

/** Verbs of attribution lines, in the languages boards are used in. */
const VERB = "(?:said|wrote|writes|Wrote|Said|schrieb|escribió|a écrit|ha scritto|napisał\\(a\\)|napisał|написал\\(а\\)|написал|написала|skrev|schreef|kirjoitti|yazdı|כתב|كتب)";
const NAMED = new RegExp(`^\\s*(?:\\(([^)]{4,60})\\)\\s*)?(.{1,60}?)\\s+${VERB}\\s?:\\s*(?:↑\\s*)?(.*)$`, 'u');
const VB_QUOTE = /^\s*Originally Posted by\s+(.{1,60}?)(?:\s+View Post)?\s*$/i;
const SMF_QUOTE = /^\s*Quote from:\s+(.{1,60}?)\s+on\s+.{4,60}$/i;
const BARE_QUOTE = /^\s*Quote:?\s*$/i;

/** True when a name as written in an attribution is plausible: a few words, no sentence punctuation at its ends. */
function plausibleName(name: string): boolean {
  const t = name.trim();
  if (!t || t.split(/\s+/).length > 5) return false;
  if (/^[-*•>#"“(]/.test(t) || /[,;!?]$/.test(t)) return false;
  return /[\p{L}\p{N}]/u.test(t);
}

/**
 * Reads an attribution at line `i` (not past `to`).
 * @returns the attribution, or null when line `i` opens no quote
 */
export function readAttribution(lines: readonly string[], i: number, to: number): Attribution | null {
  const line = lines[i] ?? '';
  if (line.length > 200) return null;
  if (BARE_QUOTE.test(line)) {
    const next = i + 1 <= to ? VB_QUOTE.exec(lines[i + 1] ?? '') : null;
    if (next) return { author: next[1]!.trim(), lines: 2 };
    return i + 1 <= to && !isBlank(lines[i + 1] ?? '') ? { author: null, lines: 1 } : null;
  }
  const vb = VB_QUOTE.exec(line);
  if (vb) return { author: vb[1]!.trim(), lines: 1 };
  const smf = SMF_QUOTE.exec(line);
  if (smf && plausibleName(smf[1]!)) return { author: smf[1]!.trim(), lines: 1 };
  const m = NAMED.exec(line);
  if (!m) return null;
  const name = m[2]!.trim();
  const rest = m[3]!.trim();
  if (!plausibleName(name) || (rest && !isDate(rest))) return null;
  // phpBB prints the quoted post's date on the line under `Name wrote: ↑`.
  const dateLine = i + 1 <= to && isDate(lines[i + 1] ?? '') ? 1 : 0;
  return { author: name, lines: 1 + dateLine };
}

/** Words needed in a line before a partial match (a share of its shingles) can count. */
const PARTIAL_MIN_WORDS = 6;
/** Share of a line's shingles an earlier post must hold when the line is not found whole (default 0.6). */
export const PARTIAL_SHARE = 0.6;
/** Lines with fewer words than this (`Yes.`, `Agreed`) only continue a quote when the next line with words does too. */
const SHORT_LINE = 3;

/** Where a quote ends, and the earlier post it was matched against (if any). */
export interface QuoteExtent {
  /** 0-based index of the quote's last line. */
  end: number;
  /** The `n` of the earlier post whose own words hold the quote's first line, or null when none does. */
  matched: number | null;
  /** 0-based index of a `Click to expand...` line that closed the quote, or -1. */
  expandLine: number;
}

/** True when the words of `line` stand in passage `id` (whole, or mostly for a long line). */
function heldBy(index: PassageIndex, id: number, ws: readonly string[]): boolean {
  if (` ${index.wordsOf(id)} `.includes(` ${ws.join(' ')} `)) return true;
  if (ws.length < PARTIAL_MIN_WORDS) return false;
  const hit = index.find(ws.join(' '), (x) => x === id)[0];
  return hit !== undefined && hit.share >= PARTIAL_SHARE;
}

/**
 * Finds where a quote that starts at line `from` ends, not going past `to`.
 * A `Click to expand...` line before the next attribution ends it. Otherwise
 * the quote runs while its lines stand in one earlier post's own words (the
 * post by `author` preferred among equals); when no earlier post holds its
 * first line (the quoted post is not in the capture), only that line is taken.
 * @param index own words of the earlier posts of the capture, keyed by `n`
 * @param authorOf the author of an earlier post by `n`
 */
export function quoteExtent(
  lines: readonly string[],
  from: number,
  to: number,
  author: string | null,
  index: PassageIndex,
  authorOf: (n: number) => string | null,
): QuoteExtent {
  for (let j = from; j <= to; j++) {
    if (EXPAND_LINK.test(lines[j] ?? '')) {
      let end = j - 1;
      while (end >= from && isBlank(lines[end] ?? '')) end--;
      return { end: Math.max(end, from - 1), matched: null, expandLine: j };
    }
    if (j > from && readAttribution(lines, j, to)) break;
  }
  let first = from;
  while (first <= to && words(lines[first] ?? '').length === 0) first++;
  if (first > to) return { end: to, matched: null, expandLine: -1 };
  const ws = words(lines[first] ?? '');
  const hits = index.find(ws.join(' ')).filter((h) => h.exact || (ws.length >= PARTIAL_MIN_WORDS && h.share >= PARTIAL_SHARE));
  if (hits.length === 0) return { end: first, matched: null, expandLine: -1 };
  const best = hits[0]!;
  const ties = hits.filter((h) => h.exact === best.exact && Math.abs(h.share - best.share) < 1e-9);
  const src = (author !== null ? ties.find((h) => authorOf(h.id) === author) : undefined) ?? best;
  let end = first;
  for (let j = first + 1; j <= to; j++) {
    const l = lines[j] ?? '';
    const lw = words(l);
    if (lw.length === 0) continue; // blank or wordless: belongs to the quote only if a later line does
    if (readAttribution(lines, j, to)) break;
    if (!heldBy(index, src.id, lw)) break;
    if (lw.length < SHORT_LINE) {
      let k = j + 1;
      while (k <= to && words(lines[k] ?? '').length === 0) k++;
      if (k > to || !heldBy(index, src.id, words(lines[k] ?? ''))) break;
    }
    end = j;
  }
  return { end, matched: src.id, expandLine: -1 };
}

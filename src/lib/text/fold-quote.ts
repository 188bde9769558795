/**
 * Folding long quotes: a quote longer than a few lines is shown as its first
 * lines and the rest, so a page shows a reply's own words rather than pages of
 * re-quoted text. Pure; never throws.
 */

/** Options of `foldQuote`. */
export interface FoldOptions {
  /** Characters of a display line (default 70, the reading measure). */
  width?: number;
  /** A quote of more display lines than this is folded (default 8). */
  maxLines?: number;
  /** Display lines kept before the fold, about (default 4). */
  keepLines?: number;
}

/** A quote's text cut in two: `head` always shown, `rest` folded (`null` when the quote is short). */
export interface FoldedQuote {
  head: string;
  rest: string | null;
  /** Display lines of the whole quote, estimated at `width` characters a line. */
  lines: number;
}

/** Display lines of one source line at `width` characters a line (a blank line counts none). */
const displayLines = (line: string, width: number) => (line.trim() === '' ? 0 : Math.max(1, Math.ceil(line.trim().length / width)));

/** Estimated display lines of a text at `width` characters a line (default 70). */
export function quoteLines(text: string, width = 70): number {
  return String(text)
    .split('\n')
    .reduce((a, l) => a + displayLines(l, width), 0);
}

/**
 * Cuts a quote after about `keepLines` display lines, at a line break or, in
 * one long paragraph, at the end of a sentence (else a word). A text holding a
 * fenced code block is cut only before its first fence.
 */
export function foldQuote(text: string, o: FoldOptions = {}): FoldedQuote {
  const width = o.width ?? 70;
  const maxLines = o.maxLines ?? 8;
  const keep = o.keepLines ?? 4;
  const src = String(text ?? '');
  const lines = quoteLines(src, width);
  if (lines <= maxLines) return { head: src, rest: null, lines };
  const rows = src.split('\n');
  const fence = rows.findIndex((r) => /^\s*(```|~~~)/.test(r));
  let shown = 0;
  for (let i = 0; i < rows.length; i++) {
    const d = displayLines(rows[i]!, width);
    if (fence >= 0 && i >= fence) break;
    if (shown > 0 && shown + d > keep) return cutAt(rows, i, lines);
    if (shown === 0 && d > keep) return cutInLine(rows, i, keep * width, lines);
    shown += d;
  }
  if (fence > 0) return cutAt(rows, fence, lines);
  return { head: src, rest: null, lines };
}

function cutAt(rows: string[], i: number, lines: number): FoldedQuote {
  const head = rows.slice(0, i).join('\n').trimEnd();
  const rest = rows.slice(i).join('\n').replace(/^\s*\n/, '');
  return rest.trim() === '' || head.trim() === '' ? { head: rows.join('\n'), rest: null, lines } : { head, rest, lines };
}

/** Cuts inside row `i` near `chars` characters: after a sentence when one ends nearby, else after a word. */
function cutInLine(rows: string[], i: number, chars: number, lines: number): FoldedQuote {
  const row = rows[i]!;
  const window = row.slice(0, chars + 40);
  let at = -1;
  const sentence = /[.!?]["')\u201d\u2019]?\s+/g;
  for (let m = sentence.exec(window); m; m = sentence.exec(window)) if (m.index > chars / 3) at = m.index + m[0].length;
  if (at < 0) {
    at = row.lastIndexOf(' ', chars);
    if (at <= 0) return cutAt(rows, i + 1, lines);
    at += 1;
  }
  const head = [...rows.slice(0, i), row.slice(0, at).trimEnd()].join('\n');
  const rest = [row.slice(at).trimStart(), ...rows.slice(i + 1)].join('\n');
  return rest.trim() === '' ? { head: rows.join('\n'), rest: null, lines } : { head, rest, lines };
}

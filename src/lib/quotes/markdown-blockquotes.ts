/**
 * Quotes marked only by Markdown blockquotes (reddit comments): every
 * top-level blockquote of a body is a quote of someone, whose source is found
 * afterwards by its words (`resolveExplicitQuotes`); a `Name said:` paragraph
 * just before it names the author. Everything else is the poster's own words.
 */
import type { Quote, Segment } from '../model.js';
import { attributionOf, parseMarkdown, unquote } from '../text/markdown-tree.js';

/** Options for `blockquoteSegments`. */
export interface BlockquoteOptions {
  /** The 1-based capture line of a character offset in the body (default: line 1 for every offset). */
  lineOf?: (offset: number) => number;
  /** True when a blockquote's source is not a quote (default: reddit's `>!spoiler!<`). */
  notAQuote?: (source: string) => boolean;
}

/** reddit's spoiler syntax, `>!hidden words!<`, which CommonMark reads as a blockquote. */
export const SPOILER = /^ {0,3}>!/;

/**
 * Splits a Markdown body into own-words segments and quotes. Never throws.
 * Own segments keep the Markdown source between quotes, trimmed.
 */
export function blockquoteSegments(body: string, options: BlockquoteOptions = {}): { segments: Segment[]; quotes: Quote[] } {
  const lineOf = options.lineOf ?? (() => 1);
  const notAQuote = options.notAQuote ?? ((s: string) => SPOILER.test(s));
  const segments: Segment[] = [];
  const quotes: Quote[] = [];
  const own = (from: number, to: number) => {
    const raw = body.slice(from, to);
    const text = raw.trim();
    if (text) segments.push({ kind: 'own', text, line: lineOf(from + raw.length - raw.trimStart().length) });
  };
  if (!/^ {0,3}>/m.test(body)) {
    own(0, body.length);
    return { segments, quotes };
  }
  const kids = parseMarkdown(body).children;
  let from = 0;
  for (let k = 0; k < kids.length; k++) {
    const node = kids[k]!;
    if (node.type !== 'blockquote') continue;
    const s = node.position?.start.offset ?? 0;
    const e = node.position?.end.offset ?? s;
    const source = body.slice(s, e);
    const text = unquote(source).trim();
    if (!text || notAQuote(source)) continue;
    const prev = kids[k - 1];
    const said = attributionOf(prev);
    const quoteStart = said !== null && prev?.position ? prev.position.start.offset ?? s : s;
    own(from, quoteStart);
    quotes.push({ author: said, text, sourcePost: null, sourceThread: null, reconstructed: false, line: lineOf(quoteStart) });
    segments.push({ kind: 'quote', quote: quotes.length - 1 });
    from = e;
  }
  own(from, body.length);
  return { segments, quotes };
}

/**
 * The Markdown export format: `# Title`, then posts separated by a line of ten
 * dashes, each opened by `## Author`; quotes are a `Name said:` paragraph
 * followed by a blockquote.
 */
import type { Diagnostic, Post, Quote, Segment } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { isBlank, lineLocator } from '../text/text.js';
import { attributionOf, parseMarkdown, unquote } from '../text/markdown-tree.js';

/** The line that separates posts in the Markdown export: ten dashes. */
export const EXPORT_SEPARATOR = /^-{10}\s*$/;

/** Lines of the Markdown export that mark a post as edited (kept as a flag, not as text). */
const EDITED = /^\s*(?:\*|_)?Last edited(?: by [^:]*)?:.*$/i;

/**
 * Splits a Markdown export into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitMarkdownExport(lines: string[], start: number, ledger: Ledger): FormatResult {
  const diagnostics: Diagnostic[] = [];
  let title: string | null = null;
  let i = start;
  while (i < lines.length && isBlank(lines[i] ?? '')) i++;
  const first = lines[i] ?? '';
  if (/^# \S/.test(first)) {
    title = first.slice(2).trim();
    ledger.claim(i, i, 'title');
    i++;
  }
  // Chunks between separator lines.
  const chunks: { from: number; to: number }[] = [];
  let from = i;
  for (let j = i; j <= lines.length; j++) {
    if (j === lines.length || EXPORT_SEPARATOR.test(lines[j] ?? '')) {
      if (j < lines.length) ledger.claim(j, j, 'separator');
      chunks.push({ from, to: j - 1 });
      from = j + 1;
    }
  }
  const posts: Post[] = [];
  for (const chunk of chunks) {
    let h = chunk.from;
    while (h <= chunk.to && isBlank(lines[h] ?? '')) h++;
    if (h > chunk.to) continue; // an empty chunk: blank lines only
    let author: string | null = null;
    const heading = /^##\s+(.*\S)\s*$/.exec(lines[h] ?? '');
    let bodyFrom = h;
    if (heading) {
      author = (heading[1] ?? '').replace(/\s+#+$/, '').trim() || null;
      ledger.claim(h, h, 'author');
      bodyFrom = h + 1;
    } else {
      diagnostics.push({
        rule: 'post-without-author',
        severity: 'warning',
        message: 'A post of the Markdown export does not open with a `## Author` heading. Its author is shown as unknown; add the heading if the author is known.',
        line: h + 1,
      });
    }
    posts.push(buildPost({ lines, from: bodyFrom, to: chunk.to, n: posts.length + 1, author, evidence: heading ? 'heading' : null, headLine: h, ledger, diagnostics }));
  }
  return { title, posts, diagnostics };
}

/** Where a post stands in the capture and what it is attributed to: what the post builders share. */
interface PostFrame {
  lines: string[];
  /** First and last body line (0-based, inclusive). */
  from: number;
  to: number;
  n: number;
  author: string | null;
  evidence: 'heading' | null;
  /** 0-based line of the `## Author` heading (or of the first body line). */
  headLine: number;
  ledger: Ledger;
  diagnostics: Diagnostic[];
}

function buildPost(frame: PostFrame): Post {
  const { lines, from, to, n, ledger } = frame;
  let edited = false;
  const bodyLines: string[] = [];
  for (let j = from; j <= to; j++) {
    const l = lines[j] ?? '';
    if (EDITED.test(l)) {
      edited = true;
      ledger.claim(j, j, 'edited-marker');
      bodyLines.push('');
    } else bodyLines.push(l);
  }
  const body = bodyLines.join('\n');
  if (!mayHoldQuote(body)) return plainPost(frame, edited, body);
  const tree = parseMarkdown(body);
  const lineOf = (_text: string, offset: number) => locate(offset);
  const locate = lineLocator(body);
  const segments: Segment[] = [];
  const quotes: Quote[] = [];
  const kids = tree.children;
  let ownStart = -1;
  let ownEnd = -1;
  const flushOwn = () => {
    if (ownStart < 0) return;
    const text = body.slice(ownStart, ownEnd).trim();
    if (text) segments.push({ kind: 'own', text, line: from + lineOf(body, ownStart) + 1 });
    ownStart = -1;
  };
  for (let k = 0; k < kids.length; k++) {
    const node = kids[k]!;
    const s = node.position?.start.offset ?? 0;
    const e = node.position?.end.offset ?? s;
    const said = attributionOf(node);
    const next = kids[k + 1];
    if (said !== null && next?.type === 'blockquote') {
      // A bare blockquote (a citation of a book, say) is part of the poster's own words.
      flushOwn();
      const bq = next;
      const bs = bq.position?.start.offset ?? s;
      const be = bq.position?.end.offset ?? e;
      const firstLine = from + lineOf(body, bs);
      const lastLine = from + lineOf(body, be);
      ledger.claim(firstLine, lastLine, 'quote');
      ledger.claim(from + lineOf(body, s), from + lineOf(body, e), 'quote-attribution');
      quotes.push({
        author: said,
        text: unquote(body.slice(bs, be)).trim(),
        sourcePost: null,
        sourceThread: null,
        reconstructed: false,
        line: from + lineOf(body, s) + 1,
      });
      segments.push({ kind: 'quote', quote: quotes.length - 1 });
      k++;
      continue;
    }
    if (ownStart < 0) ownStart = s;
    ownEnd = e;
    ledger.claim(from + lineOf(body, s), from + lineOf(body, e), 'post');
  }
  flushOwn();
  return finishPost(frame, edited, segments, quotes);
}

/**
 * True when a body may hold a `Name said:` + blockquote quote: it has a line
 * ending in `said:` and a line that opens a blockquote. Bodies without both
 * cannot hold one, so they skip the Markdown parse (the common case, and the
 * costly part of importing a large archive).
 */
export function mayHoldQuote(body: string): boolean {
  return /said:[ \t]*$/m.test(body) && /^ {0,3}>/m.test(body);
}

/** A post whose body holds no quote: one own-words segment, its non-blank lines claimed as `post`. */
function plainPost(frame: PostFrame, edited: boolean, body: string): Post {
  const { lines, from, to, ledger } = frame;
  const text = body.trim();
  let first = -1;
  for (let j = from; j <= to; j++) {
    if (ledger.kind(j) !== null || isBlank(lines[j] ?? '')) continue;
    if (first < 0) first = j;
    ledger.claim(j, j, 'post');
  }
  return finishPost(frame, edited, text ? [{ kind: 'own', text, line: first + 1 }] : [], []);
}

/** The post from its segments; an empty one is kept (later numbers must not shift) and reported. */
function finishPost({ n, author, evidence, headLine, diagnostics }: PostFrame, edited: boolean, segments: Segment[], quotes: Quote[]): Post {
  if (segments.length === 0) {
    diagnostics.push({
      rule: 'empty-post',
      severity: 'warning',
      message: `Post ${n} has an empty body. It is kept so that later post numbers do not shift; check the capture for text lost in copying.`,
      line: headLine + 1,
    });
  }
  return {
    n,
    author,
    authorEvidence: author ? evidence : null,
    badges: [],
    edited,
    date: null,
    replyTo: null,
    line: headLine + 1,
    text: segments.flatMap((g) => (g.kind === 'own' ? [g.text] : [])).join('\n\n'),
    segments,
    quotes,
  };
}

/**
 * Confidence that lines are a Markdown export: 0.9 with `## Author` headings
 * and either ten-dash separators or a `# Title`, else 0.
 */
export function detectMarkdownExport(lines: readonly string[]): number {
  let headings = false;
  let separator = false;
  let title = false;
  for (const line of lines) {
    if (/^## \S/.test(line)) headings = true;
    else if (EXPORT_SEPARATOR.test(line)) separator = true;
    else if (/^# \S/.test(line)) title = true;
  }
  return headings && (separator || title) ? 0.9 : 0;
}

/** The Markdown export format (`markdown-export`). */
export const markdownExport: CaptureFormatPlugin = {
  name: 'markdown-export',
  label: 'Markdown export',
  kind: 'thread',
  markdown: true,
  reconstructQuotes: false,
  signatures: false,
  detect: detectMarkdownExport,
  split: splitMarkdownExport,
};

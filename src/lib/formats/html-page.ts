/**
 * A saved page of a board no page format recognises: its visible text
 * (scripts, styles, navigation and footers dropped by the same named rules as
 * the board formats) is read by the text formats, as if it had been copied
 * from the browser; the posts' lines are mapped back to the page's lines.
 * When no text format claims the text either, the page's text is one post,
 * with a warning.
 */
import type { Element, Root, RootContent } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Diagnostic, Post } from '../model.js';
import { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatInput, FormatResult } from './format.js';
import { isBlank } from '../text/text.js';
import { parseHtml, linesOf } from './html/html-tree.js';
import { DROP_RULES, looksLikeHtml } from './html/page.js';

/** Elements after which the visible text breaks its line. */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'td', 'th', 'ul', 'title', 'body', 'html']);
/** Blocks that stand apart (a blank line around them), like paragraphs in copied text. */
const PARAGRAPH = new Set(['p', 'article', 'section', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'hr', 'pre']);

/** The page's visible text, line by line, each with the 0-based page line its first text came from (-1 for blank lines). */
export function visibleText(tree: Root, start: number): { lines: string[]; from: number[] } {
  const hidden = new Set<Element>();
  for (const [, sel] of DROP_RULES) for (const el of selectAll(sel, tree)) hidden.add(el);
  for (const el of selectAll('head, noscript, template, [hidden], [aria-hidden=true]', tree)) hidden.add(el);
  const lines: string[] = [];
  const from: number[] = [];
  let cur = '';
  let at = -1;
  const br = (blank: boolean) => {
    if (cur.trim()) {
      lines.push(cur.replace(/[ \t]+/g, ' ').trim());
      from.push(at);
    } else if (cur.includes('\u00a0')) {
      // A paragraph holding only a no-break space: copied text keeps it as a line of its own (a post separator).
      lines.push('\u00a0');
      from.push(at);
    }
    cur = '';
    at = -1;
    if (blank && lines.length > 0 && lines[lines.length - 1] !== '') {
      lines.push('');
      from.push(-1);
    }
  };
  const walk = (node: RootContent | Root) => {
    if (node.type === 'text') {
      const v = node.value.replace(/[^\S\u00a0]+/g, ' ');
      if (!v.trim() && !v.includes('\u00a0') && !cur) return;
      if (at < 0 && v.trim()) at = (linesOf(node)?.from ?? 0) + start;
      cur += v;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && (hidden.has(node) || node.tagName === 'script' || node.tagName === 'style')) return;
    const block = node.type === 'element' && BLOCK.has(node.tagName);
    const para = node.type === 'element' && PARAGRAPH.has(node.tagName);
    if (block) br(para);
    for (const c of node.children) walk(c as RootContent);
    if (block) br(para);
  };
  walk(tree);
  br(false);
  while (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
    from.pop();
  }
  return { lines, from };
}

/**
 * Reads an unrecognised page as its visible text.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 * @param input the registered formats (`input.formats`), which read the page's text
 */
export function splitHtmlPage(lines: string[], start: number, ledger: Ledger, input?: FormatInput): FormatResult {
  const diagnostics: Diagnostic[] = [];
  const tree = parseHtml(lines.slice(start).join('\n'));
  const text = visibleText(tree, start);
  const src = (i: number) => {
    for (let k = Math.min(i, text.from.length - 1); k >= 0; k--) if ((text.from[k] ?? -1) >= 0) return text.from[k]!;
    return start;
  };
  // The most confident thread format for the text (the page formats see no HTML in it).
  let inner: CaptureFormatPlugin | undefined;
  let best = 0.2;
  for (const f of input?.formats ?? []) {
    if (f.kind !== 'thread' || f === htmlPage) continue;
    const c = f.detect(text.lines);
    if (c >= best && (inner === undefined || c > best)) [inner, best] = [f, c];
  }
  let title: string | null = null;
  let posts: Post[] = [];
  const sub = new Ledger(text.lines);
  if (inner) {
    const r = inner.split(text.lines, 0, sub);
    title = r.title;
    posts = r.posts.map((p) => ({
      ...p,
      line: src(p.line - 1) + 1,
      segments: p.segments.map((g) => (g.kind === 'own' ? { ...g, line: src(g.line - 1) + 1 } : g)),
      quotes: p.quotes.map((q) => ({ ...q, line: src(q.line - 1) + 1 })),
    }));
    diagnostics.push(...r.diagnostics.map((d) => ({ ...d, line: d.line === null ? null : src(d.line - 1) + 1 })));
    diagnostics.push({
      rule: 'page-read-as-text',
      severity: 'info',
      message: `The saved page is of a board the importer does not know; its visible text was read as ${inner.label}. Check the posts, or save the page's text instead.`,
      line: start + 1,
    });
  } else {
    const body = text.lines.join('\n').trim();
    const first = text.from.find((f) => f >= 0) ?? start;
    if (body) {
      posts = [{ n: 1, author: null, authorEvidence: null, badges: [], edited: false, date: null, replyTo: null, line: first + 1, text: body, segments: [{ kind: 'own', text: body, line: first + 1 }], quotes: [] }];
      text.lines.forEach((l, k) => {
        if (!isBlank(l)) sub.claim(k, k, 'post');
      });
    }
    diagnostics.push({
      rule: 'unrecognised-page',
      severity: 'warning',
      message: 'The saved page is of a board the importer does not know, and its visible text is in no known text layout. It was imported as one post with no author; save the thread in a known layout to get its posts.',
      line: start + 1,
    });
  }
  // A page line takes what its first visible text line became.
  text.lines.forEach((_, k) => {
    const f = text.from[k] ?? -1;
    const kind = sub.kind(k);
    if (f >= 0 && kind) ledger.claim(f, f, kind);
  });
  for (const [rule, sel] of DROP_RULES) for (const el of selectAll(sel, tree)) {
    const at = linesOf(el);
    if (at) ledger.claim(at.from + start, at.to + start, rule);
  }
  for (let i = start; i < lines.length; i++) if (!isBlank(lines[i] ?? '')) ledger.claim(i, i, 'page-markup');
  if (!title) {
    const h = selectAll('h1, title', tree).map((el) => toString(el).replace(/\s+/g, ' ').trim()).find((t) => t);
    if (h) title = h;
  }
  return { title, posts, diagnostics };
}

/** Confidence: 0.45 for any HTML page (the board formats are surer of theirs; an essay is not HTML). */
export function detectHtmlPage(lines: readonly string[]): number {
  return looksLikeHtml(lines) ? 0.45 : 0;
}

/** A saved page of a board no page format knows, read as its visible text (`html-page`). */
export const htmlPage: CaptureFormatPlugin = {
  name: 'html-page',
  label: 'saved web page, read as its visible text',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: true,
  signatures: true,
  detect: detectHtmlPage,
  split: splitHtmlPage,
};

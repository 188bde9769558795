/**
 * Saved forum pages: what every board's format shares. A board module finds
 * its posts in the parsed page (container, id, author, date, body, quotes,
 * signature); this module turns them into posts of the Markdown model: each
 * body becomes Markdown with its top-level quotes cut out as quotes (nested
 * quotes stay inside as `Name said:` + blockquote), explicit quote sources are
 * kept when the source post's own words hold the quote and dropped (left to
 * text matching) when they do not, and every line of the page is claimed:
 * posts, quotes, authors and dates are placed; scripts, styles, navigation,
 * footers, signatures, the rest of each post's frame and the page's markup are
 * dropped by named rules. Pure; never throws.
 */
import type { Element, ElementContent, Root, Nodes } from 'hast';
import { matches, select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Diagnostic, Post, Quote, Segment } from '../../model.js';
import type { Ledger } from '../../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from '../format.js';
import { isBlank } from '../../text/text.js';
import { ownText } from '../../text/segments.js';
import { PassageIndex } from '../../quotes/passage-index.js';
import { MIN_SHARE, quoteWords } from '../../quotes/resolve-quotes.js';
import { readDate } from '../../text/dates.js';
import { attr, hastToMarkdown, linesOf, parseHtml } from './html-tree.js';

/** A quote as a board marks it. */
export interface PageQuote {
  /** The name the quote gives, or null. */
  author: string | null;
  /** The board's id of the quoted post, when the markup names it. */
  sourceId: string | null;
  /** Elements of the quote that are its attribution (`Name said:`, `Originally Posted by`), not quoted words. */
  header: Element[];
  /** The element whose content is the quoted words (default: the quote element itself). */
  content: Element;
}

/** A post as a board's markup shows it. */
export interface PagePost {
  el: Element;
  /** The board's post id (`123` of `post-123`), or null. */
  id: string | null;
  author: string | null;
  authorEls: Element[];
  /** ISO 8601 (or a relative age as written), or null. */
  date: string | null;
  dateEls: Element[];
  body: Element | null;
  signature: Element[];
  /** The board's id of the post this one answers, when the markup names it. */
  replyToId?: string | null;
  /** The board's own number of the post (Discourse), when it numbers its posts. */
  number?: number | null;
  /** Elements naming the poster's rank, title or banner (`Well-known member`), shown as badges (default none). */
  badges?: Element[];
  /** Elements that say the post was edited (`Last edited: …`; default none). */
  edited?: Element[];
}

/** What a board module tells the shared reader. */
export interface Board {
  /** The posts of the page, in page order. */
  posts(tree: Root, html: string): PagePost[];
  /** Selector of quote elements inside a body. */
  quote: string;
  /** Reads one quote element. */
  readQuote(el: Element): PageQuote;
  /** Selectors of the page's thread title, tried in order before `<title>`. */
  title: string[];
  /** More named drop rules for what is left outside the posts read (default none). */
  drops?: [string, string][];
}

/** Elements never part of a post's words, removed from bodies before conversion. */
const NOT_WORDS = 'script, style, noscript, template, iframe, object, embed, form, button, input, select, textarea, svg, .bbCodeBlock-expandLink, .bbCodeBlock-shrinkLink, .js-expandWatch';

/** Named drop rules for the rest of the page, in the order they are applied. */
export const DROP_RULES: readonly [string, string][] = [
  ['script', 'script'],
  ['style', 'style, link[rel~=stylesheet]'],
  ['navigation', 'nav, [role=navigation], .p-nav, .p-breadcrumbs, .breadcrumb, .breadcrumbs, .navbar, #navbar, .navlinks, .pageNav, .pagination, .pagenav, .menu, .dropdown-menu, .p-sectionLinks, .topic-navigation, .timeline-container, header, [role=banner], .d-header'],
  ['footer', 'footer, [role=contentinfo], #footer, .footer, .p-footer, #page-footer, .copyright'],
];

const MARK = (k: number) => `\ue000Q${k}\ue000`;
const MARK_LINE = /^\ue000Q(\d+)\ue000$/;

/** The text of a node, white space collapsed. */
export function textOf(node: Nodes | undefined | null): string {
  return node ? toString(node).replace(/\s+/g, ' ').trim() : '';
}

/** A board date attribute as ISO 8601: an offset written `+0000` becomes `+00:00`; a date without an offset stays without one. */
export function isoAttr(value: string): string | null {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?$/.exec(value.trim());
  if (!m) return readDate(value);
  const off = m[2] === undefined ? '' : m[2] === 'Z' ? '+00:00' : m[2].length === 5 ? `${m[2].slice(0, 3)}:${m[2].slice(3)}` : m[2];
  return `${m[1]}${off}`;
}

/** An epoch time (seconds, or milliseconds when it is that large) as ISO 8601 in UTC. */
export function epochIso(value: string | number): string | null {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return null;
  const d = new Date(n > 1e11 ? n : n * 1000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** A deep copy of a node with some elements replaced (by identity). */
function replaced(node: ElementContent, swap: Map<Element, ElementContent[]>): ElementContent[] {
  if (node.type === 'element') {
    const s = swap.get(node);
    if (s) return s;
    return [{ ...node, children: node.children.flatMap((c) => replaced(c, swap)) }];
  }
  return [node];
}

/** Top-level matches of a selector inside an element (matches nested in a match are left to it). */
function topLevel(selector: string, root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (matches(selector, c)) out.push(c);
      else walk(c);
    }
  };
  walk(root);
  return out;
}

/** A quote's words as hast: its header left out, quotes nested in it written as `Name said:` + blockquote. */
function quoteHast(board: Board, q: PageQuote): ElementContent[] {
  const swap = new Map<Element, ElementContent[]>();
  for (const h of q.header) swap.set(h, []);
  for (const el of selectAll(NOT_WORDS, q.content)) swap.set(el, []);
  for (const inner of topLevel(board.quote, q.content)) {
    const iq = board.readQuote(inner);
    const said: ElementContent[] = iq.author ? [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `${iq.author} said:` }] }] : [];
    swap.set(inner, [...said, { type: 'element', tagName: 'blockquote', properties: {}, children: quoteHast(board, iq) }]);
  }
  return q.content.children.flatMap((c) => replaced(c, swap));
}

/** Markdown of a quote's words (see `quoteHast`). */
function quoteMarkdown(board: Board, q: PageQuote): string {
  return hastToMarkdown(quoteHast(board, q));
}

/** What reading one body gives. */
interface BodyRead {
  segments: Segment[];
  quotes: (Quote & { sourceId: string | null })[];
  quoteEls: PageQuote[];
  quoteRoots: Element[];
}

function readBody(board: Board, body: Element, start: number, dropped: Element[]): BodyRead {
  const roots = topLevel(board.quote, body);
  const read = roots.map((el) => board.readQuote(el));
  const swap = new Map<Element, ElementContent[]>();
  roots.forEach((el, k) => swap.set(el, [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: MARK(k) }] }]));
  for (const el of [...selectAll(NOT_WORDS, body), ...dropped, ...read.flatMap((q) => q.header)]) if (!swap.has(el)) swap.set(el, []);
  const md = hastToMarkdown(body.children.flatMap((c) => replaced(c, swap)));
  const segments: Segment[] = [];
  const quotes: BodyRead['quotes'] = [];
  const bodyLine = (linesOf(body)?.from ?? 0) + start + 1;
  let own: string[] = [];
  let ownLine = bodyLine;
  const flush = () => {
    const text = own.join('\n').trim();
    if (text) segments.push({ kind: 'own', text, line: ownLine });
    own = [];
  };
  for (const line of md.split('\n')) {
    const m = MARK_LINE.exec(line.trim());
    if (!m) {
      own.push(line);
      continue;
    }
    flush();
    const k = Number(m[1]);
    const q = read[k]!;
    const at = linesOf(roots[k]!);
    ownLine = (at ? at.to : (linesOf(body)?.from ?? 0)) + start + 1;
    const text = quoteMarkdown(board, q);
    if (!text) continue;
    quotes.push({ author: q.author, text, sourcePost: null, sourceThread: null, reconstructed: false, line: (at ? at.from : (linesOf(body)?.from ?? 0)) + start + 1, sourceId: q.sourceId });
    segments.push({ kind: 'quote', quote: quotes.length - 1 });
  }
  flush();
  return { segments, quotes, quoteEls: read, quoteRoots: roots };
}

/** The page's thread title: the board's title element, else `<title>` less a ` | Site` or ` - Page 2` tail. */
function pageTitle(board: Board, tree: Root): { title: string | null; el: Element | null } {
  for (const sel of board.title) {
    const el = select(sel, tree);
    const t = textOf(el);
    if (el && t) return { title: t, el };
  }
  const el = select('title', tree);
  const t = textOf(el)
    .replace(/\s+[|–—•-]\s+(?:Page|Seite|Pagina|Página)\s+\d+.*$/i, '')
    .replace(/\s+[|–—•]\s+[^|–—•]+$/, '')
    .trim();
  return { title: t || null, el: t ? (el ?? null) : null };
}

/**
 * Reads a saved page with a board's rules.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function readPage(board: Board, lines: string[], start: number, ledger: Ledger): FormatResult {
  const diagnostics: Diagnostic[] = [];
  const html = lines.slice(start).join('\n');
  const tree = parseHtml(html);
  const claim = (node: Nodes | null | undefined, kind: string) => {
    const at = node ? linesOf(node) : null;
    if (at) ledger.claim(at.from + start, at.to + start, kind);
  };
  const pagePosts = board.posts(tree, html);
  const { title, el: titleEl } = pageTitle(board, tree);
  const reads = pagePosts.map((p) => (p.body ? readBody(board, p.body, start, p.signature) : { segments: [], quotes: [], quoteEls: [], quoteRoots: [] }));
  // Claims, most specific first (a line goes to the first claim that reaches it).
  reads.forEach((r) => {
    r.quoteEls.forEach((q) => q.header.forEach((h) => claim(h, 'quote-attribution')));
    r.quoteRoots.forEach((el) => claim(el, 'quote'));
  });
  pagePosts.forEach((p) => {
    p.authorEls.forEach((e) => claim(e, 'author'));
    p.badges?.forEach((e) => claim(e, 'badge'));
    p.edited?.forEach((e) => claim(e, 'edited-marker'));
    p.dateEls.forEach((e) => claim(e, 'post-header'));
    p.signature.forEach((e) => claim(e, 'signature-block'));
    if (p.body) for (const el of selectAll('script, style', p.body)) claim(el, el.tagName);
    claim(p.body, 'post');
  });
  claim(titleEl, 'title');
  for (const [rule, sel] of DROP_RULES) for (const el of selectAll(sel, tree)) claim(el, rule);
  pagePosts.forEach((p) => claim(p.el, 'post-chrome'));
  for (const [rule, sel] of board.drops ?? []) for (const el of selectAll(sel, tree)) claim(el, rule);
  claim(select('head', tree), 'page-head');
  for (let i = start; i < lines.length; i++) if (!isBlank(lines[i] ?? '')) ledger.claim(i, i, 'page-markup');

  // A board that numbers its posts keeps its numbers (with their gaps) when every post has one, in increasing order.
  const numbers = pagePosts.map((p) => p.number ?? null);
  const numbered = numbers.length > 0 && numbers.every((x, k) => x !== null && x > 0 && (k === 0 || x > numbers[k - 1]!));
  const nOf = (k: number) => (numbered ? numbers[k]! : k + 1);
  const byId = new Map<string, number>();
  pagePosts.forEach((p, k) => {
    if (p.id && !byId.has(p.id)) byId.set(p.id, nOf(k));
  });
  const posts: Post[] = pagePosts.map((p, k) => {
    const r = reads[k]!;
    const n = nOf(k);
    if (r.segments.length === 0) {
      diagnostics.push({
        rule: 'empty-post',
        severity: 'warning',
        message: `Post ${n} has an empty body on the saved page. It is kept so that later post numbers do not shift; check that the page was saved whole.`,
        line: (linesOf(p.el)?.from ?? 0) + start + 1,
      });
    }
    return {
      n,
      author: p.author,
      authorEvidence: p.author ? 'heading' : null,
      badges: (p.badges ?? []).map((e) => textOf(e)).filter((t, i, all) => t && all.indexOf(t) === i),
      edited: (p.edited ?? []).length > 0,
      date: p.date,
      replyTo: p.replyToId ? (byId.get(p.replyToId) ?? null) : null,
      line: (linesOf(p.el)?.from ?? 0) + start + 1,
      text: ownText(r.segments),
      segments: r.segments,
      quotes: r.quotes.map(({ sourceId: _id, ...q }) => q),
    };
  });
  checkExplicitSources(posts, reads.map((r) => r.quotes.map((q) => q.sourceId)), byId, diagnostics);
  if (posts.length === 0) {
    diagnostics.push({
      rule: 'page-without-posts',
      severity: 'warning',
      message: 'The saved page was recognised as a forum page, but no post was found in it. Check that the page was saved after it finished loading.',
      line: start + 1,
    });
  }
  return { title, posts, diagnostics };
}

/**
 * Explicit quote sources (a post id in the markup) win over text matching, once
 * checked: the named post must be on the page, earlier, and its own words must
 * hold the quote. A source that fails the check is left to text matching, with a note.
 */
function checkExplicitSources(posts: Post[], ids: (string | null)[][], byId: Map<string, number>, diagnostics: Diagnostic[]): void {
  const index = new PassageIndex();
  for (const p of posts) index.add(p.n, p.text);
  posts.forEach((p, k) => {
    p.quotes.forEach((q, j) => {
      const id = ids[k]?.[j];
      if (!id) return;
      const n = byId.get(id);
      if (n === undefined) return;
      const hit = index.find(quoteWords(q.text), (x) => x === n)[0];
      if (n !== p.n && hit && (hit.exact || hit.share >= MIN_SHARE)) q.sourcePost = n;
      else
        diagnostics.push({
          rule: 'quote-source-mismatch',
          severity: 'info',
          message: `A quote in post ${p.n} names post ${n} as its source, but post ${n}'s own words do not hold the quoted text. The source was found by matching the words instead.`,
          line: q.line,
        });
    });
  });
}

/**
 * The best of a post's dates: one with an explicit offset, else an epoch time
 * (absolute, shown in UTC), else one without a zone, else the displayed text
 * read as a date (relative ages kept as written). No zone is ever invented.
 */
export function bestDate(candidates: { iso?: string | null; epoch?: string | number | null; shown?: string | null }[]): string | null {
  const isos = candidates.map((c) => (c.iso ? isoAttr(c.iso) : null)).filter((d): d is string => d !== null);
  const zoned = isos.find((d) => /(?:[+-]\d\d:\d\d)$/.test(d));
  if (zoned) return zoned;
  for (const c of candidates) if (c.epoch !== undefined && c.epoch !== null && c.epoch !== '') {
    const e = epochIso(c.epoch);
    if (e) return e;
  }
  if (isos[0]) return isos[0];
  for (const c of candidates) if (c.shown) {
    const d = readDate(c.shown.replace(/^[\s»,|-]+|[\s,|-]+$/g, ''));
    if (d) return d;
  }
  return null;
}

/** A cheap test that a capture is an HTML page (before parsing it): a doctype or `<html>`, `<head>`, `<body>` near the top, or 20 tags in its first 200 lines. */
export function looksLikeHtml(lines: readonly string[]): boolean {
  const head = lines.slice(0, 200).join('\n');
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(head.slice(0, 4000)) || (head.match(/<\/?(?:div|p|span|a|li|article|section)[\s>]/gi) ?? []).length >= 20;
}

/**
 * A board's capture format: saved pages whose bodies are Markdown, quotes
 * marked in the markup, read by `readPage` with the board's rules.
 */
export function pageFormat(name: string, label: string, detect: (lines: readonly string[]) => number, board: Board): CaptureFormatPlugin {
  return { name, label, kind: 'thread', markdown: true, reconstructQuotes: false, signatures: false, detect, split: (lines, start, ledger) => readPage(board, lines, start, ledger) };
}

/** The whole capture as one string, for cheap detection by markup markers. */
export function joined(lines: readonly string[]): string {
  return lines.join('\n');
}

/** Elements of an element's subtree matching a selector, or of the whole page when `scope` is null. */
export function all(selector: string, scope: Element | Root): Element[] {
  return selectAll(selector, scope);
}

/** The first element matching a selector, or null. */
export function one(selector: string, scope: Element | Root): Element | null {
  return select(selector, scope) ?? null;
}

export { attr };

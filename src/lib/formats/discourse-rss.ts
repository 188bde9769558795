/**
 * Discourse topics as the topic feed (`/t/<slug>/<id>.rss`): an RSS 2.0
 * channel whose `title` is the topic's, whose `description` is the first
 * post (its Markdown source), and whose items are the latest posts, newest
 * first. An item gives `dc:creator` (`@username Full Name`), `pubDate`,
 * `link` and `guid` (both carry the post number), and a `description` of
 * HTML: a line naming the author (`@name wrote:`), the cooked post wrapped in
 * a blockquote, and a "Read full topic" link. The author line and the link
 * are feed furniture, dropped by named rules; the wrapping blockquote is not
 * a quote. Posts keep Discourse's numbers and go in that order; quotes are
 * read as in the topic JSON (`discourse/cooked.ts`).
 *
 * The feed is read by xast-util-from-xml (unified's XML tree, positions kept).
 */
import type { Element } from 'xast';
import type { ElementContent } from 'hast';
import type { Diagnostic, Post, Quote, Segment } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { cdataOffset, childElement, childElements, parseXmlTree, textOf } from '../read/xml-tree.js';
import { claimSpans, type SpanClaim } from '../accounting/offset-claims.js';
import { attribute, isElement, parseHtmlFragment } from '../text/html-markdown.js';
import { readCooked } from './discourse/cooked.js';
import { readRaw } from './discourse/raw.js';
import { checkQuoteSources } from './discourse/checks.js';
import { assignNumbers } from './discourse/numbering.js';
import { isoFromRfc5322 } from '../text/timestamps.js';
import { ownText } from '../text/segments.js';
import { makePost } from './common/post.js';
import { lineLocator, words } from '../text/text.js';
import { headText } from '../text/head.js';

/** A post's number and topic from a Discourse item `guid` (`forum.example-post-4242-7`). */
const GUID = /-post-(\d+)-(\d+)\s*$/;
/** A post's topic and number from a Discourse post URL (`…/t/slug/4242/7`). */
const POST_URL = /\/t\/[^/?#\s]+\/(\d+)\/(\d+)\/?(?:[?#]\S*)?\s*$/;
/** A topic's id from its URL (`…/t/slug/4242`, `…/t/slug/4242.rss`). */
const TOPIC_URL = /\/t\/(?:[^/?#\s]+\/)?(\d+)(?:\.rss)?\/?\s*$/;

/** The span of a node in the file, when it has a position. */
function span(node: { position?: { start: { offset?: number }; end: { offset?: number } } } | undefined): { start: number; end: number } | null {
  const s = node?.position?.start.offset;
  const e = node?.position?.end.offset;
  return s === undefined || e === undefined ? null : { start: s, end: e };
}

/** The author of an item: `dc:creator` (`@username Full Name`), else RSS `author` (`mail (Name)`). */
function creatorOf(item: Element): { name: string | null; fullName: string | null; el: Element | undefined } {
  const dc = childElement(item, 'dc:creator');
  if (dc) {
    const m = /^\s*@?(\S+)(?:\s+(.*\S))?\s*$/.exec(textOf(dc));
    return { name: m?.[1] ?? null, fullName: m?.[2] ?? null, el: dc };
  }
  const plain = childElement(item, 'author');
  const m = /^\s*(\S+?)(?:@\S+)?(?:\s*\((.*)\))?\s*$/.exec(textOf(plain));
  return { name: m?.[2]?.trim() || m?.[1] || null, fullName: null, el: plain };
}

/** The nodes of an item's description with the feed's furniture taken off, and the spans of what was taken off. */
function itemBody(html: string, author: string | null, link: string): { nodes: ElementContent[]; authorLine: ElementContent | null; readMore: ElementContent | null } {
  const nodes = parseHtmlFragment(html).children as ElementContent[];
  const solid = nodes.filter((n) => !(n.type === 'text' && /^\s*$/.test(n.value)) && n.type !== 'comment');
  let authorLine: ElementContent | null = null;
  let readMore: ElementContent | null = null;
  const first = solid[0];
  if (isElement(first, 'p')) {
    const a = first.children.find((c) => isElement(c, 'a'));
    const said = a && isElement(a) ? a.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : '';
    if (said.startsWith('@') && (author === null || said.slice(1) === author)) authorLine = first;
  }
  const last = solid[solid.length - 1];
  if (last !== first && isElement(last, 'p')) {
    const only = last.children.filter((c) => !(c.type === 'text' && /^\s*$/.test(c.value)));
    const a = only.length === 1 && isElement(only[0], 'a') ? only[0] : null;
    const text = a ? a.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : '';
    if (a && ((link && attribute(a, 'href')?.trim() === link) || /read full topic/i.test(text))) readMore = last;
  }
  const rest = solid.filter((n) => n !== authorLine && n !== readMore);
  // The cooked post stands in a blockquote of its own: that blockquote is a wrapper, not a quote.
  const wrapped = (authorLine !== null || readMore !== null) && rest.length === 1 && isElement(rest[0], 'blockquote');
  const body = wrapped ? (rest[0] as { children: ElementContent[] }).children : nodes.filter((n) => n !== authorLine && n !== readMore);
  return { nodes: body, authorLine, readMore };
}

/** One post of the feed before numbering: where it came from and what it says. */
interface Draft {
  wanted: number | null;
  line: number;
  read: (has: (n: number) => boolean) => { segments: Segment[]; quotes: Quote[]; otherTopic: number; claims: SpanClaim[] };
  author: string | null;
  badges: string[];
  date: string | null;
}

/**
 * Splits a Discourse topic feed into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitDiscourseRss(lines: string[], start: number, ledger: Ledger): FormatResult {
  const text = lines.slice(start).join('\n');
  const locate = lineLocator(text);
  const lineOf = (offset: number) => start + locate(offset) + 1;
  const diagnostics: Diagnostic[] = [];
  const tree = parseXmlTree(text);
  if (!tree.root) {
    diagnostics.push({
      rule: 'feed-unreadable',
      severity: 'warning',
      message: `The feed is not well-formed XML (${tree.error?.message ?? 'unknown error'}), so no post could be read from it. Save the feed again; it is listed with no posts.`,
      line: tree.error?.line !== null && tree.error?.line !== undefined ? start + tree.error.line : start + 1,
    });
    ledger.claim(start, lines.length - 1, 'feed-unreadable');
    return { title: null, posts: [], diagnostics };
  }
  const rss = childElements(tree.root)[0];
  const channel = childElement(rss, 'channel');
  const titleEl = childElement(channel, 'title');
  const title = textOf(titleEl).trim() || null;
  const claims: SpanClaim[] = [];
  const claimNode = (node: Element | undefined, kind: string) => {
    const s = span(node);
    if (s) claims.push({ ...s, kind });
  };
  claimNode(titleEl, 'title');
  const items = childElements(channel, 'item');
  let topic = TOPIC_URL.exec(textOf(childElement(channel, 'link')))?.[1] ?? null;

  const drafts: Draft[] = [];
  // Items come newest first: read them oldest first.
  for (const item of [...items].reverse()) {
    const guid = GUID.exec(textOf(childElement(item, 'guid')));
    const link = textOf(childElement(item, 'link')).trim();
    const url = POST_URL.exec(link);
    topic ??= guid?.[1] ?? url?.[1] ?? null;
    const wanted = guid ? Number(guid[2]) : url ? Number(url[2]) : null;
    const who = creatorOf(item);
    const desc = childElement(item, 'description');
    const html = textOf(desc);
    const base = cdataOffset(desc);
    const descLine = lineOf(desc?.position?.start.offset ?? item.position?.start.offset ?? 0);
    const htmlLine = base === null ? () => descLine : (o: number) => lineOf(base + o);
    // Spans in the description's HTML map to the file only when it is one CDATA section.
    const inFile = (s: { start: number; end: number } | null, kind: string): SpanClaim[] => (base !== null && s ? [{ start: base + s.start, end: base + s.end, kind }] : []);
    const body = itemBody(html, who.name, link);
    const date = isoFromRfc5322(textOf(childElement(item, 'pubDate')));
    drafts.push({
      wanted,
      line: lineOf(item.position?.start.offset ?? 0),
      author: who.name,
      badges: who.fullName ? [who.fullName] : [],
      date,
      read: (has) => {
        const r = readCooked(body.nodes, { topic: topic === null ? null : Number(topic), has, lineOf: htmlLine });
        const own = body.nodes.filter((n) => !(n.type === 'text' && /^\s*$/.test(n.value)) && !(isElement(n, 'aside') && r.quoteSpans.some((q) => q.start === n.position?.start.offset)));
        return {
          ...r,
          claims: [
            ...r.quoteSpans.flatMap((q) => inFile(q, 'quote')),
            ...own.flatMap((n) => inFile(span(n), 'post')),
            ...inFile(span(body.authorLine ?? undefined), 'feed-author-line'),
            ...inFile(span(body.readMore ?? undefined), 'read-full-topic-link'),
          ],
        };
      },
    });
    claimNode(who.el, 'author');
    if (date) claimNode(childElement(item, 'pubDate'), 'post-date');
    // Without a CDATA section the description's lines cannot be told apart: all of it is the post.
    claimNode(desc, base === null ? 'post' : 'feed-markup');
  }

  // The channel description is the first post, unless an item already is.
  const descEl = childElement(channel, 'description');
  const first = textOf(descEl).trim();
  const oldest = drafts[0];
  const numbered = drafts.some((d) => d.wanted !== null);
  const firstIsItem = numbered ? drafts.some((d) => d.wanted === 1) : oldest !== undefined && sameWords(first, oldest);
  if (first && !firstIsItem) {
    const line = lineOf(descEl?.position?.start.offset ?? 0);
    drafts.unshift({
      wanted: 1,
      line,
      author: null,
      badges: [],
      date: null,
      read: (has) => ({ ...readFirst(first, topic, has, line), otherTopic: 0, claims: [] }),
    });
    claimNode(descEl, 'post');
  } else if (first) {
    claimNode(descEl, 'channel-description-duplicate');
    diagnostics.push({
      rule: 'channel-description-duplicate',
      severity: 'info',
      message: 'The feed\'s channel description is the first post, which is also one of its items; the item (rendered, with its author and date) was imported and the description dropped.',
      line: lineOf(descEl?.position?.start.offset ?? 0),
    });
  }

  const wanted = numbered ? drafts.map((d) => d.wanted) : drafts.map((_, i) => i + 1);
  const { numbers, diagnostics: numbering } = assignNumbers(wanted, drafts.map((d) => d.line), 'post number in its guid or link');
  diagnostics.push(...numbering);
  if (!numbered && drafts.length > 1) {
    diagnostics.push({
      rule: 'feed-numbers-missing',
      severity: 'info',
      message: 'No item of the feed carries a post number (in its guid or link), so posts were numbered in feed order, oldest first. A feed holds only the latest posts: numbers may differ from the topic\'s own.',
      line: null,
    });
  }
  const present = new Set(numbers);
  // A quote's data-post is Discourse's number: it names a post here only when posts carry those numbers
  // (or it names post 1, the channel description).
  const has = numbered ? (n: number) => present.has(n) : (n: number) => n === 1 && drafts[0]?.wanted === 1;
  let otherTopic = 0;
  const posts: Post[] = drafts
    .map((d, i) => {
      const r = d.read(has);
      otherTopic += r.otherTopic;
      claims.unshift(...r.claims);
      return makePost({ n: numbers[i]!, author: d.author, badges: d.badges, date: d.date, line: d.line, segments: r.segments, quotes: r.quotes });
    })
    .sort((a, b) => a.n - b.n);
  diagnostics.push(...firstAuthorFromQuotes(posts));
  claimSpans(ledger, text, start, claims, { structure: 'feed-markup', other: 'feed-field' });
  diagnostics.push(...checkQuoteSources(posts, otherTopic));
  if (items.length === 0) {
    diagnostics.push({
      rule: 'feed-without-items',
      severity: 'warning',
      message: 'The feed has no items, so only the first post (the channel description) could be imported. Save the topic\'s feed again once it has replies, or save its JSON.',
      line: null,
    });
  }
  return { title, posts, diagnostics };
}

/** The first post, from the channel description: Markdown source with `[quote]` tags, or HTML in feeds that give the rendered post. */
function readFirst(source: string, topic: string | null, has: (n: number) => boolean, line: number): { segments: Segment[]; quotes: Quote[] } {
  const t = topic === null ? null : Number(topic);
  if (/^<(?:p|div|aside|blockquote|h\d|ul|ol)[\s>]/i.test(source)) return readCooked(parseHtmlFragment(source), { topic: t, has, lineOf: () => line });
  return readRaw(source, { topic: t, has, line });
}

/** True when the channel description says the same as the oldest item (a short topic, whose feed also holds its first post). */
function sameWords(description: string, oldest: Draft): boolean {
  const a = words(description);
  if (a.length === 0) return false;
  const item = oldest.read(() => false);
  const b = new Set(words(`${ownText(item.segments)} ${item.quotes.map((q) => q.text).join(' ')}`));
  return a.filter((w) => b.has(w)).length / a.length >= 0.9;
}

/**
 * The feed does not name the author of the channel description; a quote of
 * post 1 in a later post does (`data-username`), and is taken, with a note.
 */
function firstAuthorFromQuotes(posts: Post[]): Diagnostic[] {
  const first = posts.find((p) => p.n === 1);
  if (!first || first.author !== null) return [];
  for (const p of posts) {
    const q = p.quotes.find((x) => x.sourcePost === 1 && x.author);
    if (!q) continue;
    first.author = q.author;
    first.authorEvidence = 'heading';
    return [
      {
        rule: 'author-from-quote',
        severity: 'info',
        message: `The feed does not name who wrote the first post (its channel description); post ${p.n} quotes it as written by ${q.author} (Discourse's data-username), so it is attributed to ${q.author}.`,
        line: first.line,
      },
    ];
  }
  return [
    {
      rule: 'first-post-author-unknown',
      severity: 'info',
      message: 'The feed does not name who wrote the first post (its channel description), and no post quotes it with a name. It is shown without an author; import the topic JSON to get it.',
      line: first.line,
    },
  ];
}

/**
 * Confidence that lines are a Discourse topic feed: 0.95 for RSS with items
 * and a Discourse mark (a `-post-<topic>-<n>` guid, a "Read full topic" link,
 * or `/t/` post links); 0.4 for other RSS with items (read the same way); else 0.
 */
export function detectDiscourseRss(lines: readonly string[]): number {
  const head = headText(lines);
  if (!/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<rss[\s>]/.test(head) || !/<item[\s>]/.test(head)) return 0;
  return /-post-\d+-\d+\s*<\/guid>|Read full topic|<link>[^<]*\/t\/[^<]*\/\d+\/\d+\/?<\/link>/.test(head) ? 0.95 : 0.4;
}

/** Discourse topic feed, RSS (`discourse-rss`). */
export const discourseRss: CaptureFormatPlugin = {
  name: 'discourse-rss',
  label: 'Discourse topic feed (RSS)',
  kind: 'thread',
  markdown: true,
  reconstructQuotes: false,
  signatures: false,
  oneLine: true,
  detect: detectDiscourseRss,
  split: splitDiscourseRss,
};

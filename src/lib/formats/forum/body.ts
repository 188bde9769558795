/**
 * Post bodies of forum text, shared by the forum formats: own words, quotes
 * (attribution + quoted lines, their end found by comparing with earlier
 * posts), page chrome dropped under named rules, `Last edited` notices (a
 * flag, not words) and signatures after a line of underscores.
 *
 * Own-words segments hold the body's lines as they stand (a common indent
 * removed), so that line `k` of a segment's text is source line
 * `segment.line + k`; later stages (signatures, quote reconstruction) rely on it.
 */
import type { Diagnostic, Post, Quote, Segment } from '../../model.js';
import type { Ledger } from '../../accounting/ledger.js';
import { PassageIndex } from '../../quotes/passage-index.js';
import { excerpt, isBlank } from '../../text/text.js';
import { ownText } from '../../text/segments.js';
import { EXPAND_LINK, quoteExtent, readAttribution } from './quotes.js';

/** A line of page chrome: dropped and counted under `rule`. */
export interface ChromeRule {
  rule: string;
  test: RegExp;
}

/** Chrome every forum's text may hold inside a thread. */
export const FORUM_CHROME: readonly ChromeRule[] = [
  { rule: 'ad-line', test: /^\s*(?:log in or register to remove this ad|advertisement|sponsored content|remove ads?)\s*$/i },
  { rule: 'expand-link', test: EXPAND_LINK },
  { rule: 'page-chrome', test: /^\s*(?:[▲↑^]\s*)?(?:top|back to top|go to top|scroll to top)(?:\s*[▲↑^])?\s*$/i },
  { rule: 'breadcrumbs', test: /^\s*(?:Board index|Forum index|Home|Forums)\s*(?:[‹›»>|]\s*\S.*)?$/i },
  { rule: 'page-nav', test: /^\s*(?:page \d{1,5}(?: of \d{1,5})?|(?:[‹«]\s*)?prev(?:ious)?(?: page)?|next(?: page)?(?:\s*[›»])?|(?:prev\s+)?\d{1,5}(?:\s+(?:…|\.\.\.|\d{1,5})){2,}(?:\s+next)?)\s*$/i },
];

/** A `Last edited` notice, in its board variants (`Last edited: Mar 3, 2012`, `Last edited by X; 03-10-2012 at 11:11 PM.`, `Last edited by X on …, edited 2 times in total.`, `(This post was last modified: … by X.)`). */
export const EDITED =
  /^\s*(?:(?:Last edited|Last edit|Edited)(?: by [^:\n;]{1,80})?(?:\s*[:;]\s*.{0,200}|\s+on\s+.{4,160}|\s*)|\(This post was last modified: .{4,160}\))$/i;

/** The line phpBB and vBulletin print between a post and its signature. */
export const SIGNATURE_RULE = /^\s*_{5,}\s*$/;

/** The chrome rule that matches a line, or null. */
export function chromeOf(line: string, rules: readonly ChromeRule[]): string | null {
  for (const r of rules) if (r.test.test(line)) return r.rule;
  return null;
}

/** What the forum formats share while they read one capture: the lines, the ledger, and the posts read so far. */
export class ForumThread {
  readonly posts: Post[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Own words of the posts read so far, keyed by `n`: quotes are compared against them. */
  readonly index = new PassageIndex();
  /** Every word of the posts read so far, quotes included: where a quote of a quote ends is found here. */
  readonly wholeIndex = new PassageIndex();

  /**
   * @param chrome page chrome to drop, by rule (default `FORUM_CHROME`)
   * @param signatures a line that opens a signature running to the end of a post (default none: in
   *   XenForo text a line of underscores is the poster's own divider)
   */
  constructor(
    readonly lines: string[],
    readonly ledger: Ledger,
    readonly chrome: readonly ChromeRule[] = FORUM_CHROME,
    readonly signatures: RegExp | null = null,
  ) {}

  /** The author of post `n`, or null. */
  authorOf = (n: number): string | null => this.posts[n - 1]?.author ?? null;

  /**
   * Reads lines `from`..`to` (0-based, inclusive) as the body of the next post
   * and adds the post. Never throws.
   * @param head what the post's header said: author, evidence, badges, date, the 0-based line of the header
   */
  addPost(head: PostHead, from: number, to: number): Post {
    const n = this.posts.length + 1;
    const body = readBody(this, from, to);
    const post: Post = {
      n,
      author: head.author,
      authorEvidence: head.author ? head.evidence : null,
      badges: head.badges ?? [],
      edited: body.edited,
      date: head.date ?? null,
      replyTo: null,
      line: (head.line ?? firstTextLine(this.lines, from, to)) + 1,
      text: ownText(body.segments),
      segments: body.segments,
      quotes: body.quotes,
    };
    if (body.segments.length === 0 && !head.emptyOk) {
      this.diagnostics.push({
        rule: 'empty-post',
        severity: 'warning',
        message: `Post ${n}${head.author ? ` by ${excerpt(head.author, 40)}` : ''} has no text under its header. It is kept so that later post numbers do not shift; check the capture for text lost in copying.`,
        line: post.line,
      });
    }
    this.posts.push(post);
    this.index.add(n, post.text);
    this.wholeIndex.add(n, [post.text, ...post.quotes.map((q) => q.text)].join('\n\n'));
    return post;
  }
}

/** What a post header says about its post. */
export interface PostHead {
  author: string | null;
  evidence: 'heading' | 'user-block';
  badges?: string[];
  date?: string | null;
  /** 0-based line where the post starts (its header); default its first line with text. */
  line?: number;
  /** True when an empty body is expected (no `empty-post` warning). */
  emptyOk?: boolean;
}

function firstTextLine(lines: readonly string[], from: number, to: number): number {
  for (let j = from; j <= to; j++) if (!isBlank(lines[j] ?? '')) return j;
  return from;
}

/** The common indent of the lines with text in a range (spaces or tabs), to strip from each. */
function commonIndent(lines: readonly string[], from: number, to: number): number {
  let min = Infinity;
  for (let j = from; j <= to; j++) {
    const l = lines[j] ?? '';
    if (isBlank(l)) continue;
    min = Math.min(min, /^[ \t]*/.exec(l)![0].length);
    if (min === 0) return 0;
  }
  return Number.isFinite(min) ? min : 0;
}

/**
 * Reads a body: quotes, own words, chrome, edit notices and signature.
 * Claims every line in the ledger.
 */
export function readBody(t: ForumThread, from: number, to: number): { segments: Segment[]; quotes: Quote[]; edited: boolean } {
  const { lines, ledger } = t;
  const indent = commonIndent(lines, from, to);
  const text = (j: number) => (lines[j] ?? '').slice(indent).replace(/[ \t\u00a0]+$/, '');
  const segments: Segment[] = [];
  const quotes: Quote[] = [];
  let edited = false;
  let own: number[] = [];
  const flush = () => {
    let a = 0;
    let b = own.length - 1;
    while (a <= b && isBlank(lines[own[a]!] ?? '')) a++;
    while (b >= a && isBlank(lines[own[b]!] ?? '')) b--;
    if (a <= b) {
      // Runs of consecutive lines; a dropped line between two runs splits them.
      let s = a;
      for (let k = a; k <= b; k++) {
        if (k === b || own[k + 1] !== own[k]! + 1) {
          segments.push({ kind: 'own', text: own.slice(s, k + 1).map(text).join('\n').replace(/^\n+|\n+$/g, ''), line: own[s]! + 1 });
          s = k + 1;
        }
      }
    }
    own = [];
  };
  /**
   * `Click to expand...` under lines that no attribution opened: a quote box
   * without a name. Its lines are the paragraph just read (back to the last blank line).
   */
  const unattributedQuote = () => {
    let b = own.length - 1;
    while (b >= 0 && isBlank(lines[own[b]!] ?? '')) b--;
    if (b < 0) return;
    let a = b;
    while (a > 0 && !isBlank(lines[own[a - 1]!] ?? '') && own[a - 1] === own[a]! - 1) a--;
    const qFrom = own[a]!;
    const qTo = own[b]!;
    own = own.slice(0, a);
    flush();
    ledger.reclaim(qFrom, qTo, 'quote');
    quotes.push(quoteOf(null, qFrom, qTo, text));
    segments.push({ kind: 'quote', quote: quotes.length - 1 });
  };
  let j = from;
  while (j <= to) {
    const l = lines[j] ?? '';
    if (ledger.kind(j) !== null) {
      // Already placed by the format (a profile column under the body, say).
      j++;
      continue;
    }
    if (isBlank(l)) {
      own.push(j);
      j++;
      continue;
    }
    const rule = chromeOf(l, t.chrome);
    if (rule) {
      ledger.claim(j, j, rule);
      if (rule === 'expand-link') unattributedQuote();
      j++;
      continue;
    }
    if (EDITED.test(l)) {
      edited = true;
      ledger.claim(j, j, 'edited-marker');
      j++;
      continue;
    }
    if (t.signatures?.test(l)) {
      ledger.claim(j, to, 'forum-signature');
      break;
    }
    const att = readAttribution(lines, j, to);
    if (att) {
      const start = j + att.lines;
      let ext = quoteExtent(lines, start, to, att.author, t.index, t.authorOf);
      // Not in anyone's own words: maybe a quote of a quote whose first source is not in the capture.
      if (ext.matched === null && ext.expandLine < 0) ext = quoteExtent(lines, start, to, att.author, t.wholeIndex, t.authorOf);
      if (ext.end >= start) {
        flush();
        ledger.claim(j, start - 1, 'quote-attribution');
        ledger.claim(start, ext.end, 'quote');
        quotes.push(quoteOf(att.author, start, ext.end, text));
        segments.push({ kind: 'quote', quote: quotes.length - 1 });
        if (ext.expandLine >= 0) ledger.claim(ext.expandLine, ext.expandLine, 'expand-link');
        j = Math.max(ext.end, ext.expandLine) + 1;
        if (ext.matched === null && ext.expandLine < 0) {
          t.diagnostics.push({
            rule: 'quote-end-unknown',
            severity: 'info',
            message: `A quote${att.author ? ` of ${excerpt(att.author, 40)}` : ''} stands in post ${t.posts.length + 1}, but no earlier post of the capture holds its words, so where it ends cannot be seen. Its first line was taken as the quote and the rest as the post's own words; capture the quoted post too to link it.`,
            line: start + 1,
          });
        }
        continue;
      }
    }
    own.push(j);
    ledger.claim(j, j, 'post');
    j++;
  }
  flush();
  return { segments, quotes, edited };
}

function quoteOf(author: string | null, from: number, to: number, text: (j: number) => string): Quote {
  const rows: string[] = [];
  for (let k = from; k <= to; k++) rows.push(text(k));
  return { author, text: rows.join('\n').trim(), sourcePost: null, sourceThread: null, reconstructed: false, line: from + 1 };
}

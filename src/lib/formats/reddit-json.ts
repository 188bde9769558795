/**
 * reddit threads as reddit's own JSON (the `.json` of a thread page): an array
 * of two listings, the submission (`t3`: `title`, `author`, `selftext`,
 * `created_utc`) and the comments (`t1`: `author`, `body`, `created_utc`,
 * `name`, `parent_id`, and nested `replies`, an empty string when there are
 * none). `more` stubs stand for comments reddit did not load: they are
 * counted and reported, not imported.
 *
 * Every comment is a post, in tree order (a comment, then its replies), with
 * `replyTo` from `parent_id` (top-level comments answer the submission,
 * post 1). Bodies are Markdown with `&`, `<` and `>` escaped as entities,
 * which are decoded; a `> ` blockquote is a quote, resolved by its words like
 * any quote. `[deleted]` accounts have no author. Dates come from `created_utc`
 * (UTC).
 */
import type { Diagnostic, Post } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { elements, member, numberAt, readJsonCapture, stringAt, valueOf, type JsonNode } from '../read/json-tree.js';
import { claimSpans } from '../accounting/offset-claims.js';
import { blockquoteSegments } from '../quotes/markdown-blockquotes.js';
import { isoFromEpoch } from '../text/timestamps.js';
import { makePost } from './common/post.js';
import { headText } from '../text/head.js';

/** Author names reddit shows for accounts that no longer exist or were hidden. */
const GONE = /^\[(?:deleted|removed)\]$/i;

/**
 * Decodes the three entities reddit escapes in its JSON (`&lt;`, `&gt;`,
 * `&amp;`), unless `raw` (a file saved with `raw_json=1`). Other entities are
 * Markdown's own and stay.
 */
export function unescapeReddit(text: string, raw = false): string {
  return raw ? text : text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A `t1` comment or `t3` submission found in the tree, with its object node. */
interface Thing {
  kind: 't1' | 't3';
  data: JsonNode;
}

/** A `more` stub: comments reddit did not load. */
interface MoreStub {
  data: JsonNode;
  /** How many comments it stands for (0 for a "continue this thread" cut, whose count reddit does not give). */
  count: number;
}

/**
 * The things of the capture in tree order: for each listing, each child, then
 * its replies. An explicit stack, so deep nesting cannot overflow.
 */
function walk(root: JsonNode | undefined): { things: Thing[]; stubs: MoreStub[] } {
  const things: Thing[] = [];
  const stubs: MoreStub[] = [];
  const tops = root?.type === 'array' ? elements(root) : root ? [root] : [];
  const stack: JsonNode[] = [];
  for (let i = tops.length - 1; i >= 0; i--) stack.push(tops[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const kind = stringAt(node, 'kind');
    const data = member(node, 'data');
    if (!data || data.type !== 'object') continue;
    let children: JsonNode[] = [];
    if (kind === 'Listing') children = elements(member(data, 'children'));
    else if (kind === 't1' || kind === 't3') {
      things.push({ kind, data });
      const replies = member(data, 'replies');
      if (replies?.type === 'object') children = [replies];
    } else if (kind === 'more') stubs.push({ data, count: Math.max(0, Math.floor(numberAt(data, 'count') ?? 0)) });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { things, stubs };
}

/**
 * True when no body of the capture holds a raw `<` or `>`: reddit escaped
 * them (its default), so entities are decoded in every field; false for a
 * file saved with `raw_json=1`.
 */
function isEscaped(things: readonly Thing[]): boolean {
  for (const t of things) {
    for (const key of ['body', 'selftext']) {
      const v = stringAt(t.data, key);
      if (v !== null && /[<>]/.test(v)) return false;
    }
  }
  return true;
}

/** A `[deleted]`-style or missing author is none; any other name is kept as written. */
function authorOf(data: JsonNode): string | null {
  const a = stringAt(data, 'author');
  return a && a.trim() && !GONE.test(a.trim()) ? a : null;
}

/**
 * Splits reddit thread JSON into the submission and its comments.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitRedditJson(lines: string[], start: number, ledger: Ledger): FormatResult {
  const { text, tree, lineOf, damage, claims, claim } = readJsonCapture(lines, start, 'reddit thread JSON');
  const diagnostics: Diagnostic[] = damage ? [damage] : [];
  const walked = walk(tree.root);
  const stubs = walked.stubs;
  // In a damaged file the last thing may be cut off before its text: it is not a post.
  const things = damage ? walked.things.filter((t) => member(t.data, t.kind === 't1' ? 'body' : 'title')) : walked.things;
  const raw = !isEscaped(things);
  const un = (s: string) => unescapeReddit(s, raw);

  const submission = things.find((t) => t.kind === 't3');
  const comments = things.filter((t) => t.kind === 't1');
  const ordered = submission ? [submission, ...comments] : comments;
  const nOf = new Map<string, number>();
  ordered.forEach((t, i) => {
    const name = stringAt(t.data, 'name') ?? (stringAt(t.data, 'id') ? `${t.kind}_${stringAt(t.data, 'id')}` : null);
    if (name && !nOf.has(name)) nOf.set(name, i + 1);
  });

  let title: string | null = null;
  let gone = 0;
  const orphans: number[] = [];
  const posts: Post[] = ordered.map((t, i) => {
    const n = i + 1;
    const d = t.data;
    let bodyKey = t.kind === 't1' ? 'body' : 'selftext';
    let body = stringAt(d, bodyKey) ?? '';
    if (t.kind === 't3') {
      const heading = stringAt(d, 'title');
      if (heading !== null && title === null) {
        title = un(heading).trim() || null;
        claim(d, 'title', 'title');
      }
      const url = stringAt(d, 'url');
      if (!body.trim() && url && valueOf(member(d, 'is_self')) !== true && !/\/comments\//.test(url)) {
        // A link post: the link is what was posted.
        body = url;
        bodyKey = 'url';
      }
    }
    claim(d, bodyKey, 'post');
    const bodyLine = lineOf(member(d, bodyKey)?.offset ?? d.offset);
    const { segments, quotes } = blockquoteSegments(un(body), { lineOf: () => bodyLine });
    const written = authorOf(d);
    const author = written === null ? null : un(written);
    if (member(d, 'author')) claim(d, 'author', 'author');
    if (!author && t.kind === 't1') gone++;
    const badges: string[] = [];
    for (const key of t.kind === 't3' ? ['link_flair_text', 'author_flair_text'] : ['author_flair_text']) {
      const flair = stringAt(d, key);
      if (flair && flair.trim()) {
        badges.push(un(flair).trim());
        claim(d, key, 'badge');
      }
    }
    const date = isoFromEpoch(valueOf(member(d, 'created_utc')));
    if (date) claim(d, 'created_utc', 'post-date');
    const edits = valueOf(member(d, 'edited'));
    const edited = edits === true || (typeof edits === 'number' && edits > 0);
    if (edited) claim(d, 'edited', 'edited-marker');
    let replyTo: number | null = null;
    const parent = stringAt(d, 'parent_id');
    if (parent !== null && t.kind === 't1') {
      replyTo = nOf.get(parent) ?? null;
      if (replyTo === null || replyTo === n) {
        replyTo = null;
        orphans.push(n);
      } else claim(d, 'parent_id', 'reply-to');
    }
    return makePost({ n, author, badges, edited, date, replyTo, line: lineOf(d.offset), segments, quotes });
  });
  for (const s of stubs) {
    const stub = s.data.parent?.parent ?? s.data; // the whole `{"kind": "more", "data": …}` object
    claims.push({ start: stub.offset, end: stub.offset + stub.length, kind: 'comments-not-loaded' });
  }
  claimSpans(ledger, text, start, claims, { structure: 'json-structure', other: 'json-field' });
  diagnostics.push(...notes({ stubs, gone, orphans, lineOf, submission, comments: comments.length }));
  return { title, posts, diagnostics };
}

/** What the reader should know about a reddit capture: comments reddit did not load, deleted accounts, replies whose parent is missing. */
function notes(c: { stubs: MoreStub[]; gone: number; orphans: number[]; lineOf: (o: number) => number; submission: Thing | undefined; comments: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const counted = c.stubs.filter((s) => s.count > 0);
  const cut = c.stubs.length - counted.length;
  if (c.stubs.length > 0) {
    const missing = counted.reduce((a, s) => a + s.count, 0);
    const parts = [
      ...(counted.length > 0 ? [`${missing} comment${missing === 1 ? '' : 's'} behind ${counted.length} "load more comments" stub${counted.length === 1 ? '' : 's'}`] : []),
      ...(cut > 0 ? [`the replies behind ${cut} "continue this thread" link${cut === 1 ? '' : 's'} (reddit does not say how many)`] : []),
    ];
    out.push({
      rule: 'comments-not-loaded',
      severity: 'warning',
      message: `The capture lacks ${parts.join(' and ')}: reddit had not loaded them when the JSON was saved. They are not in the archive; expand them on reddit and save the thread's JSON again to include them.`,
      line: c.lineOf(c.stubs[0]!.data.offset),
    });
  }
  if (c.gone > 0) {
    out.push({
      rule: 'deleted-author',
      severity: 'info',
      message: `${c.gone} comment${c.gone === 1 ? ' was' : 's were'} posted by deleted accounts ("[deleted]"). ${c.gone === 1 ? 'It is' : 'They are'} shown without an author, since the capture does not say who wrote ${c.gone === 1 ? 'it' : 'them'}.`,
      line: null,
    });
  }
  if (c.orphans.length > 0) {
    out.push({
      rule: 'reply-parent-missing',
      severity: 'info',
      message: `${c.orphans.length} comment${c.orphans.length === 1 ? ' answers' : 's answer'} a comment that is not in the capture (post${c.orphans.length === 1 ? '' : 's'} ${c.orphans.slice(0, 5).join(', ')}${c.orphans.length > 5 ? '…' : ''}). ${c.orphans.length === 1 ? 'It is' : 'They are'} shown as replying to nothing.`,
      line: null,
    });
  }
  if (!c.submission && c.comments > 0) {
    out.push({
      rule: 'submission-missing',
      severity: 'info',
      message: 'The reddit JSON holds comments but no submission (no `t3` listing), so the thread has no opening post and its title was inferred. Save the thread page\'s .json, which holds both listings.',
      line: null,
    });
  }
  return out;
}

/**
 * Confidence that lines are reddit thread JSON: 0.95 when the text is JSON
 * holding a `Listing` and a `t3` or `t1` thing, else 0.
 */
export function detectRedditJson(lines: readonly string[]): number {
  const head = headText(lines, 20_000);
  if (!/^\s*[[{]/.test(head)) return 0;
  return /"kind"\s*:\s*"Listing"/.test(head) && /"kind"\s*:\s*"t[13]"/.test(head) ? 0.95 : 0;
}

/** reddit's thread JSON (`reddit-json`). */
export const redditJson: CaptureFormatPlugin = {
  name: 'reddit-json',
  label: 'reddit thread JSON',
  kind: 'thread',
  markdown: true,
  reconstructQuotes: false,
  signatures: false,
  oneLine: true,
  detect: detectRedditJson,
  split: splitRedditJson,
};

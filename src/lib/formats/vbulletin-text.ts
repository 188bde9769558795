/**
 * vBulletin text (`vbulletin-text`): a vBulletin 3/4 thread copied from its
 * print view, its archive ("lite") view, or single-post views.
 *
 * - Print view: `Thread: <title>`, then per post a name line, the post's
 *   title line (`<title>` for the first post, `Re: <title>` for replies), a
 *   blank line and the body, often every line indented by four spaces; posts
 *   are separated only by blank lines, so a post starts where a name line is
 *   followed by a title line (or a date line, in the archive view), or where a
 *   name the capture already showed stands alone between blank lines.
 * - Single-post view: `View Single Post`, `Old 2012-03-10, 23:11   Link #1`,
 *   the name (sometimes missing: the author is then unknown, never guessed),
 *   a rank, `Join Date:`, `Location:`, `Posts:`, then the body.
 * - Quotes are `Quote:` + `Originally Posted by <name>` followed by the quoted
 *   lines; signatures follow a line of underscores.
 */
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { isBlank } from '../text/text.js';
import { isDate } from '../text/dates.js';
import { isDefiniteBadge, isNameLike, isRankLike } from '../authors/user-block.js';
import { chromeOf, FORUM_CHROME, ForumThread, SIGNATURE_RULE, type ChromeRule } from './forum/body.js';
import { dateOrder, nameAndDate, postsFromHeaders, type PostHeader } from './forum/headers.js';
import { isTitleLike, threadResult } from './forum/title.js';

const THREAD_LINE = /^\s*Thread\s*:\s+(\S.*?)\s*$/;
const FULL_VERSION = /^\s*View Full Version\s*:\s*(\S.*?)\s*$/i;
const SUBJECT = /^\s*Re\s*:\s*\S/i;
/** `Old 2012-03-10, 23:11   Link #1` (`Old <date> #1`, `<date> Link #1`): the head of a post in a single-post or thread view. */
const OLD_LINE = /^\s*(?:Old\s+(.+?)\s+(?:Link\s+)?|(.+?)\s+Link\s+)#(\d{1,7})\s*$/i;

const VB_CHROME: readonly ChromeRule[] = [
  ...FORUM_CHROME,
  {
    rule: 'page-chrome',
    test: /^\s*(?:View Single Post|Reply With Quote|Multi-Quote This Message|Quick Reply|Report Post|Thanks|PDA|Click here to view the original format|View this thread in its original format|Show \d+ post\(s\) from this thread on one page)\s*$/i,
  },
  { rule: 'site-footer', test: /^\s*(?:Powered by vBulletin|vBulletin®|vBulletin ©|Copyright ©.{0,120}vBulletin|All times are GMT\b).*$/i },
  { rule: 'page-nav', test: /^\s*Page \d{1,5} of \d{1,5}\b.*$/i },
];

/** The date of an `Old … #N` line, or null when the line is not one. */
function oldLineDate(line: string): string | null {
  const m = OLD_LINE.exec(line);
  const date = m ? (m[1] ?? m[2])! : null;
  return date !== null && isDate(date) ? date.trim() : null;
}

/** A line that is a date and nothing else (in either numeric order). */
function dateLine(line: string): boolean {
  return isDate(line);
}

/** A `Label: value` line of a profile (`Join Date: Mar 2010`, `Posts: 1,234`). */
function isProfileField(line: string): boolean {
  return /:/.test(line) && isDefiniteBadge(line);
}

interface Scan {
  lines: readonly string[];
  from: number;
  to: number;
  title: string | null;
}

/** The head of a single-post view after its `Old … #N` line at `i`: name, ranks, profile fields, title line. */
function singlePostHeader(s: Scan, i: number): PostHeader {
  const { lines, to } = s;
  const date = oldLineDate(lines[i] ?? '');
  const claims: PostHeader['claims'] = [[i, i, 'post-date']];
  let j = i + 1;
  const head: number[] = [];
  while (j <= to) {
    const l = lines[j] ?? '';
    if (isBlank(l)) {
      j++;
      continue;
    }
    if (isProfileField(l)) break;
    if (head.length < 3 && (isRankLike(l) || isNameLike(l)) && !SUBJECT.test(l)) {
      head.push(j);
      j++;
    } else break;
  }
  const profile: number[] = [];
  while (j <= to && (isBlank(lines[j] ?? '') || isProfileField(lines[j] ?? ''))) {
    if (!isBlank(lines[j] ?? '')) profile.push(j);
    j++;
  }
  let author: string | null = null;
  const ranks: number[] = [];
  if (profile.length === 0) {
    // No profile fields: only the first line can be told apart from the body.
    if (head.length > 0 && !isDefiniteBadge(lines[head[0]!] ?? '')) author = (lines[head[0]!] ?? '').trim();
    j = head.length > 0 ? head[0]! + 1 : i + 1;
  } else if (head.length === 1 && isDefiniteBadge(lines[head[0]!] ?? '')) ranks.push(head[0]!);
  else if (head.length > 0) {
    author = (lines[head[0]!] ?? '').trim();
    ranks.push(...head.slice(1));
  }
  if (author !== null) claims.push([head[0]!, head[0]!, 'author']);
  for (const k of [...ranks, ...profile]) claims.push([k, k, 'badge']);
  while (j <= to && isBlank(lines[j] ?? '')) j++;
  if (SUBJECT.test(lines[j] ?? '') || (s.title !== null && (lines[j] ?? '').trim() === s.title)) claims.push([j, j, 'post-subject']), j++;
  return { line: i, end: j, author, badges: [...ranks, ...profile].map((k) => (lines[k] ?? '').trim()), dateText: date, claims };
}

/**
 * The header of a print or archive view starting at line `i`: a name line
 * (maybe with the date on it) over a title line or a date line; or, when
 * `known` holds the name, the name alone between blank lines.
 */
function printHeader(s: Scan, i: number, known: ReadonlySet<string> | null): PostHeader | null {
  const { lines, to } = s;
  const raw = lines[i] ?? '';
  if (i > s.from && !isBlank(lines[i - 1] ?? '') && !chromeOf(lines[i - 1] ?? '', VB_CHROME)) return null;
  const split = nameAndDate(raw);
  const name = (split?.name ?? raw).trim();
  if (!isNameLike(name) || SUBJECT.test(name) || THREAD_LINE.test(name) || (s.title !== null && name === s.title)) return null;
  let dateText = split?.date ?? null;
  const claims: PostHeader['claims'] = [[i, i, 'author']];
  let j = i + 1;
  const next = lines[j] ?? '';
  // A date line above or below the name, as the archive view prints it.
  if (dateText === null && j <= to && dateLine(next)) {
    dateText = next.trim();
    claims.push([j, j, 'post-date']);
    j++;
  }
  const subject = j <= to && (SUBJECT.test(lines[j] ?? '') || (s.title !== null && (lines[j] ?? '').trim() === s.title));
  if (subject) {
    claims.push([j, j, 'post-subject']);
    j++;
  } else if (dateText === null) {
    if (!known?.has(name) || j > to) return null;
    // A known name alone: a post with no title line, if a body follows (not another header, not the end).
    if (isBlank(lines[j] ?? '')) {
      let k = j;
      while (k <= to && isBlank(lines[k] ?? '')) k++;
      if (k > to || printHeader(s, k, null)) return null;
    } else if (isTitleLike(lines[j] ?? '') && isBlank(lines[j + 1] ?? '') && j + 1 <= to) {
      claims.push([j, j, 'post-subject']);
      j++;
    } else return null;
  }
  if (dateText === null && j <= to && dateLine(lines[j] ?? '')) {
    dateText = (lines[j] ?? '').trim();
    claims.push([j, j, 'post-date']);
    j++;
  }
  return { line: i, end: j, author: name, badges: [], dateText, claims };
}

/** Every post header of the lines, in order: single-post heads and print-view heads (names the capture shows elsewhere included). */
function findHeaders(s: Scan): PostHeader[] {
  const pass = (known: ReadonlySet<string> | null): PostHeader[] => {
    const out: PostHeader[] = [];
    for (let i = s.from; i <= s.to; i++) {
      const l = s.lines[i] ?? '';
      if (isBlank(l)) continue;
      const h = oldLineDate(l) !== null ? singlePostHeader(s, i) : printHeader(s, i, known);
      if (h) {
        out.push(h);
        i = h.end - 1;
      }
    }
    return out;
  };
  const first = pass(null);
  const known = new Set(first.flatMap((h) => (h.author ? [h.author] : [])));
  return known.size > 0 ? pass(known) : first;
}

/**
 * Splits a vBulletin text capture into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitVbulletinText(lines: string[], start: number, ledger: Ledger): FormatResult {
  const t = new ForumThread(lines, ledger, VB_CHROME, SIGNATURE_RULE);
  const end = lines.length - 1;
  let i = start;
  let title: string | null = null;
  // Chrome and breadcrumbs before the `Thread:` line belong to the page, not to a post.
  const titleAt = lines.findIndex((l, k) => k >= start && (THREAD_LINE.test(l) || FULL_VERSION.test(l)));
  if (titleAt >= 0) {
    for (let k = start; k < titleAt; k++) if (!isBlank(lines[k] ?? '')) ledger.claim(k, k, 'page-chrome');
    title = (THREAD_LINE.exec(lines[titleAt] ?? '') ?? FULL_VERSION.exec(lines[titleAt] ?? ''))![1]!;
    ledger.claim(titleAt, titleAt, 'title');
    i = titleAt + 1;
  }
  const scan: Scan = { lines, from: i, to: end, title };
  const headers = findHeaders(scan);
  const dates = headers.flatMap((h) => (h.dateText ? [h.dateText] : []));
  const { order, diagnostic } = dateOrder(dates, 'mdy', (headers[0]?.line ?? start) + 1);
  if (diagnostic) t.diagnostics.push(diagnostic);
  // Chrome lines before the first header (`View Single Post`) are not a post.
  for (let k = i; k < (headers[0]?.line ?? end + 1); k++) {
    const rule = chromeOf(lines[k] ?? '', VB_CHROME);
    if (rule) ledger.claim(k, k, rule);
  }
  let lead = i;
  while (lead <= end && (isBlank(lines[lead] ?? '') || ledger.kind(lead) !== null)) lead++;
  postsFromHeaders(t, headers, lead, end, order);
  const subjectLine = headers.flatMap((h) => h.claims.filter((c) => c[2] === 'post-subject').map((c) => c[0]))[0];
  return threadResult(t, title, start + 1, subjectLine === undefined ? undefined : { subject: (lines[subjectLine] ?? '').trim(), line: subjectLine + 1, missing: '`Thread:` line' });
}

/**
 * Confidence that lines are vBulletin text: 0.9 with a `Thread:` line and a
 * name line over a `Re:` title line; 0.85 with `Old <date> #N` heads,
 * `View Single Post`, `View Full Version :` or two name-over-`Re:` pairs
 * (above flat text's 0.8: copies often hold no-break-space lines too);
 * 0.6 with a `Thread:` line alone; 0.4 with an `Originally Posted by` quote; else 0.
 */
export function detectVbulletinText(lines: readonly string[]): number {
  let thread = false;
  let pairs = 0;
  let heads = 0;
  let quotes = 0;
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlank(l)) continue;
    if (!seenText && THREAD_LINE.test(l)) thread = true;
    seenText = true;
    if (FULL_VERSION.test(l) || /^\s*View Single Post\s*$/i.test(l) || oldLineDate(l) !== null) heads++;
    else if (SUBJECT.test(lines[i + 1] ?? '') && isNameLike(l) && (i === 0 || isBlank(lines[i - 1] ?? ''))) pairs++;
    else if (/^\s*Originally Posted by\s+\S/i.test(l)) quotes++;
  }
  if (thread && pairs >= 1) return 0.9;
  if (heads >= 1 || pairs >= 2) return 0.85;
  if (thread) return 0.6;
  return quotes >= 1 ? 0.4 : 0;
}

/** vBulletin text: print, archive and single-post views (`vbulletin-text`). */
export const vbulletinText: CaptureFormatPlugin = {
  name: 'vbulletin-text',
  label: 'vBulletin text',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: false,
  signatures: false,
  detect: detectVbulletinText,
  split: splitVbulletinText,
};

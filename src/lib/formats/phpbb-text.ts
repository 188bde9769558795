/**
 * phpBB text (`phpbb-text`): a phpBB topic page copied as plain text.
 *
 * - phpBB 3 (prosilver): per post a subject line (`Re: <subject>`), then
 *   `Post by <author> » <date>` (`by <author> » <date>` in 3.0), then the body;
 *   the profile column (name, rank, `Posts:`, `Joined:`, `Location:`) may
 *   stand above the subject or under the body, and is read as the post's badges.
 * - Older layouts (phpBB 2, subsilver2): the profile column, then
 *   `Posted: <date>   Post subject: <subject>`, then the body; the author is
 *   the first line of the profile column.
 * - Print view: `<author> [ <date> ]` (or `Author: …`) over `Post subject: …`.
 * - Quotes are `<name> wrote:` (with `↑` and the quoted post's date in
 *   phpBB 3.2+) followed by the quoted lines; signatures follow a line of
 *   underscores; `Top` / `Back to top` lines and buttons are page chrome.
 */
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { isBlank } from '../text/text.js';
import { isDate } from '../text/dates.js';
import { isDefiniteBadge, isNameLike, isRankLike } from '../authors/user-block.js';
import { chromeOf, FORUM_CHROME, ForumThread, SIGNATURE_RULE, type ChromeRule } from './forum/body.js';
import { dateOrder, postsFromHeaders, type PostHeader } from './forum/headers.js';
import { isTitleLike, threadResult } from './forum/title.js';

const POST_BY = /^\s*(?:Post\s+)?by\s+(.{1,80}?)\s*»\s*(.{4,80}?)\s*$/;
const POSTED = /^\s*(?:(.{1,60}?)\s+)?Posted:\s*(.{4,80}?)(?:\s+Post subject:\s*(.*?))?\s*$/;
const PRINT_AUTHOR = /^\s*(?:Author:\s*)?(.{1,80}?)\s*\[\s*(.{4,80}?)\s*\]\s*$/;
const SUBJECT_LINE = /^\s*Post subject:\s*(.*?)\s*$/i;

const PHPBB_CHROME: readonly ChromeRule[] = [
  ...FORUM_CHROME,
  {
    rule: 'page-chrome',
    test: /^\s*(?:View previous topic\s*::\s*View next topic|Post Reply|Post new topic|Reply with quote|Quote|Print view|Jump to|Display posts from previous:.*|Sort by .*|Return to .{1,80}|View user's profile.*|Send private message.*|Profile\s+PM|Report this post|Who is online|Users browsing this forum:.*|Powered by phpBB.*|All times are UTC.*|Search this topic…?|Quick Reply)\s*$/i,
  },
  { rule: 'page-nav', test: /^\s*\d{1,6} posts?(?:\s*•\s*Page \d{1,5} of \d{1,5}.*)?\s*$/i },
];

/** A `Label: value` line of the profile column (`Posts: 1234`, `Joined: Tue Mar 03, 2009 10:00 am`). */
function isProfileField(line: string): boolean {
  return /:/.test(line) && isDefiniteBadge(line);
}

/**
 * The profile column that ends at line `last` (inclusive), written by `author`
 * when known: the author's name line, ranks and `Label: value` fields.
 * @returns its 0-based first line and its badge lines, or null when the lines above are not one
 */
function profileAbove(lines: readonly string[], last: number, floor: number, author: string | null): { name: number; badges: number[] } | null {
  const badges: number[] = [];
  let k = last;
  while (k >= floor && (isBlank(lines[k] ?? '') || isProfileField(lines[k] ?? ''))) {
    if (!isBlank(lines[k] ?? '')) badges.unshift(k);
    k--;
  }
  const fields = badges.length;
  for (let ranks = 0; k >= floor && ranks <= 2; ranks++, k--) {
    const l = (lines[k] ?? '').trim();
    if (author !== null ? l === author : fields > 0 && isNameLike(l) && (k === floor || isBlank(lines[k - 1] ?? '') || chromeOf(lines[k - 1] ?? '', PHPBB_CHROME) !== null)) {
      return { name: k, badges };
    }
    if (!isRankLike(l)) return null;
    badges.unshift(k);
  }
  return null;
}

/** The header at line `i`, if one starts there. `floor` is the first line the header may reach back to. */
function headerAt(lines: readonly string[], i: number, floor: number, to: number): PostHeader | null {
  const l = lines[i] ?? '';
  const by = POST_BY.exec(l);
  if (by && isDate(by[2]!)) {
    const author = by[1]!.trim();
    const claims: PostHeader['claims'] = [[i, i, 'author']];
    let top = i;
    const above = lines[i - 1] ?? '';
    if (i - 1 >= floor && !isBlank(above) && isTitleLike(above)) {
      claims.push([i - 1, i - 1, 'post-subject']);
      top = i - 1;
    }
    const profile = top - 1 >= floor ? profileAbove(lines, top - 1, floor, author) : null;
    const badges: number[] = [];
    if (profile) {
      claims.push([profile.name, profile.name, 'user-block']);
      for (const b of profile.badges) claims.push([b, b, 'badge']), badges.push(b);
      top = profile.name;
    }
    return { line: top, end: i + 1, author, badges: badges.map((b) => (lines[b] ?? '').trim()), dateText: by[2]!, claims };
  }
  const posted = POSTED.exec(l);
  if (posted && isDate(posted[2]!)) {
    const claims: PostHeader['claims'] = [[i, i, 'post-date']];
    let end = i + 1;
    if (SUBJECT_LINE.test(lines[end] ?? '')) claims.push([end, end, 'post-subject']), end++;
    let author = posted[1]?.trim() || null;
    let top = i;
    const badges: number[] = [];
    if (author === null) {
      const profile = i - 1 >= floor ? profileAbove(lines, i - 1, floor, null) : null;
      if (profile) {
        author = (lines[profile.name] ?? '').trim();
        claims.push([profile.name, profile.name, 'user-block']);
        for (const b of profile.badges) claims.push([b, b, 'badge']), badges.push(b);
        top = profile.name;
      } else if (i - 1 >= floor && isNameLike(lines[i - 1] ?? '') && (i - 1 === floor || isBlank(lines[i - 2] ?? ''))) {
        author = (lines[i - 1] ?? '').trim();
        claims.push([i - 1, i - 1, 'user-block']);
        top = i - 1;
      }
    }
    return { line: top, end, author, badges: badges.map((b) => (lines[b] ?? '').trim()), dateText: posted[2]!, claims };
  }
  const print = PRINT_AUTHOR.exec(l);
  if (print && isDate(print[2]!) && i + 1 <= to && SUBJECT_LINE.test(lines[i + 1] ?? '')) {
    return { line: i, end: i + 2, author: print[1]!.trim(), badges: [], dateText: print[2]!, claims: [[i, i, 'author'], [i + 1, i + 1, 'post-subject']] };
  }
  return null;
}

/**
 * Splits a phpBB text capture into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitPhpbbText(lines: string[], start: number, ledger: Ledger): FormatResult {
  const t = new ForumThread(lines, ledger, PHPBB_CHROME, SIGNATURE_RULE);
  const end = lines.length - 1;
  let i = start;
  while (i <= end && (isBlank(lines[i] ?? '') || chromeOf(lines[i] ?? '', PHPBB_CHROME))) {
    const rule = chromeOf(lines[i] ?? '', PHPBB_CHROME);
    if (rule) ledger.claim(i, i, rule);
    i++;
  }
  // The topic title, unless the capture opens with a post's header.
  let title: string | null = null;
  const topic = /^\s*Topic:\s*(\S.*?)\s*$/i.exec(lines[i] ?? '');
  if (i <= end && (topic || (isTitleLike(lines[i] ?? '') && !headerAt(lines, i, i, end) && !headerAt(lines, i + 1, i, end)))) {
    title = topic ? topic[1]! : (lines[i] ?? '').trim();
    ledger.claim(i, i, 'title');
    i++;
  }
  const headers: PostHeader[] = [];
  let floor = i;
  for (let j = i; j <= end; j++) {
    const h = headerAt(lines, j, floor, end);
    if (!h) continue;
    headers.push(h);
    floor = h.end;
    j = h.end - 1;
  }
  // A profile column under a body (phpBB 3.0) belongs to that post: claim it before the body is read.
  headers.forEach((h, k) => {
    const next = headers[k + 1]?.line ?? end + 1;
    let last = next - 1;
    while (last >= h.end && (isBlank(lines[last] ?? '') || chromeOf(lines[last] ?? '', PHPBB_CHROME))) last--;
    const profile = h.author && last >= h.end ? profileAbove(lines, last, h.end, h.author) : null;
    if (profile && profile.badges.length > 0) {
      h.claims.push([profile.name, profile.name, 'user-block']);
      for (const b of profile.badges) h.claims.push([b, b, 'badge']);
      if (h.badges.length === 0) h.badges = profile.badges.map((b) => (lines[b] ?? '').trim());
    }
  });
  for (const h of headers) for (const [a, b, rule] of h.claims) ledger.claim(a, b, rule);
  const { order, diagnostic } = dateOrder(headers.flatMap((h) => (h.dateText ? [h.dateText] : [])), 'mdy', (headers[0]?.line ?? start) + 1);
  if (diagnostic) t.diagnostics.push(diagnostic);
  postsFromHeaders(t, headers, i, end, order);
  const subjectLine = headers.flatMap((h) => h.claims.filter((c) => c[2] === 'post-subject').map((c) => c[0]))[0];
  const subject = subjectLine === undefined ? undefined : /^\s*(?:Post subject:\s*)?(.*?)\s*$/i.exec(lines[subjectLine] ?? '')![1]!;
  return threadResult(t, title, start + 1, subject ? { subject, line: subjectLine! + 1, missing: 'topic title line' } : undefined);
}

/**
 * Confidence that lines are phpBB text: 0.9 with a `Post by <author> » <date>`
 * line; 0.85 with a print view's `<author> [ <date> ]` over `Post subject:`;
 * 0.8 with `Posted: <date>` and `Post subject:`; 0.6 with two `Posted:` lines; else 0.
 */
export function detectPhpbbText(lines: readonly string[]): number {
  let posted = 0;
  let subjects = 0;
  let print = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > 300) continue;
    const by = POST_BY.exec(l);
    if (by && isDate(by[2]!)) return 0.9;
    const p = POSTED.exec(l);
    if (p && isDate(p[2]!)) posted++;
    if (SUBJECT_LINE.test(l) || / Post subject:/.test(l)) subjects++;
    const a = PRINT_AUTHOR.exec(l);
    if (a && isDate(a[2]!) && SUBJECT_LINE.test(lines[i + 1] ?? '')) print++;
  }
  if (print >= 1) return 0.85;
  if (posted >= 1 && subjects >= 1) return 0.8;
  return posted >= 2 ? 0.6 : 0;
}

/** phpBB text: prosilver, subsilver2 / phpBB 2 and print views (`phpbb-text`). */
export const phpbbText: CaptureFormatPlugin = {
  name: 'phpbb-text',
  label: 'phpBB text',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: false,
  signatures: false,
  detect: detectPhpbbText,
  split: splitPhpbbText,
};

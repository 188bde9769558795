/**
 * MyBB print view (`mybb-print`): `printthread.php` copied as text. The board
 * name and a breadcrumb (`+- Board (url)`, `+-- Forum: … (url)`,
 * `+--- Thread: <title> (url)`), then per post a header
 * `<subject> - <author> - <date>` (`RE: <subject>` for replies; the subject
 * may change between posts) and the body. The first post may have no header
 * (its author is then unknown), and a capture may end inside a header.
 * Quotes are `<name> Wrote:` (often with the quoted post's date in
 * parentheses before the name) or `Quote:`, followed by the quoted lines.
 */
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { isBlank } from '../text/text.js';
import { isDate } from '../text/dates.js';
import { isNameLike } from '../authors/user-block.js';
import { chromeOf, FORUM_CHROME, ForumThread, SIGNATURE_RULE, type ChromeRule } from './forum/body.js';
import { dateOrder, postsFromHeaders, type PostHeader } from './forum/headers.js';
import { isTitleLike, threadResult } from './forum/title.js';

const BREADCRUMB = /^\s*\+-+\s+\S.*$/;
const THREAD_CRUMB = /^\s*\+-+\s+Thread:\s+(.+?)\s*(?:\([^()\s]*\))?\s*$/i;

const MYBB_CHROME: readonly ChromeRule[] = [...FORUM_CHROME, { rule: 'breadcrumbs', test: BREADCRUMB }];

/** A header `<subject> - <author> - <date>`: its parts, or null. The subject may itself hold ` - `. */
function readHeader(line: string): { subject: string; author: string; date: string } | null {
  if (line.length > 300) return null;
  const parts = line.trim().split(' - ');
  if (parts.length < 3) return null;
  const date = parts[parts.length - 1]!.trim();
  const author = parts[parts.length - 2]!.trim();
  if (!isDate(date) || !isNameLike(author)) return null;
  return { subject: parts.slice(0, -2).join(' - ').trim(), author, date };
}

/**
 * A header the capture ends inside (`RE: Subject - Auth`): the author only
 * when the name stands whole before a ` - `.
 */
function cutHeader(line: string): { author: string | null } | null {
  if (!/^\s*RE:\s*\S/i.test(line) || line.length > 300) return null;
  const parts = line.trim().split(' - ');
  return { author: parts.length >= 3 && isNameLike(parts[parts.length - 2]!) ? parts[parts.length - 2]!.trim() : null };
}

/**
 * Splits a MyBB print view into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitMybbPrint(lines: string[], start: number, ledger: Ledger): FormatResult {
  const t = new ForumThread(lines, ledger, MYBB_CHROME, SIGNATURE_RULE);
  const end = lines.length - 1;
  let title: string | null = null;
  let i = start;
  // The board's name and the breadcrumb: the title is the thread's crumb.
  const crumbs = lines.findIndex((l, k) => k >= start && k <= start + 12 && BREADCRUMB.test(l));
  if (crumbs >= 0) {
    for (let k = start; k < crumbs; k++) if (!isBlank(lines[k] ?? '')) ledger.claim(k, k, 'page-chrome');
    i = crumbs;
    while (i <= end && (BREADCRUMB.test(lines[i] ?? '') || isBlank(lines[i] ?? ''))) {
      const m = THREAD_CRUMB.exec(lines[i] ?? '');
      if (m) title = m[1]!;
      if (!isBlank(lines[i] ?? '')) ledger.claim(i, i, m ? 'title' : 'breadcrumbs');
      i++;
    }
  } else {
    while (i <= end && isBlank(lines[i] ?? '')) i++;
    if (i <= end && !readHeader(lines[i] ?? '') && isTitleLike(lines[i] ?? '') && isBlank(lines[i + 1] ?? '')) {
      title = (lines[i] ?? '').trim();
      ledger.claim(i, i, 'title');
      i++;
    }
  }
  const headers: PostHeader[] = [];
  for (let j = i; j <= end; j++) {
    const h = readHeader(lines[j] ?? '');
    if (h) headers.push({ line: j, end: j + 1, author: h.author, badges: [], dateText: h.date, claims: [[j, j, 'author']] });
  }
  // The capture may end inside the last header.
  let last = end;
  while (last >= i && isBlank(lines[last] ?? '')) last--;
  const cut = last >= i && headers[headers.length - 1]?.line !== last ? cutHeader(lines[last] ?? '') : null;
  if (cut) {
    headers.push({ line: last, end: last + 1, author: cut.author, badges: [], dateText: null, claims: [[last, last, 'author']] });
    t.diagnostics.push({
      rule: 'post-cut-off',
      severity: 'info',
      message: `The capture ends inside a post header ("${(lines[last] ?? '').trim().slice(0, 60)}"). It is kept as an empty post${cut.author ? ` by ${cut.author}` : ' whose author is cut off'}; capture the page again to get the rest.`,
      line: last + 1,
    });
  }
  const { order, diagnostic } = dateOrder(headers.flatMap((h) => (h.dateText ? [h.dateText] : [])), 'mdy', (headers[0]?.line ?? start) + 1);
  if (diagnostic) t.diagnostics.push(diagnostic);
  postsFromHeaders(t, headers, i, end, order);
  if (cut) {
    const d = t.diagnostics.findIndex((x) => x.rule === 'empty-post' && x.line === last + 1);
    if (d >= 0) t.diagnostics.splice(d, 1);
  }
  const first = headers.find((h) => h.dateText !== null);
  const subject = first ? readHeader(lines[first.line] ?? '')?.subject : undefined;
  return threadResult(t, title, start + 1, subject && first ? { subject, line: first.line + 1, missing: 'breadcrumb naming the thread' } : undefined);
}

/**
 * Confidence that lines are a MyBB print view: 0.85 with a
 * `<subject> - <author> - <date>` header, 0.7 with a `+--- Thread:` breadcrumb; else 0.
 */
export function detectMybbPrint(lines: readonly string[]): number {
  let crumb = false;
  for (const l of lines) {
    if (readHeader(l)) return 0.85;
    if (THREAD_CRUMB.test(l)) crumb = true;
  }
  return crumb ? 0.7 : 0;
}

/** The MyBB print view (`mybb-print`). */
export const mybbPrint: CaptureFormatPlugin = {
  name: 'mybb-print',
  label: 'MyBB print view',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: false,
  signatures: false,
  detect: detectMybbPrint,
  split: splitMybbPrint,
};

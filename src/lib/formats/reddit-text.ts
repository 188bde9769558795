/**
 * reddit threads copied as page text (old reddit and mirror front ends):
 *
 *     What if Carthage had won the Second Punic War?Discussion
 *     r/HistoryWhatIf 3y ago
 *
 *     The submission's text…
 *
 *     7 comments sorted by
 *     best
 *
 *     42
 *
 *     u/Scipio_Minor Flair words 3y ago edited 3y ago
 *
 *     The comment's text…
 *
 * The title line may carry the link flair run onto its start or end; the
 * submission line (`r/<sub>`) may name the poster and their flair, or not.
 * Each comment is an optional score line, a blank, a header `u/<name> [flair]
 * <age or date> [edited <age>]`, a blank, and its text. Scores, the count and
 * sort lines, permalink views' `View all comments` / `Show parent comments`,
 * `load more comments` and action links are page furniture, dropped by named
 * rules. Nesting is lost in text, so no `replyTo` is guessed; quotes lost
 * their markers too, so they are reconstructed from repeated words. Ages
 * (`3y ago`) are kept as written.
 */
import type { Diagnostic, Post } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { isBlank } from '../text/text.js';
import { ownSegmentsOf } from '../text/segments.js';
import { makePost } from './common/post.js';
import { ACTIONS, COUNT, MORE_REPLIES, PERMALINK_CHROME, SCORE, SORT, readCommentHeader, readSubmissionLine, splitTitleFlair, type CommentHeader } from './reddit/lines.js';

/** How many lines from the top the submission line may stand (default 8). */
const HEAD_LINES = 8;

/** The furniture rule a line falls under, or null when it is text. */
function furniture(line: string): string | null {
  if (PERMALINK_CHROME.test(line)) return 'permalink-chrome';
  if (MORE_REPLIES.test(line)) return 'more-replies-link';
  if (ACTIONS.test(line) && (/\s/.test(line.trim()) || /^\s*(?:reply|share|permalink|report|save|level\s+\d+)\s*$/i.test(line))) return 'comment-actions';
  return null;
}

/** A comment's place in the capture: its score line (if any), header line and header. */
interface CommentStart {
  from: number;
  header: number;
  read: CommentHeader;
}

/** Comment headers from line `from` on: header lines that stand after a blank line, a score line or the start. */
function commentStarts(lines: readonly string[], from: number): CommentStart[] {
  const out: CommentStart[] = [];
  for (let i = from; i < lines.length; i++) {
    const read = readCommentHeader(lines[i] ?? '');
    if (!read) continue;
    const prev = lines[i - 1];
    if (i > from && prev !== undefined && !isBlank(prev) && !SCORE.test(prev) && furniture(prev) === null && !COUNT.test(prev) && !SORT.test(prev)) continue;
    // A line of a body that happens to start with a u/ name and an age reads as a header with flair: a header is followed by a blank line.
    const next = lines[i + 1];
    if (!read.oldReddit && read.flair.length > 0 && next !== undefined && !isBlank(next)) continue;
    let start = i;
    if (i - 1 >= from && SCORE.test(lines[i - 1] ?? '')) start = i - 1;
    else if (i - 2 >= from && isBlank(lines[i - 1] ?? '') && SCORE.test(lines[i - 2] ?? '')) start = i - 2;
    out.push({ from: start, header: i, read });
  }
  return out;
}

/**
 * Splits reddit page text into the submission and its comments.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitRedditText(lines: string[], start: number, ledger: Ledger): FormatResult {
  const diagnostics: Diagnostic[] = [];
  const comments = commentStarts(lines, start);
  const end = comments[0]?.from ?? lines.length;
  // The head: title line, submission line (either order), perhaps a poster line, then the submission text.
  const head: number[] = [];
  for (let i = start; i < end && head.length < HEAD_LINES; i++) if (!isBlank(lines[i] ?? '')) head.push(i);
  const subAt = head.find((i) => readSubmissionLine(lines[i] ?? '') !== null);
  const sub = subAt === undefined ? null : readSubmissionLine(lines[subAt] ?? '');
  // The title is the last text line before the submission line, or the first one after it (or the first, without one).
  const candidates: number[] = [];
  for (const i of head) {
    const l = lines[i] ?? '';
    if (i === subAt) {
      if (candidates.length > 0) break;
      continue;
    }
    const rule = furniture(l) ?? (SCORE.test(l) && candidates.length === 0 ? 'vote-score' : null);
    if (rule) {
      ledger.claim(i, i, rule);
      continue;
    }
    candidates.push(i);
    if (subAt === undefined || i > subAt) break;
  }
  const titleAt = candidates.pop();
  let title: string | null = null;
  const badges: string[] = [];
  for (const i of candidates) {
    // Text above the title line and the submission line: link flair standing on its own line.
    badges.push((lines[i] ?? '').trim());
    ledger.claim(i, i, 'badge');
  }
  if (titleAt !== undefined) {
    const split = splitTitleFlair(lines[titleAt] ?? '');
    title = split.title;
    ledger.claim(titleAt, titleAt, 'title');
    if (split.domain) badges.push(split.domain);
    if (split.flair) {
      badges.push(split.flair);
      diagnostics.push({
        rule: 'title-flair',
        severity: 'info',
        message: `The title line has the post's link flair "${split.flair}" run onto it. The two were split: the flair is shown with the opening post.`,
        line: titleAt + 1,
      });
    }
  }
  let author = sub?.author ?? null;
  if (sub) {
    badges.push(...sub.flair);
    ledger.claim(subAt!, subAt!, 'user-block');
  }
  let bodyFrom = Math.max(titleAt ?? start - 1, subAt ?? start - 1) + 1;
  // A poster named on a line of their own under the head.
  while (bodyFrom < end && isBlank(lines[bodyFrom] ?? '')) bodyFrom++;
  const poster = /^\s*(?:Posted\s+by\s+)?u\/([A-Za-z0-9_-]{2,})\s*$/.exec(lines[bodyFrom] ?? '');
  if (poster && author === null && titleAt !== undefined) {
    author = poster[1]!;
    ledger.claim(bodyFrom, bodyFrom, 'user-block');
    bodyFrom++;
  }
  const posts: Post[] = [];
  const missing = { links: 0, replies: 0, line: null as number | null };
  /** The next line with text after line j (up to line `to`), or ''. */
  const nextText = (j: number, to: number) => {
    for (let k = j + 1; k <= to; k++) if (!isBlank(lines[k] ?? '')) return lines[k] ?? '';
    return '';
  };
  /** Body lines from..to: furniture dropped by name, the submission's score and the count and sort lines too, the rest own words. */
  const bodyOf = (from: number, to: number) => {
    const own: number[] = [];
    for (let j = from; j <= to; j++) {
      const l = lines[j] ?? '';
      if (ledger.kind(j) !== null) continue;
      const rule = furniture(l) ?? (COUNT.test(l) || (SORT.test(l) && j > from && COUNT.test(lines[j - 1] ?? '')) ? 'comment-count' : SCORE.test(l) && COUNT.test(nextText(j, to)) ? 'vote-score' : null);
      if (rule) {
        ledger.claim(j, j, rule);
        if (rule === 'more-replies-link') {
          const m = MORE_REPLIES.exec(l)!;
          missing.links++;
          missing.replies += Number(m[1] ?? m[2] ?? 0);
          missing.line ??= j + 1;
        }
        continue;
      }
      own.push(j);
      if (!isBlank(l)) ledger.claim(j, j, 'post');
    }
    return ownSegmentsOf(lines, own);
  };
  const opening = bodyOf(bodyFrom, end - 1);
  if (titleAt !== undefined || sub || opening.length > 0) {
    const segments = opening;
    posts.push(makePost({ n: 1, author, authorEvidence: 'user-block', badges, date: sub?.date ?? null, line: (titleAt ?? subAt ?? start) + 1, segments }));
    if (author === null) {
      diagnostics.push({
        rule: 'submission-author-unknown',
        severity: 'info',
        message: 'The page text does not name who posted the submission (the r/ line shows no u/ name). The opening post is shown without an author; copy the page with the poster\'s name, or save the thread\'s .json.',
        line: (subAt ?? titleAt ?? start) + 1,
      });
    }
  }
  comments.forEach((c, k) => {
    const to = (comments[k + 1]?.from ?? lines.length) - 1;
    if (c.from < c.header) ledger.claim(c.from, c.from, 'vote-score');
    ledger.claim(c.header, c.header, 'user-block');
    const segments = bodyOf(c.header + 1, to);
    posts.push(makePost({ n: posts.length + 1, author: c.read.author, authorEvidence: 'user-block', badges: c.read.flair, edited: c.read.edited, date: c.read.date, line: c.header + 1, segments }));
  });
  diagnostics.push(...notes(posts, comments.length, missing));
  return { title, posts, diagnostics };
}

/** What the reader should know: nesting lost, replies the page did not show, deleted accounts. */
function notes(posts: readonly Post[], comments: number, missing: { links: number; replies: number; line: number | null }): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (comments > 1) {
    out.push({
      rule: 'nesting-lost',
      severity: 'info',
      message: 'Page text does not show which comment answers which, so comments are listed in page order and no reply is linked. Save the thread\'s .json to keep the replies.',
      line: null,
    });
  }
  if (missing.links > 0) {
    out.push({
      rule: 'more-replies-link',
      severity: 'warning',
      message: `The page did not show every reply: ${missing.links} "more replies" link${missing.links === 1 ? '' : 's'}${missing.replies > 0 ? ` (at least ${missing.replies} replies)` : ''}. Those replies are not in the archive; expand them before copying the page.`,
      line: missing.line,
    });
  }
  const gone = posts.filter((p, i) => i > 0 && p.author === null).length;
  if (gone > 0) {
    out.push({
      rule: 'deleted-author',
      severity: 'info',
      message: `${gone} comment${gone === 1 ? ' was' : 's were'} posted by deleted accounts ("[deleted]") and ${gone === 1 ? 'is' : 'are'} shown without an author.`,
      line: null,
    });
  }
  return out;
}

/**
 * Confidence that lines are reddit page text: 0.85 with two comment headers
 * (`u/name … 3y ago`) after blank or score lines, or one with a submission line
 * (`r/<sub> …`) near the top; 0.6 with a submission line and a comment count
 * line; else 0.
 */
export function detectRedditText(lines: readonly string[]): number {
  const headers = commentStarts(lines, 0).length;
  let sub = false;
  let seen = 0;
  for (const l of lines) {
    if (isBlank(l)) continue;
    if (readSubmissionLine(l)) sub = true;
    if (++seen >= HEAD_LINES) break;
  }
  if (headers >= 2 || (headers >= 1 && sub)) return 0.85;
  if (sub && lines.some((l) => COUNT.test(l))) return 0.6;
  return 0;
}

/** reddit page text (`reddit-text`). */
export const redditText: CaptureFormatPlugin = {
  name: 'reddit-text',
  label: 'reddit page text: quotes reconstructed from repeated text',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: true,
  signatures: false,
  detect: detectRedditText,
  split: splitRedditText,
};

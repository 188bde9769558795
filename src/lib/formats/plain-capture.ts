/**
 * XenForo flat text (`plain-capture`): a XenForo thread page (alternatehistory.com,
 * Sea Lion Press, SpaceBattles, enworld…) copied as plain text.
 *
 * - Site chrome before the title (notices starting with `•` and the indented
 *   paragraphs under them) and between posts (`log in or register to remove
 *   this ad`, `Click to expand...`, `Reactions:` lines, a closing `Top`) is
 *   dropped under named rules.
 * - The first line is the title, unless it reads as a post's first sentence
 *   (a capture of one post's page): then a title is inferred and said to be.
 * - A poll (question, `• option` lines with `Votes: 11 55.0%` under them,
 *   `• Total voters` and a number) is part of the first post.
 * - Posts are separated by a line holding only a no-break space, where the
 *   copy has them, and start at user blocks (name, blank line, badges: banner,
 *   custom title, rank, join date, counters, `Label: value` fields) in any case.
 *   A `Last edited:` line at the start of a chunk belongs to the post before it.
 * - Quotes are `Name said:` lines followed by the quoted lines, their end found
 *   by comparing with the earlier posts; quotes without any marker are
 *   reconstructed later from repeated words (`reconstructQuotes`).
 */
import type { Post, Segment } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { isBlank } from '../text/text.js';
import { readDate } from '../text/dates.js';
import { learnUserBlocks, readLearnedUserBlock, readUserBlock, type LearnedBlocks, type UserBlock } from '../authors/user-block.js';
import { chromeOf, EDITED, FORUM_CHROME, ForumThread, type ChromeRule } from './forum/body.js';
import { readAttribution } from './forum/quotes.js';
import { isTitleLike, threadResult } from './forum/title.js';

/** A line that separates posts in a flat-text capture: a lone no-break space or space. */
export const PLAIN_SEPARATOR = /^[\u00a0 ]$/;

/** A `Last edited:` line (`Last edited: Jan 5, 2020`, `Last edited by X: …`): a flag of the post before it, not text. */
export const EDITED_LINE = /^\s*Last edited(?: by [^:\n]{1,80})?:\s*(?:\S.{0,60})?$/i;

/** XenForo's chrome inside a thread, besides what every forum has. */
const XENFORO_CHROME: readonly ChromeRule[] = [
  ...FORUM_CHROME,
  { rule: 'reactions', test: /^\s*Reactions:\s+\S.{0,400}$/ },
  { rule: 'thread-meta', test: /^\s*(?:Thread starter|Discussion starter)\s.{1,120}$/i },
  { rule: 'page-chrome', test: /^\s*(?:Add bookmark|Bookmark|New|Share|Watch|Reply|Report|Quote)\s*$/i },
];

/** A post date and number on one line (`Mar 3, 2012 #12`). */
const DATE_AND_NUMBER = /^\s*(.{4,60}?)\s+#\d{1,7}\s*$/;

/** A site notice before the title: a bullet line (`• Hi Guest!`). The indented lines under it belong to it. */
const NOTICE = /^\s*•\s*\S/;

/** Lines only XenForo's text has: `Name said:`, `Click to expand...`, the ad line, `Reactions:`, `Last edited:`. */
const XENFORO_MARK = /^\S.{0,59} said:\s*$|^\s*Click to expand\.\.\.\s*$|^\s*log in or register to remove this ad\s*$|^\s*Reactions:\s+\S|^\s*Last edited(?: by [^:]{1,80})?:(?:\s+\S.{0,60})?\s*$/i;

/** A short line of page navigation: up to three words, no sentence punctuation. */
const NAV_LIKE = /^\s*(?=.{1,24}$)[^\s.?!,;:]+(?:\s+[^\s.?!,;:]+){0,2}\s*$/;

/** A post number line under a post date (`#12`). */
const POST_NUMBER = /^\s*#\d{1,7}\s*$/;

/** Poll lines: an option, its votes, the total. */
const POLL_OPTION = /^\s*•\s*(\S.*)$/;
const POLL_VOTES = /^\s*Votes:\s*[\d,.]+\s+[\d.,]+%\s*$/i;
const POLL_TOTAL = /^\s*•\s*Total voters\s*$/i;

/**
 * The lines of a poll that starts at line `at` (its question, or a `Poll` line
 * above it): 0-based index of its last line, or -1 when none starts there.
 */
function pollEnd(lines: readonly string[], at: number, end: number): number {
  let q = at;
  if (/^\s*poll\b/i.test(lines[q] ?? '') && !POLL_OPTION.test(lines[q + 1] ?? '')) q++;
  if (POLL_OPTION.test(lines[q] ?? '') || isBlank(lines[q] ?? '')) return -1;
  let j = q + 1;
  let options = 0;
  let last = -1;
  while (j <= end) {
    const l = lines[j] ?? '';
    if (isBlank(l)) j++;
    else if (POLL_TOTAL.test(l)) {
      last = j;
      if (/^\s*[\d,.]+\s*$/.test(lines[j + 1] ?? '')) last = j + 1;
      break;
    } else if (POLL_OPTION.test(l) && POLL_VOTES.test(lines[j + 1] ?? '')) {
      options++;
      last = j + 1;
      j += 2;
    } else break;
  }
  return options >= 2 ? last : -1;
}

/** Where a post begins: its line, and its user block when it has one. */
interface Start {
  at: number;
  block: UserBlock | null;
}

/** Reads a user block at a line, definite or of a kind the capture has shown. */
function blockAt(lines: readonly string[], at: number, to: number, learned: LearnedBlocks): UserBlock | null {
  return readUserBlock(lines, at, to) ?? readLearnedUserBlock(lines, at, to, learned);
}

/**
 * Splits a XenForo flat-text capture into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitPlainCapture(lines: string[], start: number, ledger: Ledger): FormatResult {
  const t = new ForumThread(lines, ledger, XENFORO_CHROME);
  const { diagnostics } = t;
  const end = lines.length - 1;
  const isChrome = (j: number) => chromeOf(lines[j] ?? '', XENFORO_CHROME) !== null;
  // 1. Site notices and chrome before the title.
  let i = start;
  for (;;) {
    const l = lines[i] ?? '';
    if (i > end) break;
    if (isBlank(l)) i++;
    else if (isChrome(i)) ledger.claim(i, i++, chromeOf(l, XENFORO_CHROME)!);
    else if (NOTICE.test(l) && pollEnd(lines, i, end) < 0) {
      ledger.claim(i, i, 'site-notice');
      i++;
      while (i <= end && /^[ \t\u00a0]+\S/.test(lines[i] ?? '') && !NOTICE.test(lines[i] ?? '')) ledger.claim(i, i++, 'site-notice');
    } else break;
  }
  // 2. Where posts may start: after a blank line, a separator or chrome. Learn the board's user blocks.
  const boundaries: number[] = [];
  for (let j = i; j <= end; j++) {
    const prev = lines[j - 1] ?? '';
    if (j <= i + 1 || isBlank(prev) || PLAIN_SEPARATOR.test(prev) || isChrome(j - 1)) boundaries.push(j);
  }
  const learned = learnUserBlocks(lines, boundaries, end);
  // 3. The title, unless the capture opens with a user block or with a post's first sentence.
  let title: string | null = null;
  let opensWithPost = false;
  if (i <= end && !blockAt(lines, i, end, learned)) {
    const next = i + 1 <= end ? (lines[i + 1] ?? '') : '';
    const sentence = !isTitleLike(lines[i] ?? '') || (!isBlank(next) && !PLAIN_SEPARATOR.test(next) && !NOTICE.test(next) && (lines[i] ?? '').length > 100);
    if (sentence || readAttribution(lines, i, end)) opensWithPost = true;
    else {
      title = (lines[i] ?? '').trim();
      ledger.claim(i, i, 'title');
      i++;
    }
  } else if (i <= end) opensWithPost = true;
  // 4. A poll under the title belongs to the first post.
  let poll: Segment | null = null;
  {
    let p = i;
    while (p <= end && (isBlank(lines[p] ?? '') || isChrome(p))) {
      if (isChrome(p)) ledger.claim(p, p, chromeOf(lines[p] ?? '', XENFORO_CHROME)!);
      p++;
    }
    const last = p <= end ? pollEnd(lines, p, end) : -1;
    if (last >= 0) {
      const rows: string[] = [];
      for (let k = p; k <= last; k++) rows.push((lines[k] ?? '').trim());
      poll = { kind: 'own', text: rows.join('\n'), line: p + 1 };
      for (let k = p; k <= last; k++) if (!isBlank(lines[k] ?? '')) ledger.claim(k, k, 'poll');
      i = last + 1;
    }
  }
  // 5. Chunks between separators; posts start at chunk starts and at user blocks.
  const separators = lines.some((l, j) => j >= i && PLAIN_SEPARATOR.test(l));
  // The last line of the chunk each line is in: a block never reaches past a separator.
  const chunkEnd: number[] = new Array<number>(lines.length).fill(end);
  for (let k = end, e = end; k >= i; k--) {
    if (PLAIN_SEPARATOR.test(lines[k] ?? '')) e = k - 1;
    chunkEnd[k] = e;
  }
  // Without separators, short lines between the title and the first user block are page navigation (`Watch`, `Prev`, `1`, `2`, `Next`).
  if (!separators) {
    let k = i;
    const nav: number[] = [];
    while (k <= end && (isBlank(lines[k] ?? '') || isChrome(k) || NAV_LIKE.test(lines[k] ?? ''))) {
      if (!isBlank(lines[k] ?? '') && (nav.length > 0 || isBlank(lines[k - 1] ?? '') || k === i) && blockAt(lines, k, end, learned)) break;
      if (!isBlank(lines[k] ?? '')) nav.push(k);
      k++;
    }
    if (nav.length > 0 && k <= end && blockAt(lines, k, end, learned)) {
      for (const n of nav) ledger.claim(n, n, chromeOf(lines[n] ?? '', XENFORO_CHROME) ?? 'page-nav');
      i = k;
    }
  }
  const posts: Post[] = t.posts;
  let j = i;
  let chunkStart = true;
  let current: Start | null = null;
  const close = (to: number) => {
    if (!current) return;
    addPost(t, current, to, lines);
    current = null;
  };
  while (j <= end) {
    const l = lines[j] ?? '';
    if (PLAIN_SEPARATOR.test(l)) {
      close(j - 1);
      ledger.claim(j, j, 'separator');
      chunkStart = true;
      j++;
      continue;
    }
    if (chunkStart) {
      if (isBlank(l)) {
        j++;
        continue;
      }
      if (isChrome(j)) {
        ledger.claim(j, j, chromeOf(l, XENFORO_CHROME)!);
        j++;
        continue;
      }
      if (EDITED_LINE.test(l) || (posts.length > 0 && EDITED.test(l))) {
        ledger.claim(j, j, 'edited-marker');
        const prev = posts[posts.length - 1];
        if (prev) prev.edited = true;
        else
          diagnostics.push({
            rule: 'edited-without-post',
            severity: 'info',
            message: 'A "Last edited" line stands before the first post, so there is no post to mark as edited. It was dropped.',
            line: j + 1,
          });
        j++;
        continue;
      }
      chunkStart = false;
      current = { at: j, block: blockAt(lines, j, chunkEnd[j]!, learned) };
      j = current.block ? current.block.end : j + 1;
      continue;
    }
    const prev = lines[j - 1] ?? '';
    // After a blank line or chrome any user block starts a post; straight after a post's last line only one with definite badges.
    const afterBreak = isBlank(prev) || isChrome(j - 1);
    if (!isBlank(l) && isBlank(lines[j + 1] ?? '')) {
      const block = afterBreak ? blockAt(lines, j, chunkEnd[j]!, learned) : readUserBlock(lines, j, chunkEnd[j]!);
      if (block) {
        close(j - 1);
        if (separators) {
          diagnostics.push({
            rule: 'missing-separator',
            severity: 'info',
            message: `A user block for "${block.name.slice(0, 40)}" stands inside a post with no separator line before it. It was read as the start of a new post; check the capture if that is wrong.`,
            line: j + 1,
          });
        }
        current = { at: j, block };
        j = block.end;
        continue;
      }
    }
    j++;
  }
  close(end);
  if (poll) {
    if (posts.length === 0) t.addPost({ author: null, evidence: 'user-block', line: poll.line - 1, emptyOk: true }, end + 1, end);
    const first = posts[0]!;
    first.segments.unshift(poll);
    first.text = [poll.text, first.text].filter(Boolean).join('\n\n');
    const empty = diagnostics.findIndex((d) => d.rule === 'empty-post' && d.line === first.line);
    if (empty >= 0) diagnostics.splice(empty, 1);
  }
  if (title === null && !opensWithPost && posts[0]?.author) {
    diagnostics.push({
      rule: 'no-title',
      severity: 'info',
      message: 'The flat-text capture opens with a user block instead of a title line. A title was taken from the file name; add `title:` front matter to set one.',
      line: posts[0].line,
    });
  }
  return opensWithPost ? threadResult(t, title, start + 1) : { title, titleInferred: false, posts, diagnostics };
}

/** Adds the post that starts at `s` and ends at line `to`: its user block claimed, a post date under it read. */
function addPost(t: ForumThread, s: Start, to: number, lines: readonly string[]): void {
  const { ledger } = t;
  const block = s.block;
  let bodyFrom = s.at;
  let date: string | null = null;
  if (block) {
    ledger.claim(block.nameLine, block.nameLine, 'user-block');
    let badgeLines = block.badgeLines;
    let badges = block.badges;
    // A date over a `#12` line is when the post was written, not a join date.
    const lastBadge = badgeLines[badgeLines.length - 1];
    if (lastBadge !== undefined && POST_NUMBER.test(lines[block.end] ?? '') && readDate(lines[lastBadge] ?? '')) {
      date = readDate(lines[lastBadge] ?? '');
      ledger.claim(lastBadge, lastBadge, 'post-date');
      badgeLines = badgeLines.slice(0, -1);
      badges = badges.slice(0, -1);
    }
    for (const b of badgeLines) ledger.claim(b, b, 'badge');
    bodyFrom = block.end;
    if (POST_NUMBER.test(lines[bodyFrom] ?? '')) ledger.claim(bodyFrom, bodyFrom++, 'post-number');
    const dated = DATE_AND_NUMBER.exec(lines[bodyFrom] ?? '');
    if (date === null && dated && readDate(dated[1]!)) {
      date = readDate(dated[1]!);
      ledger.claim(bodyFrom, bodyFrom++, 'post-date');
    }
    let rest = bodyFrom;
    while (rest <= to && isBlank(lines[rest] ?? '')) rest++;
    const cutOff = rest > to && to >= lines.length - 1;
    const post = t.addPost({ author: block.name, evidence: 'user-block', badges, date, line: block.nameLine, emptyOk: cutOff }, bodyFrom, to);
    if (cutOff) {
      t.diagnostics.push({
        rule: 'post-cut-off',
        severity: 'info',
        message: `Post ${post.n} is a user block with no body: the capture ends there. It is kept as an empty post; capture the next page to get its text.`,
        line: post.line,
      });
    }
    return;
  }
  t.addPost({ author: null, evidence: 'user-block' }, bodyFrom, to);
}

/**
 * Confidence that lines are XenForo flat text: 0.8 with a line holding only a
 * no-break space (or two holding only a space); 0.7 with two user blocks
 * that carry definite badges, or one and XenForo's marks (`said:` quotes,
 * `Click to expand...`, the ad line, `Reactions:` and `Last edited:` lines, a
 * poll's `Votes:` lines); 0.5 with two of those marks and no block; 0.6 with
 * three blocks of a board's own titles that recur (name and title over posts
 * more than once); else 0.
 */
export function detectPlainCapture(lines: readonly string[]): number {
  let spaces = 0;
  let blocks = 0;
  let marks = 0;
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j]!;
    if (line === '\u00a0') return 0.8;
    if (line === ' ' && ++spaces >= 2) return 0.8;
    if (XENFORO_MARK.test(line) || POLL_VOTES.test(line)) marks++;
    if (readUserBlock(lines, j, Math.min(lines.length - 1, j + 12))) blocks++;
  }
  if (blocks >= 2 || (blocks >= 1 && marks >= 1)) return 0.7;
  if (marks >= 2) return 0.5;
  // Boards whose blocks carry only their own titles: the same name and title standing over posts again and again.
  const starts: number[] = [];
  for (let j = 0; j < lines.length; j++) if (j <= 1 || isBlank(lines[j - 1] ?? '')) starts.push(j);
  const learned = learnUserBlocks(lines, starts, lines.length - 1);
  let weak = 0;
  for (const j of starts) if (readLearnedUserBlock(lines, j, lines.length - 1, learned)?.badges.length) weak++;
  return weak >= 3 ? 0.6 : 0;
}

/** XenForo flat text (`plain-capture`). */
export const plainCapture: CaptureFormatPlugin = {
  name: 'plain-capture',
  label: 'XenForo flat text',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: true,
  signatures: true,
  detect: detectPlainCapture,
  split: splitPlainCapture,
};

/**
 * Flat-text captures (a forum page copied as plain text): the first line is the
 * title; posts are separated by a line holding only a no-break space (or a
 * space); a post may open with a user block (name, blank line, badges); a
 * `Last edited:` line at the start of a chunk belongs to the post before it;
 * a closing `Top` line is page chrome.
 *
 * Own-words segments produced here hold the post's raw lines joined by `\n`
 * (blank lines at their edges removed), so that line `k` of a segment's text
 * is source line `segment.line + k`. Signatures and quote reconstruction,
 * which run later over the whole archive, rely on this.
 */
import type { Diagnostic, Post } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { excerpt, isBlank } from '../text/text.js';
import { ownSegmentsOf, ownText } from '../text/segments.js';
import { readUserBlock, type UserBlock } from '../authors/user-block.js';

/** A line that separates posts in a flat-text capture: a lone no-break space or space. */
export const PLAIN_SEPARATOR = /^[\u00a0 ]$/;

/** A `Last edited:` line (`Last edited: Jan 5, 2020`, `Last edited by X: …`): a flag of the post before it, not text. */
export const EDITED_LINE = /^\s*Last edited(?: by [^:\n]{1,80})?:\s*(?:\S.{0,60})?$/i;

/** A closing line that is page chrome, not a post (`Top`, `Back to top`). */
export const PAGE_CHROME = /^\s*(?:[▲↑^]\s*)?(?:Top|Back to top|Go to top)(?:\s*[▲↑^])?\s*$/i;

/**
 * Splits a flat-text capture into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitPlainCapture(lines: string[], start: number, ledger: Ledger): FormatResult {
  const diagnostics: Diagnostic[] = [];
  let end = lines.length - 1;
  let last = end;
  while (last >= start && isBlank(lines[last] ?? '')) last--;
  if (last >= start && PAGE_CHROME.test(lines[last] ?? '')) {
    ledger.claim(last, last, 'page-chrome');
    end = last - 1;
  }
  let i = start;
  while (i <= end && isBlank(lines[i] ?? '')) i++;
  let title: string | null = null;
  if (i <= end && !readUserBlock(lines, i, end)) {
    title = (lines[i] ?? '').trim();
    ledger.claim(i, i, 'title');
    i++;
  } else if (i <= end) {
    diagnostics.push({
      rule: 'no-title',
      severity: 'info',
      message: 'The flat-text capture opens with a user block instead of a title line. A title was taken from the file name; add `title:` front matter to set one.',
      line: i + 1,
    });
  }
  const chunks: { from: number; to: number }[] = [];
  let from = i;
  for (let j = i; j <= end + 1; j++) {
    if (j === end + 1 || PLAIN_SEPARATOR.test(lines[j] ?? '')) {
      if (j <= end) ledger.claim(j, j, 'separator');
      chunks.push({ from, to: j - 1 });
      from = j + 1;
    }
  }
  const posts: Post[] = [];
  for (const chunk of chunks) {
    let j = chunk.from;
    while (j <= chunk.to) {
      const l = lines[j] ?? '';
      if (isBlank(l)) j++;
      else if (EDITED_LINE.test(l)) {
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
      } else break;
    }
    if (j > chunk.to) continue;
    // One chunk normally holds one post; a user block inside it (after a blank line) starts another.
    let postFrom = j;
    let block = readUserBlock(lines, postFrom, chunk.to);
    while (postFrom <= chunk.to) {
      const bodyFrom = block ? block.end : postFrom;
      let next: UserBlock | null = null;
      let postTo = chunk.to;
      for (let m = bodyFrom + 1; m <= chunk.to; m++) {
        if (!isBlank(lines[m - 1] ?? '') || isBlank(lines[m] ?? '')) continue;
        next = readUserBlock(lines, m, chunk.to);
        if (next) {
          postTo = m - 1;
          diagnostics.push({
            rule: 'missing-separator',
            severity: 'info',
            message: `A user block for "${excerpt(next.name, 40)}" stands inside a post with no separator line before it. It was read as the start of a new post; check the capture if that is wrong.`,
            line: m + 1,
          });
          break;
        }
      }
      posts.push(buildPost(lines, postFrom, postTo, bodyFrom, block, posts.length + 1, ledger, diagnostics));
      if (!next) break;
      postFrom = next.nameLine;
      block = next;
    }
  }
  return { title, posts, diagnostics };
}

function buildPost(
  lines: string[],
  from: number,
  to: number,
  bodyFrom: number,
  block: UserBlock | null,
  n: number,
  ledger: Ledger,
  diagnostics: Diagnostic[],
): Post {
  if (block) {
    ledger.claim(block.nameLine, block.nameLine, 'user-block');
    for (const b of block.badgeLines) ledger.claim(b, b, 'badge');
  }
  let edited = false;
  const own: number[] = [];
  for (let j = bodyFrom; j <= to; j++) {
    const l = lines[j] ?? '';
    if (EDITED_LINE.test(l)) {
      edited = true;
      ledger.claim(j, j, 'edited-marker');
      continue;
    }
    own.push(j);
    if (!isBlank(l)) ledger.claim(j, j, 'post');
  }
  const segments = ownSegmentsOf(lines, own);
  if (segments.length === 0) {
    diagnostics.push({
      rule: 'empty-post',
      severity: 'warning',
      message: `Post ${n} has no text after its ${block ? 'user block' : 'separator'}. It is kept so that later post numbers do not shift; check the capture for text lost in copying.`,
      line: from + 1,
    });
  }
  const firstLine = block ? block.nameLine : segments[0]?.kind === 'own' ? segments[0].line - 1 : from;
  return {
    n,
    author: block ? block.name : null,
    authorEvidence: block ? 'user-block' : null,
    badges: block ? block.badges : [],
    edited,
    date: null,
    replyTo: null,
    line: firstLine + 1,
    text: ownText(segments),
    segments,
    quotes: [],
  };
}

/**
 * Confidence that lines are a flat-text capture: 0.8 with a line holding only
 * a no-break space, or two lines holding only a space; else 0.
 */
export function detectPlainCapture(lines: readonly string[]): number {
  let spaces = 0;
  for (const line of lines) {
    if (line === '\u00a0') return 0.8;
    if (line === ' ' && ++spaces >= 2) return 0.8;
  }
  return 0;
}

/** Flat text copied from a forum page, posts separated by no-break-space lines (`plain-capture`). */
export const plainCapture: CaptureFormatPlugin = {
  name: 'plain-capture',
  label: 'flat-text capture: quotes reconstructed from repeated text',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: true,
  signatures: true,
  detect: detectPlainCapture,
  split: splitPlainCapture,
};

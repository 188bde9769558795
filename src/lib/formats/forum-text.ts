/**
 * Forum text with nothing between posts (`forum-text`): a thread copied from
 * a board whose text keeps no names, headers or separators, so posts are
 * joined by single newlines like the paragraphs of one post. Nothing shows
 * where one post ends, so the capture is imported as one post, with a warning,
 * and never split by guesswork. The first line is the title when it reads as one.
 * Recognised by its conversational prose (first and second person, forum
 * shorthand) without the headings of an essay.
 */
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { isBlank } from '../text/text.js';
import { ForumThread } from './forum/body.js';
import { isTitleLike, threadResult } from './forum/title.js';
import { isHeadingLike } from './essay.js';

/** Words of someone talking to others: first and second person, and forum shorthand. */
const CONVERSATION = /\b(?:I|I'm|I'd|I've|I'll|me|my|mine|you|your|you're|yours|IMO|IMHO|AFAIK|lol|OTL|ASB|POD|PoD)\b/;

/**
 * Splits the capture into a title and one post.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitForumText(lines: string[], start: number, ledger: Ledger): FormatResult {
  const t = new ForumThread(lines, ledger);
  const end = lines.length - 1;
  let i = start;
  while (i <= end && isBlank(lines[i] ?? '')) i++;
  let title: string | null = null;
  if (i <= end && isTitleLike(lines[i] ?? '') && !CONVERSATION.test(lines[i] ?? '')) {
    title = (lines[i] ?? '').trim();
    ledger.claim(i, i, 'title');
    i++;
  }
  const post = t.addPost({ author: null, evidence: 'heading' }, i, end);
  const rows = lines.slice(i).filter((l) => !isBlank(l)).length;
  t.diagnostics.push({
    rule: 'no-separators',
    severity: 'warning',
    message: `Nothing in this capture marks where one post ends and the next begins (no separator lines, user blocks or post headers), so its ${rows} lines were imported as one post with no author. Capture the thread from a view that keeps names or separators, or split it by hand into a Markdown export, if its posts matter.`,
    line: post.line,
  });
  return threadResult(t, title, start + 1);
}

/**
 * Confidence that lines are forum text with no separators: 0.45 (above an
 * essay's 0.4) when a fifth of its prose lines (six words or more) talk in
 * the first or second person and at most one short line reads as a heading;
 * 0.25 when a tenth do; else 0. Needs two prose lines.
 */
export function detectForumText(lines: readonly string[]): number {
  let prose = 0;
  let talk = 0;
  let headings = 0;
  for (const l of lines) {
    if (isBlank(l)) continue;
    if (l.trim().split(/\s+/).length >= 6) {
      prose++;
      if (CONVERSATION.test(l)) talk++;
    } else if (isHeadingLike(l)) headings++;
  }
  if (prose < 2) return 0;
  const share = talk / prose;
  if (share >= 0.2 && headings <= 1 + prose / 20) return 0.45;
  return share >= 0.1 ? 0.25 : 0;
}

/** Forum text with no post separators, imported as one post (`forum-text`). */
export const forumText: CaptureFormatPlugin = {
  name: 'forum-text',
  label: 'forum text with no post separators (imported as one post)',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: false,
  signatures: false,
  detect: detectForumText,
  split: splitForumText,
};

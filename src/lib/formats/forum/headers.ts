/**
 * Forum text whose posts open with a header (vBulletin, phpBB, MyBB): once a
 * format has found its headers, the posts are the lines between them. Text
 * before the first header is a post of its own, with no author, when it is
 * not page chrome. Dates are read in the capture's own numeric order.
 */
import type { Diagnostic } from '../../model.js';
import { isBlank } from '../../text/text.js';
import { isDate, isNumericDate, numericOrder, readDate, type DayOrder } from '../../text/dates.js';
import { chromeOf, type ForumThread } from './body.js';

/** A post header: where it stands, what it says, and how its lines are claimed. */
export interface PostHeader {
  /** 0-based first line of the header. */
  line: number;
  /** 0-based first line after the header (the body's first line). */
  end: number;
  author: string | null;
  badges: string[];
  /** The date as printed, or null (read into ISO by `postsFromHeaders`). */
  dateText: string | null;
  /** Ledger claims for the header's lines: `[from, to, rule]`, 0-based inclusive. */
  claims: [number, number, string][];
}

/**
 * How a capture's all-numeric dates are read: in the order its unambiguous
 * dates show, else in `fallback` (the board's default), with a note saying so.
 */
export function dateOrder(texts: readonly string[], fallback: DayOrder, line: number): { order: DayOrder; diagnostic: Diagnostic | null } {
  const numeric = texts.filter(isNumericDate);
  const found = numericOrder(numeric);
  if (found || numeric.length === 0) return { order: found ?? fallback, diagnostic: null };
  return {
    order: fallback,
    diagnostic: {
      rule: 'date-order-assumed',
      severity: 'info',
      message: `The capture's dates are all-numeric (such as "${numeric[0]}") and none shows whether the day or the month comes first. They were read ${fallback === 'mdy' ? 'month first, the board software\'s default' : 'day first'}; if the board printed them the other way, these post dates are wrong and should be checked against the thread.`,
      line,
    },
  };
}

/**
 * Adds the posts of a capture whose posts open with `headers` (in order),
 * reading the lines from `from` to `to` (0-based, inclusive).
 * @param order how all-numeric dates are read
 */
export function postsFromHeaders(t: ForumThread, headers: readonly PostHeader[], from: number, to: number, order: DayOrder): void {
  const firstHeader = headers[0]?.line ?? to + 1;
  // Page chrome above the first header is claimed; any other text there is a post with no header.
  let lead = from;
  for (let k = from; k < firstHeader; k++) {
    const rule = chromeOf(t.lines[k] ?? '', t.chrome);
    if (rule) t.ledger.claim(k, k, rule);
  }
  while (lead < firstHeader && (isBlank(t.lines[lead] ?? '') || t.ledger.kind(lead) !== null)) lead++;
  if (lead < firstHeader) {
    const post = t.addPost({ author: null, evidence: 'heading' }, lead, firstHeader - 1);
    t.diagnostics.push({
      rule: 'post-without-header',
      severity: 'info',
      message: `Post ${post.n} stands before the first post header, so the capture does not say who wrote it. Its author is shown as unknown; capture the page from its top to get the header.`,
      line: lead + 1,
    });
  }
  headers.forEach((h, k) => {
    for (const [a, b, rule] of h.claims) t.ledger.claim(a, b, rule);
    const next = headers[k + 1]?.line ?? to + 1;
    t.addPost(
      { author: h.author, evidence: 'heading', badges: h.badges, date: h.dateText ? readDate(h.dateText, order) : null, line: h.line },
      h.end,
      next - 1,
    );
  });
}

/**
 * Splits `Name <date>` or `<date> Name` (the two cells of a print view's
 * header row copied onto one line) into the name and the date as printed.
 * @returns null when neither end of the line is a date
 */
export function nameAndDate(line: string): { name: string; date: string } | null {
  const t = line.trim();
  const cuts = [...t.matchAll(/[\t ]+/g)].map((m) => ({ at: m.index ?? 0, len: m[0].length }));
  for (const c of cuts) {
    const date = t.slice(c.at + c.len);
    if (isDate(date) && c.at > 0) return { name: t.slice(0, c.at).replace(/[\s\-–—|,:·]+$/, '').trim(), date };
  }
  for (let k = cuts.length - 1; k >= 0; k--) {
    const c = cuts[k]!;
    const date = t.slice(0, c.at);
    if (isDate(date) && c.at + c.len < t.length) return { name: t.slice(c.at + c.len).replace(/^[\s\-–—|,:·]+/, '').trim(), date };
  }
  return null;
}

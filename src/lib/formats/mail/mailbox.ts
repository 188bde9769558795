/**
 * Mailboxes as lines: where each message of an mbox file (or the one message
 * of an `.eml` file) starts, where its header block ends, and its header
 * fields, unfolded. Shared by the mail format and the read stage that decodes
 * MIME ahead of the importer, so both see the same messages. Pure; never throws.
 */
import { isBlank } from '../../text/text.js';

/**
 * An mbox separator line (RFC 4155): `From <sender> <asctime date>`, as written
 * by mail stores (`From john@example.org Tue Mar  3 10:00:00 2009`), Thunderbird
 * (`From - Tue Mar 03 …`) and list archives (`From john at example.org  Tue …`).
 * A time and a four-digit year are required, so a body line "From what I know…" is not one.
 */
export const FROM_LINE = /^From (?:\S+(?: at \S+)?|-)\s+.*\b\d{1,2}:\d{2}(?::\d{2})?\b.*\b\d{4}\b.*$|^From (?:\S+(?: at \S+)?|-)\s+.*\b\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?.*$/;

/** A header field's first line: a printable name without spaces, a colon. */
export const HEADER_LINE = /^([!-9;-~]{1,76}):[ \t]?(.*)$/;

/** Header names that show a block of lines is a message's header (at least two of them). */
const MESSAGE_HEADERS = /^(?:from|date|subject|message-id|newsgroups|path|received|return-path|mime-version|to|cc|in-reply-to|references|x-[\w-]+|content-type|organization|lines|nntp-posting-host|user-agent|delivered-to|reply-to|sender|list-id|xref)$/i;

/** One header field, unfolded, with the 0-based lines it spans. */
export interface HeaderField {
  /** The name as written (`Message-ID`). */
  name: string;
  /** The value with folding removed (continuation lines joined by their white space). */
  value: string;
  first: number;
  last: number;
}

/** A message's place in the capture (0-based lines, inclusive). */
export interface MessageSpan {
  /** The `From ` separator line, or -1 when the message has none (an `.eml`). */
  separator: number;
  /** First and last header line (last < first when there are none). */
  headerFirst: number;
  headerLast: number;
  /** First and last body line (last < first when the body is empty). */
  bodyFirst: number;
  bodyLast: number;
  headers: HeaderField[];
}

/** The lowercase-named field's value (the first one), or undefined. */
export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  const n = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === n)?.value;
}

/**
 * Reads a header block from line `from` up to the first blank line (or `to`).
 * Lines that are neither a field nor a continuation end the block.
 * @returns the fields and the 0-based index of the line after the block
 */
export function readHeaderBlock(lines: readonly string[], from: number, to: number): { headers: HeaderField[]; next: number } {
  const headers: HeaderField[] = [];
  let i = from;
  for (; i <= to; i++) {
    const l = lines[i] ?? '';
    if (isBlank(l)) break;
    const cont = /^[ \t]/.test(l);
    const last = headers[headers.length - 1];
    if (cont && last) {
      last.value += `\n${l}`;
      last.last = i;
      continue;
    }
    const m = HEADER_LINE.exec(l);
    if (!m) break;
    headers.push({ name: m[1] ?? '', value: m[2] ?? '', first: i, last: i });
  }
  for (const h of headers) h.value = h.value.replace(/\r?\n(?=[ \t])/g, '').trim();
  return { headers, next: i };
}

/** True when the lines from `at` start a message header: at least two known fields before the first blank line. */
export function startsHeader(lines: readonly string[], at: number): boolean {
  let known = 0;
  for (let i = at; i < lines.length && i < at + 200; i++) {
    const l = lines[i] ?? '';
    if (isBlank(l)) break;
    if (/^[ \t]/.test(l)) continue;
    const m = HEADER_LINE.exec(l);
    if (!m) return false;
    if (MESSAGE_HEADERS.test(m[1] ?? '')) known++;
  }
  return known >= 2;
}

/**
 * Where the messages of a mailbox are: split at `From ` separator lines that
 * follow a blank line (or start the capture) and are followed by a header;
 * without any, the whole capture is one message (`.eml`).
 * @param start 0-based first line after front matter
 */
export function splitMailbox(lines: readonly string[], start: number): MessageSpan[] {
  const seps: number[] = [];
  for (let i = start; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (!l.startsWith('From ') || !FROM_LINE.test(l)) continue;
    let prev = i - 1;
    if (prev >= start && !isBlank(lines[prev] ?? '')) continue;
    if (startsHeader(lines, i + 1) || HEADER_LINE.test(lines[i + 1] ?? '')) seps.push(i);
  }
  const spans: MessageSpan[] = [];
  if (seps.length === 0) {
    let first = start;
    while (first < lines.length && isBlank(lines[first] ?? '')) first++;
    spans.push(span(lines, -1, first, lines.length - 1));
    return spans;
  }
  // Text before the first separator (a capture cut at its start) is a message of its own: with its header when it has one.
  let first = start;
  while (first < seps[0]! && isBlank(lines[first] ?? '')) first++;
  if (first < seps[0]!) spans.push(span(lines, -1, first, seps[0]! - 1));
  seps.forEach((s, k) => spans.push(span(lines, s, s + 1, (seps[k + 1] ?? lines.length) - 1)));
  return spans;
}

function span(lines: readonly string[], separator: number, from: number, to: number): MessageSpan {
  const { headers, next } = readHeaderBlock(lines, from, to);
  const bodyFirst = next < lines.length && isBlank(lines[next] ?? '') ? next + 1 : next;
  let bodyLast = to;
  while (bodyLast >= bodyFirst && isBlank(lines[bodyLast] ?? '')) bodyLast--;
  return { separator, headerFirst: from, headerLast: next - 1, bodyFirst, bodyLast, headers };
}

/**
 * Confidence that lines are a mailbox or a message: 0.95 when the first line
 * is an mbox `From ` line followed by a header, 0.9 when the capture opens with
 * a message header (two known fields or more), else 0.
 */
export function detectMailbox(lines: readonly string[]): number {
  let i = 0;
  while (i < lines.length && isBlank(lines[i] ?? '')) i++;
  const first = lines[i] ?? '';
  if (first.startsWith('From ') && FROM_LINE.test(first) && startsHeader(lines, i + 1)) return 0.95;
  return startsHeader(lines, i) ? 0.9 : 0;
}

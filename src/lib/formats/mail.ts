/**
 * Mail and Usenet: an mbox file (messages after `From ` separator lines, in
 * any order) or a single `.eml` message, also a plain-text list digest
 * (`Message: N` blocks between dashed lines). Every message is a post, numbered
 * in file order. Its header gives the author (`From:` display name, else the
 * address's local part; the signature's first line when there is no `From:`),
 * the date (with its offset), and, through `In-Reply-To` / `References`, the
 * post it answers (`replyTo`, which may point forward in the file). Bodies that
 * need MIME decoding were decoded by postal-mime in the read stage
 * (`read/mail-mime.ts`); the text/plain part is preferred, an HTML-only body
 * is converted to Markdown text, forwarded messages become quotes of their
 * author. Quotes are read by `mail/mail-body.ts`.
 */
import type { Diagnostic, Post } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult, FormatInput } from './format.js';
import { excerpt, isBlank } from '../text/text.js';
import { ownText } from '../text/segments.js';
import { PassageIndex } from '../quotes/passage-index.js';
import { detectMailbox, headerValue, readHeaderBlock, splitMailbox, startsHeader, type MessageSpan } from './mail/mailbox.js';
import { authorFromAddress, baseSubject, decodeHeader, mailDate, messageIds } from './mail/headers.js';
import { readMailBody, type BodyLine, type MailBody } from './mail/mail-body.js';
import { mimeLineKinds, needsMime, plainLines } from './mail/mime-parts.js';
import { parseHtml, hastToMarkdown } from './html/html-tree.js';
import type { DecodedMessage } from '../read/mail-mime.js';
import { replyLinks } from './mail/threading.js';

/** Header fields whose values the post keeps (its date, subject and reply link): placed as `post-header`. */
const KEPT_HEADERS = /^(?:date|subject|message-id|in-reply-to|references)$/i;

/** A message to import: its span, and where its body lines come from. */
interface Message {
  span: MessageSpan;
  author: string | null;
  date: string | null;
  subject: string | null;
  id: string | null;
  inReplyTo: string[];
  references: string[];
  rows: BodyLine[];
  /** True when `rows` are the capture's own lines (claims apply); false for decoded MIME. */
  verbatim: boolean;
  decoded: DecodedMessage | undefined;
  /** For a message of a MIME digest: the digest message it came from (whose lines it shares). */
  digest?: Message;
}

/**
 * The messages of a MIME digest (`multipart/digest`, each part a `message/rfc822`),
 * as messages of their own; other messages as they are.
 */
function expandDigests(lines: readonly string[], messages: Message[], diagnostics: Diagnostic[]): Message[] {
  return messages.flatMap((m) => {
    const type = headerValue(m.span.headers, 'content-type') ?? '';
    const inner = m.decoded?.forwarded ?? [];
    if (inner.length === 0 || !/^\s*multipart\//i.test(type)) return [m];
    // Mailman's digests are a multipart/mixed holding the table of contents and a multipart/digest.
    let digest = /^\s*multipart\/digest\b/i.test(type);
    for (let i = m.span.bodyFirst; !digest && i <= m.span.bodyLast; i++) digest = /^Content-Type:\s*multipart\/digest\b/i.test(lines[i] ?? '');
    if (!digest) return [m];
    diagnostics.push({
      rule: 'mail-digest',
      severity: 'info',
      message: `The message at line ${m.span.headerFirst + 1} is a MIME digest of ${inner.length} messages; each was imported as a post, and the digest's own header was dropped.`,
      line: m.span.headerFirst + 1,
    });
    return inner.map((f): Message => ({
      span: m.span,
      author: f.from ? authorFromAddress(f.from) : null,
      date: f.date ? mailDate(f.date) : null,
      subject: f.subject,
      id: messageIds(f.messageId ?? undefined)[0] ?? null,
      inReplyTo: messageIds(f.inReplyTo ?? undefined),
      references: messageIds(f.references ?? undefined),
      rows: f.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').map((t) => ({ text: t, line: m.span.bodyFirst })),
      verbatim: false,
      decoded: undefined,
      digest: m,
    }));
  });
}

/** A dashed line between the messages of a plain-text digest (RFC 1153, Mailman). */
const DIGEST_SEPARATOR = /^-{20,}\s*$/;
const DIGEST_NUMBER = /^Message:\s*\d+\s*$/i;

/**
 * The messages inside a plain-text digest's body: each header block that
 * follows a dashed separator line (optionally after `Message: N`). Empty when
 * the body is not a digest.
 */
function digestParts(lines: readonly string[], span: MessageSpan): { spans: MessageSpan[]; marks: number[] } {
  const marks: number[] = [];
  const parts: { sep: number; start: number }[] = [];
  for (let i = span.bodyFirst; i <= span.bodyLast; i++) {
    if (!DIGEST_SEPARATOR.test(lines[i] ?? '')) continue;
    let j = i + 1;
    while (j <= span.bodyLast && isBlank(lines[j] ?? '')) j++;
    if (DIGEST_NUMBER.test(lines[j] ?? '')) {
      j++;
      while (j <= span.bodyLast && isBlank(lines[j] ?? '')) j++;
    }
    if (!startsHeader(lines, j)) continue;
    parts.push({ sep: i, start: j });
    for (let k = i; k < j; k++) marks.push(k);
    i = j;
  }
  const spans = parts.map(({ start }, k) => {
    let to = (parts[k + 1]?.sep ?? span.bodyLast + 1) - 1;
    if (k === parts.length - 1) {
      // The digest's footer follows the last dashed line after the last message.
      for (let m = to; m > start; m--) {
        if (DIGEST_SEPARATOR.test(lines[m] ?? '')) {
          to = m - 1;
          break;
        }
      }
    }
    while (to > start && (isBlank(lines[to] ?? '') || DIGEST_SEPARATOR.test(lines[to] ?? ''))) to--;
    const { headers, next } = readHeaderBlock(lines, start, to);
    const bodyFirst = next <= to && isBlank(lines[next] ?? '') ? next + 1 : next;
    return { separator: -1, headerFirst: start, headerLast: next - 1, bodyFirst, bodyLast: to, headers };
  });
  return { spans, marks };
}

function readMessage(lines: readonly string[], span: MessageSpan, decoded: DecodedMessage | undefined, diagnostics: Diagnostic[]): Message {
  const h = span.headers;
  const from = headerValue(h, 'from') ?? headerValue(h, 'sender');
  const subject = headerValue(h, 'subject');
  let date = mailDate(headerValue(h, 'date') ?? '') ?? mailDate(headerValue(h, 'nntp-posting-date') ?? '');
  if (date === null && span.separator >= 0) {
    const asctime = /^From \S+(?: at \S+)?\s+(.*)$/.exec(lines[span.separator] ?? '')?.[1];
    if (asctime) date = mailDate(asctime);
  }
  let rows: BodyLine[] = [];
  let verbatim = true;
  const raw = Math.max(0, span.bodyLast - span.bodyFirst + 1);
  if (needsMime(h)) {
    if (decoded && !decoded.error && (decoded.text !== null || decoded.html !== null)) {
      const text = decoded.text ?? hastToMarkdown(parseHtml(decoded.html ?? ''));
      const decodedLines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
      // 8-bit text decoded by its charset keeps its lines: they are still the capture's lines, one for one.
      verbatim = plainLines(h) && decodedLines.length === raw;
      rows = decodedLines.map((t, k) => ({ text: t, line: verbatim ? span.bodyFirst + k : Math.min(span.bodyFirst + k, Math.max(span.bodyFirst, span.bodyLast)) }));
    } else if (!plainLines(h, true)) {
      diagnostics.push({
        rule: 'mail-not-decoded',
        severity: 'warning',
        message: `The message at line ${span.headerFirst + 1} is MIME-encoded${decoded?.error ? ` and could not be decoded (${excerpt(decoded.error, 80)})` : ', but it was not decoded before import'}. Its raw lines are shown as they are; import the file through the content loader or \`npm run parse\`, which decode MIME.`,
        line: span.headerFirst + 1,
      });
    }
  }
  if (rows.length === 0) verbatim = true;
  if (verbatim && rows.length === 0) for (let i = span.bodyFirst; i <= span.bodyLast; i++) rows.push({ text: lines[i] ?? '', line: i });
  return {
    span,
    author: from ? authorFromAddress(from) : null,
    date,
    subject: subject !== undefined ? decodeHeader(subject) : null,
    id: messageIds(headerValue(h, 'message-id'))[0] ?? null,
    inReplyTo: messageIds(headerValue(h, 'in-reply-to')),
    references: messageIds(headerValue(h, 'references')),
    rows,
    verbatim,
    decoded,
  };
}

/** Claims a message's header lines: the author's line, kept fields, other fields, and the mbox separator. */
function claimHeaders(m: Message, ledger: Ledger): void {
  if (m.span.separator >= 0) ledger.claim(m.span.separator, m.span.separator, 'mbox-separator');
  for (const f of m.span.headers) {
    const name = f.name.toLowerCase();
    const kind = (name === 'from' || name === 'sender') && m.author ? 'author' : KEPT_HEADERS.test(name) ? 'post-header' : 'mail-header';
    ledger.claim(f.first, f.last, kind);
  }
}

/** Reads every body, twice when needed: the second reading knows every message's own words, to tell re-wrapped quoted lines. */
function readBodies(messages: readonly Message[]): MailBody[] {
  const known = new Set(messages.flatMap((m) => (m.author ? [m.author] : [])));
  const first = messages.map((m) => readMailBody(m.rows, { known }));
  const index = new PassageIndex();
  first.forEach((b, k) => index.add(k, ownText(b.segments)));
  return messages.map((m, k) =>
    readMailBody(m.rows, {
      known,
      continues: (quoted, next) => {
        if (!/\p{L}/u.test(next)) return false;
        return index.find(`${quoted} ${next}`, (id) => id !== k).some((h) => h.exact);
      },
    }),
  );
}

/**
 * Splits a mailbox into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 * @param input what the read stage decoded ahead (MIME bodies)
 */
export function splitMail(lines: string[], start: number, ledger: Ledger, input?: FormatInput): FormatResult {
  const diagnostics: Diagnostic[] = [];
  const spans: MessageSpan[] = [];
  for (const span of splitMailbox(lines, start)) {
    const digest = digestParts(lines, span);
    if (digest.spans.length === 0) {
      spans.push(span);
      continue;
    }
    // A digest: its own header and table of contents are chrome; the messages inside are the posts.
    if (span.separator >= 0) ledger.claim(span.separator, span.separator, 'mbox-separator');
    for (const f of span.headers) ledger.claim(f.first, f.last, 'digest-chrome');
    for (const k of digest.marks) ledger.claim(k, k, 'digest-chrome');
    const inside = new Set<number>();
    for (const s of digest.spans) for (let k = s.headerFirst; k <= s.bodyLast; k++) inside.add(k);
    for (let k = span.bodyFirst; k <= span.bodyLast; k++) if (!inside.has(k) && !isBlank(lines[k] ?? '')) ledger.claim(k, k, 'digest-chrome');
    diagnostics.push({
      rule: 'mail-digest',
      severity: 'info',
      message: `The message at line ${span.headerFirst + 1} is a digest of ${digest.spans.length} messages; each was imported as a post, and the digest's own header and table of contents were dropped.`,
      line: span.headerFirst + 1,
    });
    spans.push(...digest.spans);
  }
  const messages = expandDigests(
    lines,
    spans.map((s) => readMessage(lines, s, input?.mime?.messages[s.headerFirst], diagnostics)),
    diagnostics,
  );
  const bodies = readBodies(messages);
  const parents = replyLinks(messages);
  const posts: Post[] = messages.map((m, k) => {
    const body = bodies[k]!;
    const n = k + 1;
    if (m.digest) {
      // The digest's own header is chrome; its message parts are the posts.
      for (const f of m.span.headers) ledger.claim(f.first, f.last, 'digest-chrome');
      if (m.span.separator >= 0) ledger.claim(m.span.separator, m.span.separator, 'mbox-separator');
    } else claimHeaders(m, ledger);
    if (m.verbatim) for (const c of body.claims) ledger.claim(c.line, c.line, c.kind);
    else {
      const kinds = mimeLineKinds(lines, m.span.headers, m.span.bodyFirst, m.span.bodyLast);
      // In a digest, the message parts are the posts and the rest (table of contents, footer) is chrome.
      const inDigest = (kind: string) => (kind === 'quote' ? 'post' : kind === 'post' || kind === 'mime-alternative' ? 'digest-chrome' : kind);
      kinds.forEach((kind, j) => ledger.claim(m.span.bodyFirst + j, m.span.bodyFirst + j, m.digest ? inDigest(kind) : kind));
    }
    let author = m.author;
    let evidence: Post['authorEvidence'] = author ? 'heading' : null;
    if (!author && body.signatureName) {
      author = body.signatureName;
      evidence = 'signature';
      if (m.verbatim && body.signatureLine >= 0) ledger.reclaim(body.signatureLine, body.signatureLine, 'signature');
    }
    const segments = [...body.segments];
    const quotes = [...body.quotes];
    for (const f of m.decoded?.forwarded ?? []) {
      if (!f.text.trim()) continue;
      quotes.push({ author: f.from, text: f.text.trim(), sourcePost: null, sourceThread: null, reconstructed: false, line: m.span.bodyFirst + 1 });
      segments.push({ kind: 'quote', quote: quotes.length - 1 });
    }
    if (segments.length === 0) {
      diagnostics.push({
        rule: 'empty-post',
        severity: 'warning',
        message: `Message ${n} has no text of its own or quoted. It is kept so that later post numbers do not shift; check the capture for a body lost in copying.`,
        line: m.span.headerFirst + 1,
      });
    }
    if (!author) {
      diagnostics.push({
        rule: 'mail-without-author',
        severity: 'info',
        message: `Message ${n} has no From: header and no signature that names its writer. Its author is shown as unknown.`,
        line: m.span.headerFirst + 1,
      });
    }
    return {
      n,
      author,
      authorEvidence: evidence,
      badges: [],
      edited: false,
      date: m.date,
      replyTo: parents[k] ?? null,
      line: m.digest ? (m.rows[0]?.line ?? m.span.bodyFirst) + 1 : (m.span.separator >= 0 ? m.span.separator : m.span.headerFirst) + 1,
      text: ownText(segments),
      segments,
      quotes,
    };
  });
  // The thread's title: the subject of the first message that answers none in the capture.
  const root = messages.find((_, k) => parents[k] === null && messages[k]!.subject) ?? messages.find((m) => m.subject);
  const title = root?.subject ? baseSubject(root.subject) || null : null;
  return { title, titleInferred: false, posts, diagnostics };
}

/** The mail format (`mail`): mbox files, single `.eml` messages and plain-text digests. */
export const mail: CaptureFormatPlugin = {
  name: 'mail',
  label: 'mail or Usenet messages (mbox or .eml)',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: false,
  signatures: false,
  detect: detectMailbox,
  split: splitMail,
};

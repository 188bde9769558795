/**
 * MIME decoding of mail captures, ahead of the importer. postal-mime (the
 * maintained, dependency-free MIME parser of the EmailEngine authors) decodes
 * multipart messages, quoted-printable, base64, charsets and format=flowed,
 * but only asynchronously, while the importer is synchronous. So the read stage
 * (the content loader and the parse command, which have the file's bytes)
 * decodes every message that needs MIME before the importer runs, and hands the
 * result to the mail format with the capture (`CaptureInput.mime`).
 *
 * Messages are found with the same splitter the mail format uses, so both see
 * the same messages, keyed by the 0-based line of their first header line.
 * Pure (no file I/O); never rejects.
 */
import PostalMime from 'postal-mime';
import { splitMailbox, detectMailbox } from '../formats/mail/mailbox.js';
import { needsMime } from '../formats/mail/mime-parts.js';
import { readFrontMatter } from './front-matter.js';
import { normaliseSource } from '../text/text.js';
import { c1ToWindows1252 } from './windows-1252.js';

/** A message forwarded as an attachment (`message/rfc822`), decoded. */
export interface ForwardedMessage {
  from: string | null;
  /** The `Date:` header as written. */
  date: string | null;
  subject: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string | null;
  text: string;
}

/** One message as postal-mime decoded it. */
export interface DecodedMessage {
  /** The text/plain body (preferred over HTML), or null when the message has none. */
  text: string | null;
  /** The HTML body, used when there is no text/plain one. */
  html: string | null;
  forwarded: ForwardedMessage[];
  /** Why decoding failed, when it did (the raw lines are then read as they are). */
  error?: string;
}

/** The decoded messages of one capture, by the 0-based line of their first header line. */
export interface MimeDecoding {
  messages: Record<number, DecodedMessage>;
}

/** Byte offsets of each line start, splitting as `normaliseSource` does (LF, CRLF and lone CR; a UTF-8 BOM skipped). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts: number[] = [bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0];
  for (let i = starts[0]!; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) starts.push(i + 1);
    else if (bytes[i] === 0x0d) {
      if (bytes[i + 1] === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

async function decodeOne(bytes: Uint8Array): Promise<DecodedMessage> {
  try {
    const email = await PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
    const forwarded: ForwardedMessage[] = [];
    for (const a of email.attachments) {
      if (a.mimeType !== 'message/rfc822' || typeof a.content === 'string') continue;
      const inner = await PostalMime.parse(a.content as ArrayBuffer);
      const from = inner.from ? inner.from.name || ('address' in inner.from ? (inner.from.address ?? null) : null) : null;
      const header = (key: string) => inner.headers.find((h) => h.key === key)?.value ?? null;
      forwarded.push({
        from: from || null,
        date: header('date'),
        subject: inner.subject ?? null,
        messageId: header('message-id'),
        inReplyTo: header('in-reply-to'),
        references: header('references'),
        text: c1ToWindows1252(inner.text ?? ''),
      });
    }
    // postal-mime decodes charsets with Node's TextDecoder, which reads Windows-1252 bytes 0x80-0x9F as controls.
    const fix = (t: string | undefined) => (t === undefined ? null : c1ToWindows1252(t));
    return { text: fix(email.text), html: fix(email.html), forwarded };
  } catch (e) {
    return { text: null, html: null, forwarded: [], error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Decodes the MIME messages of a mail capture (an mbox or an `.eml`).
 * @param bytes the file as read
 * @param text the same file decoded (`decodeCapture`), whose lines the importer reads
 * @returns the decoded messages, or undefined when the capture is not mail or needs no decoding
 */
export async function decodeMailCapture(bytes: Uint8Array, text: string): Promise<MimeDecoding | undefined> {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const lines = normaliseSource(text).text.split('\n');
  const start = readFrontMatter(lines).lines;
  if (detectMailbox(lines.slice(start)) === 0) return undefined;
  const starts = lineStarts(bytes);
  if (starts.length !== lines.length) return undefined; // the bytes and the text disagree: read the text as it is
  const messages: Record<number, DecodedMessage> = {};
  for (const span of splitMailbox(lines, start)) {
    if (!needsMime(span.headers)) continue;
    const from = starts[span.headerFirst] ?? bytes.length;
    const to = starts[span.bodyLast + 1] ?? bytes.length;
    messages[span.headerFirst] = await decodeOne(bytes.subarray(from, Math.max(from, to)));
  }
  return Object.keys(messages).length > 0 ? { messages } : undefined;
}

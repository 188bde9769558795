/**
 * What the mail format needs to know about MIME without decoding it (decoding
 * is postal-mime's job, in `read/mail-mime.ts`): whether a message needs
 * decoding at all, and, for the accounting, which raw lines of a MIME body are
 * structure (boundaries, part headers), the text part that became the post, an
 * HTML alternative or an attachment. Pure; never throws.
 */
import type { HeaderField } from './mailbox.js';
import { headerValue, readHeaderBlock } from './mailbox.js';

/** Charsets whose 8-bit text the read stage already decoded correctly (UTF-8, and Windows-1252 for files that are not UTF-8). */
const TEXT_AS_READ = /^(?:us-ascii|ascii|utf-?8|iso-8859-1|latin-?1|windows-1252|cp1252|ansi_x3\.4-1968)$/i;

/** A header parameter's value (`charset`, `boundary`), unquoted; undefined when absent. */
export function headerParam(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const m = new RegExp(`;\\s*${name}\\*?\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * True when a message's body should be MIME-decoded to be read exactly: a type
 * other than text/plain, a quoted-printable or base64 transfer encoding,
 * format=flowed, or a charset other than ASCII (8-bit text is decoded from the
 * file's bytes by its declared charset, since one mbox may mix charsets).
 */
export function needsMime(headers: readonly HeaderField[]): boolean {
  const type = headerValue(headers, 'content-type');
  const cte = (headerValue(headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  if (cte === 'quoted-printable' || cte === 'base64') return true;
  if (!type) return false;
  if (!/^\s*text\/plain\b/i.test(type)) return true;
  if (/format\s*=\s*"?flowed/i.test(type)) return true;
  const charset = headerParam(type, 'charset');
  return charset !== undefined && !/^(?:us-ascii|ascii|ansi_x3\.4-1968)$/i.test(charset.trim());
}

/**
 * True when a message is one text/plain part whose raw lines are its text line
 * for line (no transfer encoding, not flowed); with `asRead`, also only when its
 * charset is one the read stage decodes the same way (ASCII, UTF-8, Latin-1,
 * Windows-1252), so the raw lines can stand in for a decoding.
 */
export function plainLines(headers: readonly HeaderField[], asRead = false): boolean {
  const type = headerValue(headers, 'content-type');
  const cte = (headerValue(headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  if (cte === 'quoted-printable' || cte === 'base64') return false;
  if (!type) return true;
  if (!/^\s*text\/plain\b/i.test(type) || /format\s*=\s*"?flowed/i.test(type)) return false;
  const charset = headerParam(type, 'charset');
  return !asRead || charset === undefined || TEXT_AS_READ.test(charset.trim());
}

/**
 * How the raw body lines of a MIME message are accounted for: boundary lines,
 * part headers, preamble and epilogue are `mime-structure`; the first text/plain
 * part (or, without one, the first text/html part) is `post`; other text parts
 * are `mime-alternative`; everything else is `mime-attachment`.
 * @returns one claim kind per line from `bodyFirst` to `bodyLast` (0-based, inclusive)
 */
export function mimeLineKinds(lines: readonly string[], headers: readonly HeaderField[], bodyFirst: number, bodyLast: number): string[] {
  const kinds: string[] = new Array<string>(Math.max(0, bodyLast - bodyFirst + 1)).fill('post');
  const top = headerValue(headers, 'content-type') ?? 'text/plain';
  if (!/^\s*multipart\//i.test(top)) return kinds;
  const boundaries = new Set<string>();
  const addBoundary = (v: string | undefined) => {
    const b = headerParam(v, 'boundary');
    if (b) boundaries.add(b);
  };
  addBoundary(top);
  const isBoundary = (l: string) => {
    if (!l.startsWith('--')) return false;
    const t = l.trimEnd();
    for (const b of boundaries) if (t === `--${b}` || t === `--${b}--`) return true;
    return false;
  };
  kinds.fill('mime-structure');
  const parts: { type: string; from: number; to: number }[] = [];
  for (let i = bodyFirst; i <= bodyLast; i++) {
    if (!isBoundary(lines[i] ?? '') || (lines[i] ?? '').trimEnd().endsWith('--')) continue;
    const { headers: ph, next } = readHeaderBlock(lines, i + 1, bodyLast);
    // RFC 2046 §5.1.5: a part of a digest without a type is a message.
    const type = headerValue(ph, 'content-type') ?? (/^\s*multipart\/digest/i.test(top) ? 'message/rfc822' : 'text/plain');
    addBoundary(type);
    let j = next + 1;
    while (j <= bodyLast && !isBoundary(lines[j] ?? '')) j++;
    if (!/^\s*multipart\//i.test(type)) parts.push({ type: type.trim().toLowerCase(), from: next + 1, to: j - 1 });
    i = next;
  }
  const text = parts.find((p) => p.type.startsWith('text/plain')) ?? parts.find((p) => p.type.startsWith('text/html'));
  for (const p of parts) {
    const kind = p === text ? 'post' : p.type.startsWith('text/') ? 'mime-alternative' : p.type.startsWith('message/') ? 'quote' : 'mime-attachment';
    for (let k = p.from; k <= p.to; k++) kinds[k - bodyFirst] = kind;
  }
  return kinds;
}

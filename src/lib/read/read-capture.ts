/**
 * The read stage for one file: bytes to the text the importer reads
 * (`decodeCapture`), plus, for mail, MIME bodies decoded ahead
 * (`decodeMailCapture`, asynchronous). The content loader, the parse command
 * and the tests read captures through it. Pure (no file I/O); never rejects.
 */
import type { Diagnostic } from '../model.js';
import { decodeCapture } from './decode.js';
import { decodeMailCapture, type MimeDecoding } from './mail-mime.js';

/** A file as the read stage gives it to the importer. */
export interface ReadBytes {
  /** The text, or null for a binary file (left out of the archive). */
  text: string | null;
  /** MIME bodies of a mail capture, decoded ahead. */
  mime?: MimeDecoding;
  diagnostics: Diagnostic[];
}

/**
 * Reads a capture's bytes. A mailbox that is not UTF-8 as a whole is no fault
 * of the capture (one mbox may hold messages in several charsets, each
 * declared): its `not-utf8` warning becomes a note.
 */
export async function readCaptureBytes(bytes: Uint8Array): Promise<ReadBytes> {
  const decoded = decodeCapture(bytes);
  if (decoded.text === null) return decoded;
  const mime = await decodeMailCapture(bytes, decoded.text);
  if (!mime) return decoded;
  const diagnostics = decoded.diagnostics.map((d) =>
    d.rule === 'not-utf8'
      ? {
          ...d,
          rule: 'mail-charsets',
          severity: 'info' as const,
          message: 'The mailbox is not UTF-8 as a whole. Its MIME messages were decoded by the charsets they declare, and the rest was read as Windows-1252.',
        }
      : d,
  );
  return { text: decoded.text, mime, diagnostics };
}

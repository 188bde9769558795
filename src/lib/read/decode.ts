/**
 * Decoding capture bytes to text: UTF-8 (with or without BOM), UTF-16 with a
 * BOM; binary files and invalid UTF-8 are reported, never thrown.
 */
import type { Diagnostic } from '../model.js';
import { declaredHtmlCharset } from './html-charset.js';
import { decodeLabel, decodeWindows1252 } from './windows-1252.js';

/** What decoding a capture's bytes gives: its text, or null for a binary file, and diagnostics. */
export interface Decoded {
  text: string | null;
  diagnostics: Diagnostic[];
}

/**
 * Decodes bytes as a capture. A file with NUL bytes (and no UTF-16 BOM) is
 * binary: `text` is null and an error diagnostic says so. Bytes that are not
 * valid UTF-8 are decoded as Windows-1252, with a warning, so no text is lost.
 */
export function decodeCapture(bytes: Uint8Array): Decoded {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), diagnostics };
  }
  const probe = bytes.subarray(0, Math.min(bytes.length, 65536));
  if (probe.includes(0)) {
    diagnostics.push({
      rule: 'binary-file',
      severity: 'error',
      message: 'The file holds NUL bytes, so it is binary, not a text capture. It was skipped; save the capture as UTF-8 text or move it out of the content folder.',
      line: 1,
    });
    return { text: null, diagnostics };
  }
  const declared = declaredHtmlCharset(bytes);
  if (declared && !/^(?:utf-?8|unicode-1-1-utf-8)$/.test(declared)) {
    // A saved page in the charset it declares (as the WHATWG Encoding Standard reads labels: a page that
    // says ISO-8859-1 is read as Windows-1252, which is what such pages hold). Bytes that are valid UTF-8
    // with non-ASCII text are UTF-8 whatever the page says: the page was re-saved and kept its old <meta>.
    const utf8 = utf8Text(bytes);
    if (utf8 === null || /^[\x00-\x7f]*$/.test(utf8)) {
      try {
        const text = decodeLabel(bytes, declared);
        diagnostics.push({
          rule: 'declared-charset',
          severity: 'info',
          message: `The page declares its charset as ${declared}; it was read in that charset.`,
          line: null,
        });
        return { text, diagnostics };
      } catch {
        /* a label the decoder does not know: read as below */
      }
    } else return { text: utf8, diagnostics };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics };
  } catch {
    const text = decodeWindows1252(bytes);
    let line = 1;
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    const bad = utf8.indexOf('\ufffd');
    if (bad >= 0) for (let i = 0; i < bad; i++) if (utf8.charCodeAt(i) === 10) line++;
    diagnostics.push({
      rule: 'not-utf8',
      severity: 'warning',
      message: 'The file is not valid UTF-8. It was read as Windows-1252, which may show some characters wrongly; re-save the capture as UTF-8.',
      line,
    });
    return { text, diagnostics };
  }
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

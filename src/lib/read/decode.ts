/**
 * Decoding capture bytes to text: UTF-8 (with or without BOM), UTF-16 with a
 * BOM; binary files and invalid UTF-8 are reported, never thrown.
 */
import type { Diagnostic } from '../model.js';

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
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
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

/**
 * Windows-1252 decoding as the WHATWG Encoding Standard defines it. Node 20's
 * `TextDecoder('windows-1252')` (and every label that maps to it, such as
 * `iso-8859-1`) decodes bytes 0x80–0x9F as C1 control characters, losing the
 * curly quotes, dashes and euro sign those bytes hold in Windows-1252 text.
 * Pure.
 */

/** Code points of bytes 0x80–0x9F (undefined bytes map to the C1 control of the same number, as the standard says). */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes bytes as Windows-1252. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    const codes = new Array<number>(part.length);
    for (let k = 0; k < part.length; k++) {
      const b = part[k]!;
      codes[k] = b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Decodes bytes in the charset a label names (WHATWG labels), with a correct Windows-1252. Throws on an unknown label. */
export function decodeLabel(bytes: Uint8Array, label: string): string {
  const decoder = new TextDecoder(label);
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/**
 * Text decoded by Node's `TextDecoder` from a Windows-1252 or ISO-8859-1 label
 * holds C1 control characters (U+0080–U+009F) where the bytes meant curly
 * quotes, dashes or the euro sign: this puts those characters back. Text never
 * holds C1 controls on purpose, so any text may go through it.
 */
export function c1ToWindows1252(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80]!)) : text;
}

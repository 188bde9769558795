/**
 * Small text utilities shared by the importer's stages. None of them throws.
 */

/** Removes a leading byte-order mark and turns CRLF and lone CR line endings into LF. */
export function normaliseSource(raw: string): { text: string; bom: number; carriageReturns: number } {
  let text = typeof raw === 'string' ? raw : String(raw ?? '');
  let bom = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    bom = 1;
  }
  let carriageReturns = 0;
  text = text.replace(/\r\n?/g, (m) => {
    carriageReturns += m.length === 2 ? 1 : 0;
    return '\n';
  });
  return { text, bom, carriageReturns };
}

/** True when a line holds nothing but white space (a no-break space counts as white space). */
export function isBlank(line: string): boolean {
  return /^[\s\u00a0\u200b\ufeff]*$/.test(line);
}

/**
 * Lower-cased word tokens of a text, for comparing passages: emphasis markers,
 * punctuation and white space are ignored, and letters are NFKC-normalised.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  const norm = text.normalize('NFKC').toLowerCase();
  for (const m of norm.matchAll(re)) out.push(m[0].replace(/’/g, "'"));
  return out;
}

/**
 * Word tokens with the character range each one covers in the original text.
 * Used to cut a paragraph at the exact place where a quote ends.
 */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    out.push({ word: m[0].normalize('NFKC').toLowerCase().replace(/’/g, "'"), start, end: start + m[0].length });
  }
  return out;
}

/** 32-bit FNV-1a hash of a string, as an unsigned integer. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A short, stable hexadecimal id for a string (default 6 characters, at most 8). */
export function shortHash(s: string, length = 6): string {
  return hash32(s).toString(16).padStart(8, '0').slice(0, Math.min(8, Math.max(1, length)));
}

/**
 * A URL slug: lower-case ASCII letters, digits and single hyphens, at most
 * `max` characters (default 60), cut at a word boundary. Returns '' when nothing is left.
 */
export function slugify(s: string, max = 60): string {
  const base = String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= max) return base;
  const cut = base.slice(0, max);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : cut).replace(/-+$/g, '');
}

/** The first `max` characters of a text on one line, cut at a word and marked with an ellipsis (default 160). */
export function excerpt(text: string, max = 160): string {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/**
 * A function from a character offset in `text` to its 0-based line number,
 * in O(log lines) per call after one pass over the text.
 */
export function lineLocator(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/**
 * The charset a saved HTML page declares, found as browsers find it: a
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
 * in the first 1024 bytes (the HTML standard's pre-scan, simplified). Pure.
 */

/**
 * The charset label a page declares in its first 1024 bytes, lower-cased, or
 * null when the bytes are not an HTML page or declare none.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  if (!/<(?:!doctype html|html|head|meta)\b/i.test(head)) return null;
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct && (/\bcharset\s*=/i.test(tag.replace(/content\s*=\s*("[^"]*"|'[^']*')/i, '')) || /http-equiv\s*=\s*["']?content-type/i.test(tag))) {
      return direct[1]!.toLowerCase();
    }
  }
  return null;
}

/**
 * The start of a capture, for format detection: enough text to recognise a
 * format without joining every line of a large file.
 */

/** The first lines of a capture joined with newlines, stopping once `max` characters are reached (default 50,000). */
export function headText(lines: readonly string[], max = 50_000): string {
  let head = '';
  for (const l of lines) {
    head += `${l}\n`;
    if (head.length > max) break;
  }
  return head;
}

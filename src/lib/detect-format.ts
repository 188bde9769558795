/**
 * Format detection: which capture format a text is in, from its lines.
 */
import type { CaptureFormat } from './model.js';
import { isBlank } from './text.js';

/** The line that separates posts in the Markdown export: ten dashes. */
export const EXPORT_SEPARATOR = /^-{10}\s*$/;
/** A line that separates posts in a flat-text capture: a lone no-break space or space. */
export const PLAIN_SEPARATOR = /^[\u00a0 ]$/;

/**
 * Detects the format of a capture body (front matter removed).
 * - `markdown-export`: a `# Title` and `## Author` headings, or ten-dash separators next to `## ` headings;
 * - `plain-capture`: lines holding only a no-break space (or a single space) between chunks;
 * - `essay`: several paragraphs of prose with short heading-like lines and no separators;
 * - `unknown`: anything else (shown as plain text with a warning).
 */
export function detectFormat(lines: string[]): CaptureFormat {
  let authorHeadings = 0;
  let exportSeparators = 0;
  let plainSeparators = 0;
  let nbspSeparators = 0;
  let prose = 0;
  let shortLines = 0;
  for (const line of lines) {
    if (/^## \S/.test(line)) authorHeadings++;
    else if (EXPORT_SEPARATOR.test(line)) exportSeparators++;
    else if (PLAIN_SEPARATOR.test(line)) {
      plainSeparators++;
      if (line === '\u00a0') nbspSeparators++;
    } else if (!isBlank(line)) {
      if (line.length > 200) prose++;
      else if (line.length < 80 && !/[.!?:;,]$/.test(line.trim())) shortLines++;
    }
  }
  if (authorHeadings >= 1 && (exportSeparators >= 1 || lines.some((l) => /^# \S/.test(l)))) return 'markdown-export';
  if (nbspSeparators >= 1 || plainSeparators >= 2) return 'plain-capture';
  if (prose >= 3 && shortLines >= 2) return 'essay';
  return 'unknown';
}

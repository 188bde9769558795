/**
 * The registry of capture formats: the only place that lists them. Adding a
 * format is one module (see `format.ts` for the contract), its fixtures, and
 * one line here.
 */
import type { CaptureFormatPlugin } from './format.js';
import { markdownExport } from './markdown-export.js';
import { plainCapture } from './plain-capture.js';
import { essay } from './essay.js';
import { vbulletinText } from './vbulletin-text.js';
import { phpbbText } from './phpbb-text.js';
import { mybbPrint } from './mybb-print.js';
import { forumText } from './forum-text.js';
import { redditJson } from './reddit-json.js';
import { redditText } from './reddit-text.js';
import { discourseJson } from './discourse-json.js';
import { discourseRss } from './discourse-rss.js';
import { mail } from './mail.js';
import { mailText } from './mail-text.js';
import { xenforo2Page } from './xenforo2-page.js';
import { xenforo1Page } from './xenforo1-page.js';
import { vbulletinPage } from './vbulletin-page.js';
import { phpbbPage } from './phpbb-page.js';
import { nodebbPage } from './nodebb-page.js';
import { discoursePage } from './discourse-page.js';
import { htmlPage } from './html-page.js';
import { pipermailPage } from './pipermail-page.js';

/** Every known format. On equal confidence, the one listed first wins. */
export const FORMATS: readonly CaptureFormatPlugin[] = [
  markdownExport,
  plainCapture,
  vbulletinText,
  phpbbText,
  mybbPrint,
  redditJson,
  redditText,
  discourseJson,
  discourseRss,
  mail,
  mailText,
  xenforo2Page,
  xenforo1Page,
  vbulletinPage,
  phpbbPage,
  nodebbPage,
  discoursePage,
  pipermailPage,
  htmlPage,
  forumText,
  essay,
];

/** The format name of a capture no format claims: shown as one page of plain text, with a warning. */
export const UNKNOWN_FORMAT = 'unknown';

/** The least confidence with which a format claims a capture (default 0.2); below it the capture is of unknown format. */
export const MIN_CONFIDENCE = 0.2;

/** The format registered under `name`, or undefined. */
export function formatNamed(name: string): CaptureFormatPlugin | undefined {
  return FORMATS.find((f) => f.name === name);
}

/** Every name front matter may give as `format:` (the registered formats and `unknown`). */
export function formatNames(): string[] {
  return [...FORMATS.map((f) => f.name), UNKNOWN_FORMAT];
}

/** What a detection found: the most confident format (null when none reaches `MIN_CONFIDENCE`) and every format's confidence. */
export interface Detection {
  format: CaptureFormatPlugin | null;
  confidence: number;
  scores: Record<string, number>;
}

/**
 * Asks every format how sure it is that the lines (front matter removed) are
 * in it, and takes the most confident. A format that throws counts as 0.
 */
export function detectFormat(lines: readonly string[]): Detection {
  let format: CaptureFormatPlugin | null = null;
  let confidence = 0;
  const scores: Record<string, number> = {};
  for (const f of FORMATS) {
    let c = 0;
    try {
      c = f.detect(lines);
    } catch {
      c = 0;
    }
    c = Number.isFinite(c) ? Math.min(1, Math.max(0, c)) : 0;
    scores[f.name] = c;
    if (c > confidence) {
      confidence = c;
      format = f;
    }
  }
  return confidence >= MIN_CONFIDENCE ? { format, confidence, scores } : { format: null, confidence, scores };
}

/**
 * How pages describe a format, and whether its bodies are plain text: for
 * `unknown` and unregistered names, a plain-text page.
 */
export function formatDisplay(name: string): { label: string; markdown: boolean; reconstructQuotes: boolean } {
  const f = formatNamed(name);
  return f ? { label: f.label, markdown: f.markdown, reconstructQuotes: f.reconstructQuotes } : { label: 'plain text', markdown: false, reconstructQuotes: false };
}

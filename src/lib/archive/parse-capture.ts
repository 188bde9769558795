/**
 * One capture file to one document: front matter, format detection (or the
 * front matter's `format:`), then that format's `split`. Cross-document work
 * (slugs, quotes, authors) is done afterwards by `buildArchive`.
 */
import type { ArchiveDocument, Diagnostic, Post, Section } from '../model.js';
import { Ledger } from '../accounting/ledger.js';
import { readFrontMatter } from '../read/front-matter.js';
import { detectFormat, FORMATS, formatNamed, formatNames, UNKNOWN_FORMAT } from '../formats/registry.js';
import type { CaptureFormatPlugin } from '../formats/format.js';
import type { MimeDecoding } from '../read/mail-mime.js';
import { excerpt, isBlank, normaliseSource } from '../text/text.js';
import { documentSlug, fileStem } from './ids.js';
import { attachLedger } from '../accounting/line-claims.js';

/** A capture to import: its path (used in reports and for its slug) and its text. */
export interface CaptureInput {
  file: string;
  text: string;
  /** MIME bodies decoded by the read stage (`decodeMailCapture`), for mail captures; optional. */
  mime?: MimeDecoding;
}

/** Title for a document that has none: the file name, made readable. */
function titleFromFile(file: string): string {
  const stem = fileStem(file).replace(/[_-]+/g, ' ').trim();
  return stem || 'Untitled capture';
}

/** The 0-based index (within `body`) of the only non-blank line, or null when there are none or several. */
function titleOnlyLine(body: readonly string[]): number | null {
  let found: number | null = null;
  for (let i = 0; i < body.length; i++) {
    if (isBlank(body[i] ?? '')) continue;
    if (found !== null) return null;
    found = i;
  }
  return found;
}

/** A post longer than this (in characters) gets a note (default 1,000,000). */
export const LONG_POST = 1_000_000;
/** A line longer than this gets a note (default 100,000). */
export const LONG_LINE = 100_000;
/** A thread with more posts than this gets a note (default 10,000). */
export const LONG_THREAD = 10_000;
/** Quotes nested deeper than this get a note (default 10). */
export const DEEP_QUOTES = 10;

/**
 * Notes about sizes that import fine but suggest a capture went wrong:
 * a huge post or line, a huge thread, quotes nested very deep. One pass over the lines.
 */
function sizeDiagnostics(lines: readonly string[], posts: readonly Post[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const n = (lines[i] ?? '').length;
    if (n > LONG_LINE) {
      out.push({
        rule: 'very-long-line',
        severity: 'info',
        message: `Line ${i + 1} is ${n.toLocaleString('en')} characters long. It was imported whole; if line breaks were lost in copying, re-capture the page.`,
        line: i + 1,
      });
      break;
    }
  }
  for (const p of posts) {
    const size = p.segments.reduce((a, g) => a + (g.kind === 'own' ? g.text.length : (p.quotes[g.quote]?.text.length ?? 0)), 0);
    if (size > LONG_POST) {
      out.push({
        rule: 'very-long-post',
        severity: 'info',
        message: `Post ${p.n} is ${size.toLocaleString('en')} characters long. It was imported whole; check that several posts were not joined by a missing separator.`,
        line: p.line,
      });
    }
    for (const q of p.quotes) {
      let depth = 0;
      for (const m of q.text.matchAll(/^(?: {0,3}>)+/gm)) depth = Math.max(depth, (m[0].match(/>/g) ?? []).length);
      if (depth + 1 > DEEP_QUOTES) {
        out.push({
          rule: 'deep-quotes',
          severity: 'info',
          message: `A quote in post ${p.n} holds quotes nested ${depth + 1} deep. Only the outer quote is linked to its source; inner levels are shown as nested text. Trim the quote chain in the capture if it is not needed.`,
          line: q.line,
        });
      }
    }
  }
  if (posts.length > LONG_THREAD) {
    out.push({
      rule: 'very-long-thread',
      severity: 'info',
      message: `The thread has ${posts.length.toLocaleString('en')} posts. It was imported whole; check that the capture is one thread and not several joined together.`,
      line: posts[0]?.line ?? 1,
    });
  }
  return out;
}

/**
 * The format a capture is read with: the front matter's `format:` when it names
 * a registered format (`unknown` forces a plain-text page), else the most
 * confident detection; null when no format claims the capture.
 */
function chooseFormat(named: string | undefined, body: readonly string[], diagnostics: Diagnostic[]): CaptureFormatPlugin | null {
  if (named === UNKNOWN_FORMAT) return null;
  if (named !== undefined) {
    const plugin = formatNamed(named);
    if (plugin) return plugin;
    diagnostics.push({
      rule: 'front-matter-format',
      severity: 'warning',
      message: `Front matter names the format "${named}", which the importer does not know (known: ${formatNames().join(', ')}). The format was detected from the text instead.`,
      line: 1,
    });
  }
  return detectFormat(body).format;
}

/**
 * Parses one capture. Never throws: problems become diagnostics.
 * The returned document's slug is provisional until `dedupeSlugs` runs over the archive.
 */
export function parseCapture(input: CaptureInput): ArchiveDocument {
  const { text, bom, carriageReturns } = normaliseSource(input.text);
  const lines = text.split('\n');
  const ledger = new Ledger(lines);
  const diagnostics: Diagnostic[] = [];
  const fm = readFrontMatter(lines);
  diagnostics.push(...fm.diagnostics);
  if (fm.lines > 0) ledger.claim(0, fm.lines - 1, 'front-matter');
  const start = fm.lines;
  const body = lines.slice(start);
  const plugin = chooseFormat(fm.data.format, body, diagnostics);
  let format = plugin?.name ?? UNKNOWN_FORMAT;
  let title: string | null = null;
  let titleInferred = false;
  let posts: Post[] = [];
  let sections: Section[] = [];
  let shown: string | null = null;

  const filled = titleOnlyLine(body);
  if (filled !== null && !body.every(isBlank) && plugin?.oneLine !== true) {
    // A single line of text: a title with nothing under it.
    const at = start + filled;
    title = (lines[at] ?? '').replace(/^#{1,6}\s+/, '').trim();
    ledger.claim(at, at, 'title');
    diagnostics.push({
      rule: 'title-only',
      severity: 'warning',
      message: `The capture holds only a title line ("${excerpt(title, 60)}") and no posts. It is listed as an empty page; paste the thread's posts below the title or remove the file.`,
      line: at + 1,
    });
    format = UNKNOWN_FORMAT;
    shown = '';
  } else if (body.every(isBlank)) {
    diagnostics.push({
      rule: 'empty-file',
      severity: 'warning',
      message: 'The capture has no text after its front matter. It was listed with no posts; add the thread text or remove the file.',
      line: start + 1,
    });
    format = UNKNOWN_FORMAT;
    shown = '';
  } else if (plugin) {
    const split = plugin.split(lines, start, ledger, { mime: input.mime, formats: FORMATS });
    title = split.title;
    titleInferred = split.titleInferred === true && title !== null;
    posts = split.posts;
    sections = split.sections ?? [];
    diagnostics.push(...split.diagnostics);
    if (plugin.kind === 'thread' && posts.length === 0) {
      diagnostics.push({
        rule: 'no-posts',
        severity: 'warning',
        message: `The capture looks like a ${format} thread but no post was found in it${title ? ` (only the title "${excerpt(title, 60)}")` : ''}. It is shown as a page with its text; check that posts are separated as the format expects.`,
        line: start + 1,
      });
    }
  } else {
    diagnostics.push({
      rule: 'unknown-format',
      severity: 'warning',
      message: `The format of ${input.file} was not recognised (none of ${formatNames().filter((n) => n !== UNKNOWN_FORMAT).join(', ')}). It is shown as a single page of plain text; add \`format:\` to its front matter if it is one of those.`,
      line: start + 1,
    });
    shown = body.join('\n').trim();
    ledger.claim(start, lines.length - 1, 'body');
  }
  if (fm.data.title) {
    title = fm.data.title;
    titleInferred = false;
  }
  if (!title) {
    const firstLine = body.find((l) => !isBlank(l));
    title = format === UNKNOWN_FORMAT && firstLine ? excerpt(firstLine, 80) : titleFromFile(input.file);
    titleInferred = true;
  }
  diagnostics.push(...sizeDiagnostics(lines, posts));
  const doc: ArchiveDocument = {
    file: input.file,
    format,
    title,
    titleInferred,
    slug: '',
    source: fm.data.source ?? null,
    date: fm.data.date ?? null,
    posts,
    sections,
    body: shown,
    diagnostics,
    accounting: ledger.account({ 'byte-order-mark': bom, 'carriage-return': carriageReturns }),
  };
  const { thread, part, removals } = fm.data;
  if (thread !== undefined || part !== undefined || removals !== undefined) doc.frontMatter = { thread, part, removals };
  doc.slug = documentSlug(doc, fm.data.slug);
  attachLedger(doc, ledger);
  return doc;
}

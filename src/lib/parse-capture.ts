/**
 * One capture file to one document: front matter, format detection, then the
 * splitter for that format. Cross-document work (slugs, quotes, authors) is
 * done afterwards by `buildArchive`.
 */
import type { ArchiveDocument, CaptureFormat, Diagnostic, Post, Section } from './model.js';
import { Ledger } from './ledger.js';
import { readFrontMatter } from './front-matter.js';
import { detectFormat } from './detect-format.js';
import { splitMarkdownExport } from './split-markdown-export.js';
import { splitPlainCapture } from './split-plain-capture.js';
import { inferEssayTitle, splitEssay } from './split-essay.js';
import { excerpt, isBlank, normaliseSource } from './text.js';
import { documentSlug, fileStem } from './ids.js';
import { attachLedger } from './line-claims.js';

/** A capture to import: its path (used in reports and for its slug) and its text. */
export interface CaptureInput {
  file: string;
  text: string;
}

/** Title for a document that has none: the file name, made readable. */
function titleFromFile(file: string): string {
  const stem = fileStem(file).replace(/[_-]+/g, ' ').trim();
  return stem || 'Untitled capture';
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
  let format: CaptureFormat = fm.data.format ?? detectFormat(body);
  let title: string | null = null;
  let titleInferred = false;
  let posts: Post[] = [];
  let sections: Section[] = [];
  let shown: string | null = null;

  if (body.every(isBlank)) {
    diagnostics.push({
      rule: 'empty-file',
      severity: 'warning',
      message: 'The capture has no text after its front matter. It was listed with no posts; add the thread text or remove the file.',
      line: start + 1,
    });
    format = 'unknown';
    shown = '';
  } else if (format === 'markdown-export' || format === 'plain-capture') {
    const split = format === 'markdown-export' ? splitMarkdownExport(lines, start, ledger) : splitPlainCapture(lines, start, ledger);
    title = split.title;
    posts = split.posts;
    diagnostics.push(...split.diagnostics);
    if (posts.length === 0) {
      diagnostics.push({
        rule: 'no-posts',
        severity: 'warning',
        message: `The capture looks like a ${format} thread but no post was found in it${title ? ` (only the title "${excerpt(title, 60)}")` : ''}. It is shown as a page with its text; check that posts are separated as the format expects.`,
        line: start + 1,
      });
    }
  } else if (format === 'essay') {
    const essay = splitEssay(lines, start, ledger);
    title = essay.title;
    sections = essay.sections;
    diagnostics.push(...essay.diagnostics);
    if (!title) {
      title = inferEssayTitle(sections);
      titleInferred = title !== null;
    }
  } else {
    diagnostics.push({
      rule: 'unknown-format',
      severity: 'warning',
      message: `The format of ${input.file} was not recognised (neither a Markdown export, a flat-text forum capture nor an essay). It is shown as a single page of plain text; add \`format:\` to its front matter if it is one of those.`,
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
    title = format === 'unknown' && firstLine ? excerpt(firstLine, 80) : titleFromFile(input.file);
    titleInferred = true;
  }
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
  doc.slug = documentSlug(doc, fm.data.slug);
  attachLedger(doc, ledger);
  return doc;
}

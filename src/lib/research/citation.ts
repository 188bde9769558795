/**
 * Citations of a post, a thread or an essay: one CSL-JSON item (the Citation
 * Style Language's data format) built here, and every other form — the
 * formatted reference (APA, through citeproc-js), BibTeX and RIS — produced
 * from it by citation-js, a maintained citation library.
 *
 * Formatting one reference through citeproc costs about 2 ms, too much for a
 * permalink page per post at 100,000 posts. So post references are formatted
 * once per shape (same forum, dates, author and source known or not) with
 * placeholder values, and each post fills in its own; whenever a placeholder
 * does not come back exactly once, or a value is one citeproc would change,
 * the post is formatted on its own. A test checks the two paths agree.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

/** What a citation says. Every field is plain text; dates are ISO 8601 (`2024-03-01`) or `null` when unknown. */
export interface CitationSource {
  kind: 'post' | 'thread' | 'essay';
  /** A stable identifier, used as the CSL `id` and the BibTeX key. */
  id: string;
  /** The thread's or essay's title. */
  title: string;
  /** Post number (posts only). */
  n?: number;
  /** The author as shown (a post's author; for a thread or essay, `null` or its first poster). */
  author: string | null;
  /** Where the debate took place: the forum or list (from the source address), or `null`. */
  forum: string | null;
  /** The original address of the thread, when the capture gives one. */
  source: string | null;
  /** When the post was written (when the capture says). */
  date: string | null;
  /** When the capture was made (front matter `date`). */
  captured: string | null;
  /** The archive's permanent address of the item. */
  url: string;
}

/** A CSL-JSON item (only the variables this archive fills). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'post' | 'webpage' | 'article';
  title: string;
  author?: { literal: string }[];
  publisher?: string;
  genre?: string;
  URL: string;
  archive: string;
  source?: string;
  issued?: { 'date-parts': [number, number?, number?][] };
  accessed?: { 'date-parts': [number, number?, number?][] };
}

/** The archive's name, given as CSL `archive`. */
export const ARCHIVE_NAME = 'What-If Archive';

/** A date as CSL date parts, or `undefined` when it is not an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, time ignored). */
export function cslDate(value: string | null | undefined): { 'date-parts': [number, number?, number?][] } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(typeof value === 'string' ? value.trim() : '');
  if (!m) return undefined;
  const parts: [number, number?, number?] = [Number(m[1])];
  if (m[2]) parts.push(Number(m[2]));
  if (m[2] && m[3]) parts.push(Number(m[3]));
  return { 'date-parts': [parts] };
}

/** The forum's name from a source address: its host without `www.`, or `null`. */
export function forumOf(source: string | null | undefined): string | null {
  if (typeof source !== 'string' || !/^https?:\/\//i.test(source)) return null;
  try {
    return new URL(source).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** A BibTeX-safe key for an identifier: letters, digits and underscores only (citation-js replaces any other key by its own guess). */
export function citationKey(id: string): string {
  return String(id).replace(/[^A-Za-z0-9_]+/g, '_');
}

/** The CSL-JSON item of a post, thread or essay. Pure; never throws. */
export function cslItem(s: CitationSource): CslItem {
  const item: CslItem = {
    id: s.id,
    'citation-key': citationKey(s.id),
    type: s.kind === 'post' ? 'post' : s.kind === 'essay' ? 'article' : 'webpage',
    title: s.kind === 'post' ? `Post #${s.n ?? '?'} in “${s.title}”` : s.title,
    URL: s.url,
    archive: ARCHIVE_NAME,
  };
  if (s.author) item.author = [{ literal: s.author }];
  if (s.forum) item.publisher = s.forum;
  item.genre = s.kind === 'post' ? 'Forum post' : s.kind === 'thread' ? 'Forum thread' : 'Essay';
  if (s.source) item.source = s.source;
  const issued = cslDate(s.date);
  if (issued) item.issued = issued;
  const accessed = cslDate(s.captured);
  if (accessed) item.accessed = accessed;
  return item;
}

/** The formatted reference (APA 7th, plain text) of an item, through citeproc-js. */
export function formatReference(item: CslItem): string {
  return plugins.output.format('bibliography', [item], { template: 'apa', format: 'text' }).trim();
}

/** The BibTeX entry of an item. */
export function toBibtex(item: CslItem): string {
  return plugins.output.format('bibtex', [item]).trim() + '\n';
}

/**
 * The RIS record of an item. citation-js wraps every value at 70 characters
 * (plugin-ris 0.8.2), which cuts addresses in two for most RIS readers, so the
 * wrapped lines are joined again: one `TAG  - value` line per field.
 */
export function toRis(item: CslItem): string {
  return plugins.output.format('ris', [item]).trim().replace(/\n(?![A-Z][A-Z0-9]  -)/g, '') + '\n';
}

/** The CSL-JSON file of an item: an array of one item, as CSL processors read it. */
export function toCslJson(item: CslItem): string {
  return `${JSON.stringify([item], null, 2)}\n`;
}

const TOKEN = { author: 'Zqauthorqz', n: '987654321', url: 'https://zq.invalid/zqurlqz/', title: 'Zqtitleqz', source: 'https://zq.invalid/zqsourceqz/' } as const;
/** Text citeproc prints as it is (no quotes or apostrophes to curl, no markup, no `&`): safe to put in place of a placeholder. */
const VERBATIM = /^[\p{L}\p{N}_ .,:;!?()#/\-–—]*$/u;
const shapes = new Map<string, string>();

/**
 * The formatted reference of a post, as `formatReference(cslItem(s))` gives it,
 * but formatted once per shape (forum, date, capture date, whether author and
 * source are known): title, number, author, address and source are put in
 * place of placeholders. A post whose title or author citeproc could change
 * (quotes, apostrophes, markup) is formatted on its own. Memoised for the build.
 */
export function formatPostReference(s: CitationSource): string {
  const item = cslItem(s);
  if (s.kind !== 'post' || s.n === undefined || !VERBATIM.test(s.title) || (s.author !== null && !VERBATIM.test(s.author))) return formatReference(item);
  // citeproc merges a value's closing punctuation with what follows ("west?." → "west?"), so the placeholders end like the values.
  const end = (v: string | null) => (v === null ? '' : (/[.!?:;,)]$/.exec(v)?.[0] ?? ''));
  const title = TOKEN.title + end(s.title);
  const author = TOKEN.author + end(s.author);
  const key = JSON.stringify([s.forum, s.date, s.captured, s.author === null ? null : end(s.author), s.source !== null, end(s.title)]);
  let shape = shapes.get(key);
  if (shape === undefined) {
    const probe = cslItem({
      ...s,
      id: 'shape',
      title,
      n: Number(TOKEN.n),
      author: s.author === null ? null : author,
      url: TOKEN.url,
      source: s.source === null ? null : TOKEN.source,
    });
    shape = formatReference(probe);
    const count = (t: string) => shape!.split(t).length - 1;
    const ok = count(title) === 1 && count(TOKEN.n) === 1 && count(TOKEN.url) === 1 && count(author) === (s.author === null ? 0 : 1) && count(TOKEN.source) <= 1;
    if (!ok) shape = '';
    shapes.set(key, shape);
  }
  if (!shape) return formatReference(item);
  return shape
    .replace(TOKEN.url, () => s.url)
    .replace(TOKEN.source, () => s.source ?? '')
    .replace(title, () => s.title)
    .replace(TOKEN.n, () => String(s.n))
    .replace(author, () => s.author ?? '');
}

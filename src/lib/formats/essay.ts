/**
 * Essays without markup: headings are short lines without closing punctuation,
 * `- ` lines are list items, other lines are paragraphs. A heading followed
 * directly by another heading opens a level-2 group whose following headings
 * are level 3 (until the next group heading); other headings are level 2.
 * Markdown `#` headings are read too, and a leading `# Title` is the title.
 *
 * When the essay separates paragraphs with blank lines, consecutive lines form
 * one paragraph (hard-wrapped text) and a heading must be a block of its own;
 * otherwise every line is a paragraph of its own.
 */
import type { Diagnostic, EssayBlock, Section } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { excerpt, isBlank, slugify } from '../text/text.js';

/** What the essay reader returns. */
export interface EssayResult {
  title: string | null;
  sections: Section[];
  diagnostics: Diagnostic[];
}

/** Longest heading, in characters (default 80) and words (default 12). */
export const MAX_HEADING_CHARS = 80;
export const MAX_HEADING_WORDS = 12;

const LIST_ITEM = /^\s*(?:[-*•–]|\d{1,2}[.)])\s+(\S.*)$/;
const MD_HEADING = /^(#{1,6})\s+(.*\S)\s*#*\s*$/;

/** True when a line reads as a heading: short, capitalised, no closing punctuation, not a list item or a link. */
export function isHeadingLike(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > MAX_HEADING_CHARS) return false;
  if (t.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (LIST_ITEM.test(t) || /^(?:https?:|www\.)/i.test(t)) return false;
  if (/[.!?:;,…"”'’\-–—]$/.test(t)) return false;
  return /^[\p{Lu}\p{N}]/u.test(t) && /\p{L}/u.test(t);
}

/** Unique anchor ids for section titles: the title's slug, `-2`, `-3`… on repeats, `section` when it has no letters. */
export function sectionIds(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((t) => {
    const base = slugify(t, 60) || (t ? 'section' : 'introduction');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

interface Line {
  i: number;
  text: string;
  kind: 'heading' | 'item' | 'text';
  md: number; // Markdown heading depth, 0 when none
}

/**
 * Reads an essay's sections. Blocks before the first heading go into an
 * untitled section (title '', id `introduction`).
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitEssay(lines: string[], start: number, ledger: Ledger): EssayResult {
  const diagnostics: Diagnostic[] = [];
  const blockMode = lines.slice(start).some((l, k, all) => isBlank(l) && k > 0 && k < all.length - 1 && !isBlank(all[k - 1] ?? ''));
  const rows: Line[] = [];
  let title: string | null = null;
  for (let i = start; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (isBlank(text)) continue;
    const md = MD_HEADING.exec(text);
    if (md) {
      const depth = md[1]!.length;
      if (depth === 1 && rows.length === 0 && title === null) {
        title = md[2]!.trim();
        ledger.claim(i, i, 'title');
        continue;
      }
      rows.push({ i, text: md[2]!.trim(), kind: 'heading', md: depth });
      continue;
    }
    if (LIST_ITEM.test(text)) {
      rows.push({ i, text, kind: 'item', md: 0 });
      continue;
    }
    // With blank-line paragraphs, a heading is a block of its own: blank (or nothing) before and after it.
    const alone = !blockMode || ((i === start || isBlank(lines[i - 1] ?? '')) && isBlank(lines[i + 1] ?? ''));
    rows.push({ i, text, kind: alone && isHeadingLike(text) ? 'heading' : 'text', md: 0 });
  }
  // A heading-like last line, or one followed only by headings to the end, has nothing under it: keep plain headings only when text follows.
  for (let k = rows.length - 1; k >= 0; k--) {
    const r = rows[k]!;
    if (r.kind === 'text' || r.kind === 'item') break;
    if (r.md === 0) r.kind = 'text';
  }
  const sections: Section[] = [];
  const titles: string[] = [];
  let inGroup = false;
  let current: Section | null = null;
  const open = (titleText: string, level: number, line: number): Section => {
    const s: Section = { title: titleText, level, id: '', line, blocks: [] };
    sections.push(s);
    titles.push(titleText);
    return s;
  };
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (r.kind === 'heading') {
      ledger.claim(r.i, r.i, 'heading');
      let level: number;
      if (r.md > 0) level = r.md <= 2 ? 2 : 3;
      else if (rows[k + 1]?.kind === 'heading') {
        level = 2;
        inGroup = true;
      } else level = inGroup ? 3 : 2;
      current = open(r.text.trim(), level, r.i + 1);
      continue;
    }
    ledger.claim(r.i, r.i, 'section');
    current ??= open('', 2, r.i + 1);
    const prev = current.blocks[current.blocks.length - 1];
    const prevRow = rows[k - 1];
    const adjacent = prevRow !== undefined && prevRow.i === r.i - 1;
    if (r.kind === 'item') {
      const item = (LIST_ITEM.exec(r.text)?.[1] ?? r.text).trim();
      if (prev?.kind === 'list' && prevRow?.kind === 'item') prev.items.push(item);
      else current.blocks.push({ kind: 'list', items: [item], line: r.i + 1 });
    } else if (blockMode && adjacent && prev?.kind === 'paragraph' && prevRow?.kind === 'text') {
      prev.text = `${prev.text}\n${r.text.trim()}`;
    } else {
      const block: EssayBlock = { kind: 'paragraph', text: r.text.trim(), line: r.i + 1 };
      current.blocks.push(block);
    }
  }
  sectionIds(titles).forEach((id, k) => {
    sections[k]!.id = id;
  });
  if (!sections.some((s) => s.title)) {
    diagnostics.push({
      rule: 'essay-without-headings',
      severity: 'info',
      message: 'No heading was found in this essay (a heading is a short line without closing punctuation). It is shown as one untitled section.',
      line: start + 1,
    });
  }
  return { title, sections, diagnostics };
}

const QUESTION = /\b(?:what if|what would (?:have )?happen(?:ed)? if)\b[^?.!\n]{3,300}\?/i;

/** Shortens a title: drops a short aside between commas, then cuts at a word (default 90 characters). */
export function shortenTitle(s: string, max = 90): string {
  let t = s.replace(/\s+/g, ' ').trim();
  if (t.length > 70) {
    const dropped = t.replace(/,\s[^,]{2,40},\s?/, ' ').replace(/\s+/g, ' ');
    if (dropped.length >= 20) t = dropped;
  }
  return t.length > max ? excerpt(t, max) : t;
}

/**
 * Infers a title for an essay that has none: its first "What if …?" question
 * (shortened by `shortenTitle`), else its first heading, else null.
 */
export function inferEssayTitle(sections: Section[]): string | null {
  for (const s of sections) {
    for (const b of s.blocks) {
      const text = (b.kind === 'paragraph' ? b.text : b.items.join('\n')).replace(/[ \t]*\n[ \t]*/g, ' ');
      const m = QUESTION.exec(text);
      if (m) {
        const q = m[0];
        return shortenTitle(q.charAt(0).toUpperCase() + q.slice(1));
      }
    }
  }
  return sections.find((s) => s.title)?.title ?? null;
}

/**
 * Confidence that lines are an essay: 0.4 with at least three long prose
 * lines (over 200 characters) and two short heading-like lines; else 0. Low,
 * so that any forum format that recognises the capture wins.
 */
export function detectEssay(lines: readonly string[]): number {
  let prose = 0;
  let short = 0;
  for (const line of lines) {
    if (/^## \S/.test(line) || /^-{10}\s*$/.test(line) || /^[\u00a0 ]$/.test(line) || isBlank(line)) continue;
    if (line.length > 200) prose++;
    else if (line.length < 80 && !/[.!?:;,]$/.test(line.trim())) short++;
  }
  return prose >= 3 && short >= 2 ? 0.4 : 0;
}

/** An essay read as a whole, its title inferred when it has none. */
function readEssay(lines: string[], start: number, ledger: Ledger): FormatResult {
  const { title, sections, diagnostics } = splitEssay(lines, start, ledger);
  const inferred = title ? null : inferEssayTitle(sections);
  return { title: title ?? inferred, titleInferred: inferred !== null, posts: [], sections, diagnostics };
}

/** Essays: prose with short heading lines (`essay`). */
export const essay: CaptureFormatPlugin = {
  name: 'essay',
  label: 'essay',
  kind: 'essay',
  markdown: false,
  reconstructQuotes: false,
  signatures: false,
  detect: detectEssay,
  split: readEssay,
};

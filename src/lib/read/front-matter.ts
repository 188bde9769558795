/**
 * Front matter: optional YAML between `---` lines at the top of a capture.
 * Read with gray-matter (always with an options object, which turns off its
 * shared cache); values of the wrong type are reported and ignored.
 */
import matter from 'gray-matter';
import type { Diagnostic, FrontMatter } from '../model.js';

/** The result of reading front matter. */
export interface FrontMatterResult {
  data: FrontMatter;
  /** How many lines (0-based count from the top) the front matter block takes, delimiters included. 0 when there is none. */
  lines: number;
  diagnostics: Diagnostic[];
}

/** Finds the closing delimiter of a front matter block; returns its 0-based line index or -1. */
function closingLine(lines: string[]): number {
  if (lines[0]?.trimEnd() !== '---') return -1;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]?.trimEnd();
    if (l === '---' || l === '...') return i;
  }
  return -1;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** A diagnostic for a front matter key whose value has the wrong type. */
function typeDiagnostic(key: string, want: string, lines: string[], end: number): Diagnostic {
  return {
    rule: 'front-matter-type',
    severity: 'warning',
    message: `Front matter \`${key}\` should be ${want}. It was ignored; give it a plain value.`,
    line: 1 + Math.max(0, lines.slice(0, end).findIndex((l) => l.startsWith(`${key}:`))),
  };
}

/**
 * Reads the front matter of a capture's lines (already LF-normalised).
 * Never throws: malformed YAML, a block that is not a mapping, or a value of the
 * wrong type each give a diagnostic, and the capture is read as if the bad part were absent.
 */
export function readFrontMatter(lines: string[]): FrontMatterResult {
  const end = closingLine(lines);
  if (end < 0) return { data: {}, lines: 0, diagnostics: [] };
  const block = lines.slice(0, end + 1).join('\n');
  const diagnostics: Diagnostic[] = [];
  let raw: unknown;
  try {
    raw = matter(`${block}\n`, {}).data;
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    diagnostics.push({
      rule: 'front-matter-yaml',
      severity: 'error',
      message: `The front matter is not valid YAML (${reason}). It was ignored; fix the YAML between the --- lines or remove it.`,
      line: 1,
    });
    return { data: {}, lines: end + 1, diagnostics };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    diagnostics.push({
      rule: 'front-matter-shape',
      severity: 'error',
      message: 'The front matter is not a mapping of keys to values. It was ignored; write it as `title: …`, `source: …`, `date: …` lines.',
      line: 1,
    });
    return { data: {}, lines: end + 1, diagnostics };
  }
  const record = raw as Record<string, unknown>;
  const data: FrontMatter = {};
  const take = (key: keyof FrontMatter, alt: string[] = []): string | undefined => {
    for (const k of [key, ...alt]) {
      if (!(k in record) || record[k] == null) continue;
      const v = asText(record[k]);
      if (v === undefined) {
        diagnostics.push(typeDiagnostic(k, `text but is ${Array.isArray(record[k]) ? 'a list' : typeof record[k]}`, lines, end));
        continue;
      }
      return v;
    }
    return undefined;
  };
  const title = take('title');
  if (title) data.title = title;
  const source = take('source', ['url', 'source_url']);
  if (source) data.source = source;
  const date = take('date', ['captured', 'captured_at']);
  if (date) data.date = date;
  const slug = take('slug');
  if (slug) data.slug = slug;
  const thread = take('thread');
  if (thread) data.thread = thread;
  const part = take('part', ['page']);
  if (part) {
    if (/^[1-9]\d{0,5}$/.test(part)) data.part = Number(part);
    else diagnostics.push(typeDiagnostic('part', 'a page number (1, 2, …)', lines, end));
  }
  if (record.removals != null) data.removals = record.removals;
  // Checked against the registry of formats by the importer.
  const format = take('format');
  if (format) data.format = format;
  return { data, lines: end + 1, diagnostics };
}

/**
 * The record of published URLs: what a static site needs to know about the
 * threads it no longer holds. A deleted capture leaves nothing in the content
 * folder to build from, so every build keeps a record there
 * (`published.json`, written by the loader; commit it with the content) of
 * every thread and essay it has published: its slug, how many posts it had,
 * and its capture files in merge order. From it a later build
 *
 * - answers the former URLs of a thread that is gone (withdrawn, deleted, or
 *   moved into another thread by a re-capture) with a page that says so,
 *   instead of a bare 404;
 * - merges re-captures in the order their threads were published, so post
 *   numbers never move (`merge-captures.ts`).
 *
 * The record holds slugs, counts and file paths only: no titles, names or words.
 */
import type { ArchiveDocument, Diagnostic } from '../model.js';
import { PAGE_SIZE } from '../urls.js';

/** A thread or essay as the record keeps it. */
export interface PublishedEntry {
  kind: 'thread' | 'essay';
  /** The highest post number it published (0 for an essay or a plain page). */
  posts: number;
  /** Its capture files (paths in the content folder), in merge order. */
  captures: string[];
  /** True once it is no longer in the content: its URLs answer "withdrawn". */
  withdrawn?: boolean;
}

/** Every thread and essay the archive has published, by slug. */
export interface PublishedRecord {
  threads: Record<string, PublishedEntry>;
}

/** The record's file name, at the top of the content folder. */
export const RECORD_FILE = 'published.json';

/** URLs of a thread (or of some of its posts) that are no longer published. */
export interface GoneThread {
  slug: string;
  kind: 'thread' | 'essay';
  /** Posts whose URLs are gone: `from`..`to` (none when `to` < `from`). */
  from: number;
  to: number;
  /** Thread pages that are gone: `fromPage`.. the last page the thread had. */
  fromPage: number;
  /** The whole thread is gone (not only posts past its current end). */
  whole: boolean;
  /** The thread its capture was merged into, and the number there of each of its posts (empty when unknown). */
  movedTo: { slug: string; numbers: number[] } | null;
}

const pages = (posts: number) => Math.max(1, Math.ceil(posts / PAGE_SIZE));

/** An empty record. */
export function emptyRecord(): PublishedRecord {
  return { threads: {} };
}

/**
 * Reads a record from its JSON text. Never throws: unreadable text or entries
 * of the wrong shape give a diagnostic and are left out.
 */
export function parseRecord(text: string | null): { record: PublishedRecord; diagnostics: Diagnostic[] } {
  const record = emptyRecord();
  if (text === null || text.trim() === '') return { record, diagnostics: [] };
  const problem = (why: string): Diagnostic => ({
    rule: 'published-record',
    severity: 'warning',
    message: `${RECORD_FILE} ${why}. Former URLs it lists may answer 404 instead of "withdrawn"; restore the file from version control (the build rewrites it from the content).`,
    line: null,
    file: RECORD_FILE,
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { record, diagnostics: [problem(`is not valid JSON (${(e as Error).message})`)] };
  }
  const threads = (raw as { threads?: unknown } | null)?.threads;
  if (!threads || typeof threads !== 'object' || Array.isArray(threads)) return { record, diagnostics: [problem('has no "threads" mapping')] };
  let bad = 0;
  for (const [slug, v] of Object.entries(threads as Record<string, unknown>)) {
    const e = v as Partial<PublishedEntry> | null;
    if (!e || (e.kind !== 'thread' && e.kind !== 'essay') || !Number.isInteger(e.posts) || !Array.isArray(e.captures) || !e.captures.every((c) => typeof c === 'string')) {
      bad++;
      continue;
    }
    record.threads[slug] = { kind: e.kind, posts: e.posts!, captures: [...e.captures], ...(e.withdrawn === true ? { withdrawn: true } : {}) };
  }
  return { record, diagnostics: bad ? [problem(`has ${bad} entr${bad === 1 ? 'y' : 'ies'} of the wrong shape, left out`)] : [] };
}

/** The record as JSON text: one thread a line, sorted by slug, so that it diffs and merges well and is byte-identical when nothing changed. */
export function serialiseRecord(record: PublishedRecord): string {
  const slugs = Object.keys(record.threads).sort();
  const lines = slugs.map((s, i) => `    ${JSON.stringify(s)}: ${JSON.stringify(record.threads[s])}${i < slugs.length - 1 ? ',' : ''}`);
  return [
    '{',
    `  "about": "Written by every build: the threads and essays this archive has published (slug, post count, capture files), so that their URLs keep answering when they are gone. Commit it with the content; do not edit it by hand.",`,
    '  "threads": {',
    ...lines,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** The published thread a capture file is in, and its position in that thread's merge order (for `mergeCaptures`). */
export function recordedOrder(record: PublishedRecord): (file: string) => { slug: string; index: number } | undefined {
  const at = new Map<string, { slug: string; index: number }>();
  for (const [slug, e] of Object.entries(record.threads)) if (!e.withdrawn) e.captures.forEach((f, index) => at.has(f) || at.set(f, { slug, index }));
  return (file) => at.get(file);
}

/**
 * The record after this build, and the URLs that are gone: every document of
 * the archive is recorded (with the higher of its recorded and current post
 * counts); a recorded thread no longer in the archive is marked withdrawn and
 * kept, so its URLs keep answering in every later build.
 */
export function updateRecord(
  previous: PublishedRecord,
  docs: readonly ArchiveDocument[],
): { record: PublishedRecord; gone: GoneThread[]; diagnostics: Diagnostic[] } {
  const record = emptyRecord();
  const gone: GoneThread[] = [];
  const diagnostics: Diagnostic[] = [];
  const live = new Map<string, ArchiveDocument>();
  const home = new Map<string, { slug: string; numbers: number[] }>();
  for (const d of docs) {
    live.set(d.slug, d);
    for (const c of d.captures ?? [{ file: d.file, numbers: d.posts.map((p) => p.n) }]) home.set(c.file, { slug: d.slug, numbers: c.numbers });
    const before = previous.threads[d.slug];
    const posts = d.posts.reduce((m, p) => Math.max(m, p.n), 0);
    const kind = d.format === 'essay' ? 'essay' : 'thread';
    const captures = (d.captures ?? [{ file: d.file }]).map((c) => c.file);
    record.threads[d.slug] = { kind, posts: Math.max(posts, before && !before.withdrawn ? before.posts : 0), captures };
    if (before && !before.withdrawn && before.posts > posts) {
      gone.push({ slug: d.slug, kind, from: posts + 1, to: before.posts, fromPage: pages(posts) + 1, whole: false, movedTo: null });
    }
  }
  for (const [slug, before] of Object.entries(previous.threads)) {
    if (live.has(slug)) continue;
    record.threads[slug] = { ...before, withdrawn: true };
    const moved = before.captures.map((f) => home.get(f)).find((h) => h !== undefined) ?? null;
    gone.push({
      slug,
      kind: before.kind,
      from: 1,
      to: before.posts,
      fromPage: 1,
      whole: true,
      movedTo: moved ? { slug: moved.slug, numbers: before.captures.length === 1 ? moved.numbers : [] } : null,
    });
    if (!before.withdrawn) {
      diagnostics.push({
        rule: moved ? 'published-thread-moved' : 'published-thread-gone',
        severity: 'info',
        message: moved
          ? `The thread published as "${slug}" is now part of the thread "${moved.slug}" (its capture was recognised as a re-capture). Its former URLs now answer with a page that links to the thread it joined.`
          : `The thread published as "${slug}" (from ${before.captures.join(', ')}) is no longer in the content. Its former URLs now answer with a "withdrawn" page. If the file was moved or renamed rather than withdrawn, put \`slug: ${slug}\` in its front matter to keep its URLs.`,
        line: null,
        file: RECORD_FILE,
      });
    }
  }
  return { record, gone: gone.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)), diagnostics };
}

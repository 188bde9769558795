/**
 * Full-text search: after the build, a Pagefind index of the archive's words,
 * written to `<outDir>/pagefind/` with Pagefind's Node API.
 *
 * The model is read back from the built data files (`data/index.json`,
 * `data/threads/*.json`), so the importer runs once. One record per post's
 * own words, one per quote (titled "Ace009 quoting Bregil") and one per essay
 * section; each with the filters `author`, `thread` (slugs) and `kind`
 * (`post`, `quote`, `essay`) and the sort key `order` (thread order). No page
 * HTML is indexed, so navigation, footers and backlink lists never match.
 *
 * A record's URL is the thread page's anchor of the post (`#post-N`) or of the
 * quote (`#post-N-qK`, K from 1), or the essay section's; Pagefind keeps one
 * record per URL, so every record has its own.
 */
import type { AstroIntegration } from 'astro';
import { readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { urls } from '../lib/urls.js';

/** One thread's data file, as far as the index reads it. */
export interface ThreadFile {
  slug: string;
  title: string;
  format: string;
  url: string;
  posts: {
    n: number;
    author: string | null;
    authorSlug: string | null;
    text: string;
    quotes: { author: string | null; sourcePost: number | null; sourceThread: string | null; text: string }[];
  }[];
  sections: { title: string; id: string; blocks: ({ kind: 'paragraph'; text: string } | { kind: string; items?: string[]; text?: string })[] }[];
}

/** A search record before it goes to Pagefind. */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Slug of an unnamed author in the `author` filter. */
export const UNKNOWN_AUTHOR = 'unknown';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Light Markdown to text: links to their words, emphasis and quote markers dropped. */
export function plainText(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|\n)\s{0,3}(?:>\s?)+/g, '$1')
    .replace(/(\*\*|__|\*|(?<![\w])_|_(?![\w]))/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The records of one thread (or essay), `t` its position in the archive's thread order. */
export function threadRecords(thread: ThreadFile, t: number, base: string): SearchRecord[] {
  const u = urls(base);
  const out: SearchRecord[] = [];
  const order = (a: number, b: number) => `${pad(t, 5)}.${pad(a, 6)}.${pad(b, 3)}`;
  for (const p of thread.posts) {
    const url = u.postInThread(thread.slug, p.n);
    const who = p.author ?? 'Unknown author';
    const author = [p.authorSlug ?? UNKNOWN_AUTHOR];
    const common = { thread: thread.title, threadSlug: thread.slug, n: String(p.n), author: who, authorSlug: author[0]!, permalink: u.post(thread.slug, p.n) };
    const own = plainText(p.text);
    if (own) {
      out.push({
        url,
        content: own,
        language: 'en',
        meta: { title: `${who}, #${p.n}`, kind: 'post', ...common },
        filters: { author, thread: [thread.slug], kind: ['post'] },
        sort: { order: order(p.n, 0) },
      });
    }
    p.quotes.forEach((q, i) => {
      const text = plainText(q.text);
      if (!text) return;
      const meta: Record<string, string> = { title: `${who} quoting ${q.author ?? 'someone'}`, kind: 'quote', ...common, quoted: q.author ?? '' };
      if (q.sourcePost !== null) {
        const st = q.sourceThread ?? thread.slug;
        meta.source = u.postInThread(st, q.sourcePost);
        meta.sourceLabel = `#${q.sourcePost}`;
        if (q.sourceThread) meta.sourceThread = q.sourceThread;
      }
      out.push({
        // Each record needs its own URL (Pagefind keeps one record per URL): the quote's anchor in the post.
        url: `${url}-q${i + 1}`,
        content: text,
        language: 'en',
        meta,
        filters: { author, thread: [thread.slug], kind: ['quote'] },
        sort: { order: order(p.n, i + 1) },
      });
    });
  }
  thread.sections.forEach((s, i) => {
    const text = s.blocks.map((b) => (b.kind === 'paragraph' ? (b.text ?? '') : (b.items ?? []).join('\n'))).join('\n\n');
    const content = plainText(`${s.title}\n\n${text}`);
    if (!content) return;
    out.push({
      url: u.essay(thread.slug, s.id),
      content,
      language: 'en',
      meta: { title: s.title, kind: 'essay', thread: thread.title, threadSlug: thread.slug, section: s.title },
      filters: { thread: [thread.slug], kind: ['essay'] },
      sort: { order: order(0, i) },
    });
  });
  return out;
}

/** Reads the built data files of `dir` and returns every record, in thread order. */
export async function readRecords(dir: string, base: string): Promise<SearchRecord[]> {
  const index = JSON.parse(await readFile(join(dir, 'data/index.json'), 'utf8')) as { documents: { slug: string }[] };
  const records: SearchRecord[] = [];
  for (const [t, d] of index.documents.entries()) {
    const thread = JSON.parse(await readFile(join(dir, 'data/threads', `${d.slug}.json`), 'utf8')) as ThreadFile;
    records.push(...threadRecords(thread, t, base));
  }
  return records;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  }
  return total;
}

/** Indexes `records` and writes the bundle to `outputPath`. Throws on any Pagefind error; always closes the service. */
export async function writeIndex(records: SearchRecord[], outputPath: string): Promise<{ records: number; indexMs: number; indexBytes: number }> {
  const t0 = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length) throw new Error(`Pagefind createIndex: ${errors.join('; ')}`);
    // The service handles requests one at a time; batches keep the pipe full without flooding memory.
    const BATCH = 256;
    for (let i = 0; i < records.length; i += BATCH) {
      const res = await Promise.all(records.slice(i, i + BATCH).map((r) => index.addCustomRecord(r)));
      const bad = res.flatMap((r) => r.errors);
      if (bad.length) throw new Error(`Pagefind addCustomRecord: ${bad.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind writeFiles: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const indexMs = Math.round(performance.now() - t0);
  return { records: records.length, indexMs, indexBytes: await dirBytes(outputPath) };
}

/** Merges `figures` into the JSON file named by `ARCHIVE_STATS_FILE`, if set. */
async function mergeStats(figures: Record<string, unknown>): Promise<void> {
  const file = process.env.ARCHIVE_STATS_FILE;
  if (!file) return;
  let old: Record<string, unknown> = {};
  try {
    old = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    /* no figures yet */
  }
  await writeFile(file, `${JSON.stringify({ ...old, ...figures })}\n`);
}

/** The Astro integration: indexes the built site on `astro:build:done`. */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const records = await readRecords(out, base);
        const figures = await writeIndex(records, join(out, 'pagefind'));
        logger.info(`search index: ${figures.records} records in ${figures.indexMs} ms, ${Math.round(figures.indexBytes / 1024)} KB`);
        await mergeStats(figures);
      },
    },
  };
}

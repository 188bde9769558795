/**
 * The corpus generator: about N posts of synthetic counterfactual-history
 * debate, written thread by thread as capture files (half Markdown exports,
 * half flat-text captures) plus a ground-truth manifest. Same options, same
 * bytes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPeople } from './authors.js';
import { ManifestWriter, MANIFEST, type FileEntry, type Totals } from './manifest.js';
import { markdownThread } from './markdown-export.js';
import { plainThread } from './plain-capture.js';
import { Rng, seedFrom } from './prng.js';
import { Prose } from './prose.js';
import type { Context, ThreadOutput } from './thread.js';
import { buildVocabulary } from './vocabulary.js';

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  /** Number of posts to generate (at least 2). */
  posts: number;
  /** Output folder (created if missing; earlier generated files in it are removed). */
  out: string;
  /** Seed: an integer or any text (default 1). */
  seed?: string | number;
  /** Distinct pseudo-words in the vocabulary (default 50,000). */
  vocabulary?: number;
}

/** Longest thread, in posts. */
export const MAX_THREAD = 2000;

/** Files this generator writes, so a rerun can remove the previous run's files and nothing else. */
const GENERATED = /^t\d{6}\.(?:md|txt)$/;

/** Optional YAML front matter for a file: title, source URL and capture date. */
function frontMatter(ctx: Context, title: string, n: number): string {
  const { rng } = ctx;
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const date = `${rng.int(2008, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return `---\ntitle: ${JSON.stringify(title)}\nsource: https://forum.example.org/threads/${slug}.${100000 + n * 7}/\ndate: ${date}\n---\n`;
}

/**
 * Generates a corpus into `options.out`.
 * @returns the totals (also written to `.manifest.json`)
 */
export function generateCorpus(options: CorpusOptions): Totals {
  const total = Math.floor(options.posts);
  if (!(total >= 2)) throw new Error(`--posts must be at least 2 (got ${options.posts})`);
  const seed = seedFrom(options.seed ?? 1);
  mkdirSync(options.out, { recursive: true });
  for (const f of readdirSync(options.out)) if (GENERATED.test(f) || f === MANIFEST) rmSync(join(options.out, f));

  const root = new Rng(seed);
  const vocab = buildVocabulary(root.fork('vocabulary'), options.vocabulary ?? 50_000);
  const people = createPeople(root.fork('people'), Math.max(12, Math.round(total / 20)));
  const rng = root.fork('threads');
  const ctx: Context = {
    rng,
    prose: new Prose(rng, vocab),
    people,
    shown: new Set(),
    quotes: { explicit: 0, explicitOldName: 0, plainWholePost: 0, plainParagraph: 0, plainPart: 0 },
    named: new Set(),
    posting: new Set(),
    renamedUsed: new Set(),
  };
  const manifest = new ManifestWriter(join(options.out, MANIFEST));
  const byFormat: Totals['byFormat'] = { 'markdown-export': { threads: 0, posts: 0 }, 'plain-capture': { threads: 0, posts: 0 } };
  const cap = Math.max(2, Math.min(MAX_THREAD, Math.floor(total / 5)));
  let done = 0;
  let threads = 0;
  while (done < total) {
    const remaining = total - done;
    let length = Math.min(rng.pareto(2, cap, 1.05), remaining);
    if (remaining - length === 1) length = length < cap ? length + 1 : length - 1;
    if (length < 2) length = remaining;
    threads++;
    const format: FileEntry['format'] = rng.chance(0.5) ? 'markdown-export' : 'plain-capture';
    const title = ctx.prose.title();
    const fm = rng.chance(0.15) ? frontMatter(ctx, title, threads) : '';
    const out: ThreadOutput = format === 'markdown-export' ? markdownThread(ctx, title, length, fm) : plainThread(ctx, title, length, fm);
    const file = `t${String(threads).padStart(6, '0')}.${format === 'markdown-export' ? 'md' : 'txt'}`;
    writeFileSync(join(options.out, file), out.text);
    manifest.add({ file, format, title, frontMatter: fm !== '', posts: out.posts });
    byFormat[format].threads++;
    byFormat[format].posts += length;
    done += length;
  }
  const q = ctx.quotes;
  const totals: Totals = {
    seed,
    requestedPosts: total,
    files: threads,
    threads,
    posts: done,
    byFormat,
    quotes: { ...q, total: q.explicit + q.explicitOldName + q.plainWholePost + q.plainParagraph + q.plainPart },
    authors: ctx.named.size,
    renamedAuthors: [...ctx.renamedUsed].filter((id) => ctx.named.has(id)).length,
    people: ctx.posting.size,
    vocabularySize: vocab.words.length,
  };
  manifest.close(totals);
  return totals;
}

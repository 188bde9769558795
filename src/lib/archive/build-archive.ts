/**
 * The whole importer: captures in, an archive out. Parses each capture, gives
 * documents unique slugs, attributes signed posts, links quotes to their
 * sources, joins renamed accounts, and finds passages shared between documents.
 */
import type { Archive, ArchiveDocument } from '../model.js';
import { parseCapture, type CaptureInput } from './parse-capture.js';
import { dedupeSlugs } from './ids.js';
import { applySignatures } from '../authors/signatures.js';
import { resolveExplicitQuotes, type AliasEvidence } from '../quotes/resolve-quotes.js';
import { reconstructQuotes } from '../quotes/reconstruct-quotes.js';
import { buildAuthors } from '../authors/authors.js';
import { findSharedPassages } from '../quotes/shared-passages.js';
import { lineClaimer } from '../accounting/line-claims.js';
import { formatNamed } from '../formats/registry.js';
import { mergeCaptures } from './merge-captures.js';
import { recordedOrder, type PublishedRecord } from './published.js';
import { applyRemovals, emptyRemovals, withdrawCaptures, withFrontMatterRemovals, type RemovalList } from './removals.js';

/** Options for `buildArchive`. */
export interface BuildOptions {
  /** Called after each document is parsed, with the count so far, the total and the posts so far (default: none). */
  onProgress?: (done: number, total: number, posts: number) => void;
  /** The record of what earlier builds published (`archive/published.ts`): re-captures are merged in the order their threads were published (default: nothing published). */
  published?: PublishedRecord;
  /** What to remove (`archive/removals.ts`), besides what captures' front matter lists (default: nothing). */
  removals?: RemovalList;
}

/** Timings of the importer's stages, in milliseconds. */
export interface BuildTimings {
  parse: number;
  quotes: number;
  authors: number;
  shared: number;
}

/**
 * Imports a set of captures as one archive. Documents keep the order given
 * (callers sort paths for a deterministic build). Never throws on content.
 */
export function buildArchive(inputs: readonly CaptureInput[], options: BuildOptions = {}): Archive & { timings: BuildTimings } {
  const t0 = performance.now();
  const documents: ArchiveDocument[] = [];
  let posts = 0;
  for (const input of inputs) {
    const doc = parseCapture(input);
    documents.push(doc);
    posts += doc.posts.length;
    options.onProgress?.(documents.length, inputs.length, posts);
  }
  dedupeSlugs(documents);
  // Withdrawn captures go before anything is derived from them.
  const removals = withFrontMatterRemovals(options.removals ?? emptyRemovals(), documents);
  const withdrawn = withdrawCaptures(documents, removals.list);
  const captures = withdrawn.documents;
  const t1 = performance.now();
  const known = new Set<string>();
  for (const d of captures) for (const p of d.posts) if (p.author && p.authorEvidence !== 'signature') known.add(p.author);
  applySignatures(captures, known);
  const evidence: AliasEvidence[] = [];
  for (const doc of captures) {
    if (formatNamed(doc.format)?.reconstructQuotes) doc.diagnostics.push(...reconstructQuotes(doc.posts, lineClaimer(doc)));
    const resolved = resolveExplicitQuotes(doc.posts, formatNamed(doc.format)?.markdown ?? true);
    evidence.push(...resolved.aliases);
    doc.diagnostics.push(...resolved.diagnostics);
  }
  // Re-captures of a thread become one document, numbered as first published.
  const merged = mergeCaptures(captures, { recordedOrder: options.published && recordedOrder(options.published) });
  evidence.push(...merged.aliases);
  const t2 = performance.now();
  const found = buildAuthors(merged.documents, evidence);
  // A capture some of whose words were removed is not published as it was imported.
  const before = removals.list.authors.length || removals.list.posts.length ? merged.documents.map(fingerprint) : null;
  const removed = applyRemovals(merged.documents, found.authors, removals.list);
  if (before) merged.documents.forEach((d, i) => (d.rawWithheld = fingerprint(d) !== before[i]));
  const t3 = performance.now();
  const sharedPassages = findSharedPassages(merged.documents);
  const t4 = performance.now();
  return {
    documents: merged.documents,
    authors: removed.authors,
    sharedPassages,
    diagnostics: [...removals.diagnostics, ...withdrawn.diagnostics, ...removed.diagnostics],
    timings: { parse: t1 - t0, quotes: t2 - t1, authors: t3 - t2, shared: t4 - t3 },
  };
}

/** What a removal can change in a document: its title and every post's author, text and quotes. */
function fingerprint(d: ArchiveDocument): string {
  return JSON.stringify([d.title, d.posts.map((p) => [p.author, p.text, p.quotes.map((q) => [q.author, q.text])])]);
}

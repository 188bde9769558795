/**
 * Reads capture files as the content loader does (bytes, text decoding, MIME
 * decoding of mail) and imports them, for tests that check a parse report.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { buildArchive, readCaptureBytes, type Archive, type ArchiveDocument, type CaptureInput, type Diagnostic } from '../../src/lib/index.js';

/** Imports files (paths) together, through the read stage. */
export async function importFiles(paths: readonly string[]): Promise<Archive> {
  const inputs: CaptureInput[] = [];
  const early: Diagnostic[][] = [];
  for (const file of paths) {
    const read = await readCaptureBytes(readFileSync(file));
    inputs.push({ file, text: read.text ?? '', ...(read.mime ? { mime: read.mime } : {}) });
    early.push(read.diagnostics);
  }
  const archive = buildArchive(inputs);
  // As the loader does: the read stage's diagnostics come first.
  archive.documents.forEach((d, i) => d.diagnostics.unshift(...(early[i] ?? [])));
  return archive;
}

/** A post as the expectations state it: author, date, replyTo, and each quote as [attributed author, source post]. */
export interface PostSummary {
  author: string | null;
  date: string | null;
  replyTo: number | null;
  quotes: [string | null, number | null][];
}

/** The posts of a document, summarised for comparison with expectations. */
export function summarise(doc: ArchiveDocument): PostSummary[] {
  return doc.posts.map((p) => ({ author: p.author, date: p.date, replyTo: p.replyTo, quotes: p.quotes.map((q) => [q.author, q.sourcePost] as [string | null, number | null]) }));
}

/** Checks that every character of a document is placed or dropped by a named rule, and nothing is unaccounted. */
export function expectAccounted(doc: ArchiveDocument): void {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  expect(doc.accounting.dropped.unaccounted, doc.file).toBeUndefined();
  expect(doc.accounting.placed + sum(doc.accounting.dropped), doc.file).toBe(doc.accounting.source);
  expect(sum(doc.accounting.placedBy), doc.file).toBe(doc.accounting.placed);
}

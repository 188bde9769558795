/**
 * Signatures: TEMPORARY placeholder, being written in its own change.
 */
import type { ArchiveDocument } from './model.js';

/** Attributes unsigned flat-text posts that end with a known author's name (in place). */
export function applySignatures(docs: ArchiveDocument[], knownAuthors: ReadonlySet<string>): void {
  void docs; void knownAuthors;
}

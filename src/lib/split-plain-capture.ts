/**
 * Flat-text captures (copied from a forum page): TEMPORARY placeholder, being
 * written in its own change. Every post is one chunk between separator lines.
 */
import type { Ledger } from './ledger.js';
import type { SplitResult } from './split-markdown-export.js';

/** Splits a flat-text capture into posts. */
export function splitPlainCapture(lines: string[], start: number, ledger: Ledger): SplitResult {
  void lines; void start; void ledger;
  return { title: null, posts: [], diagnostics: [] };
}

/**
 * Essays: TEMPORARY placeholder, being written in its own change.
 */
import type { Diagnostic, Section } from './model.js';
import type { Ledger } from './ledger.js';

/** What the essay reader returns. */
export interface EssayResult {
  title: string | null;
  sections: Section[];
  diagnostics: Diagnostic[];
}

/** Reads an essay's sections. */
export function splitEssay(lines: string[], start: number, ledger: Ledger): EssayResult {
  void lines; void start; void ledger;
  return { title: null, sections: [], diagnostics: [] };
}

/** Infers a title for an essay that has none. */
export function inferEssayTitle(sections: Section[]): string | null {
  return sections[0]?.title ?? null;
}

/**
 * Line claims after parsing: stages that run over the whole archive (signatures,
 * quote reconstruction) re-assign lines that the splitter had claimed, for
 * example a post line that turns out to be a quote. The document's ledger is
 * kept here, keyed by the document, and its `accounting` is updated in place
 * so that `source === placed + sum(dropped)` still holds.
 */
import type { ArchiveDocument } from '../model.js';
import { PLACED, type Ledger } from './ledger.js';

/** Re-assigns lines `from`..`to` (0-based, inclusive) to `kind`. */
export type LineClaimer = (from: number, to: number, kind: string) => void;

const ledgers = new WeakMap<ArchiveDocument, Ledger>();

/** Remembers the ledger a document was parsed with, so later stages can re-assign its lines. */
export function attachLedger(doc: ArchiveDocument, ledger: Ledger): void {
  ledgers.set(doc, ledger);
}

function bucketOf(ledger: Ledger, i: number): string {
  const k = ledger.kind(i);
  if (k !== null) return k;
  return /^[\s\u00a0]*$/.test(ledger.lines[i] ?? '') ? 'blank-line' : 'unaccounted';
}

/**
 * A claimer for a document's lines: each call moves the lines' characters from
 * their current category to `kind` in `doc.accounting` (in O(lines claimed)).
 * A document parsed without an attached ledger gets a claimer that does nothing.
 */
export function lineClaimer(doc: ArchiveDocument): LineClaimer {
  const ledger = ledgers.get(doc);
  if (!ledger) return () => {};
  return (from, to, kind) => {
    const acc = doc.accounting;
    const last = ledger.lines.length - 1;
    for (let i = Math.max(0, from); i <= Math.min(to, last); i++) {
      const old = bucketOf(ledger, i);
      if (old === kind) continue;
      const n = (ledger.lines[i] ?? '').length + (i < last ? 1 : 0);
      ledger.reclaim(i, i, kind);
      if (n === 0) continue;
      const src = PLACED.has(old) ? acc.placedBy : acc.dropped;
      const dst = PLACED.has(kind) ? acc.placedBy : acc.dropped;
      src[old] = (src[old] ?? 0) - n;
      if (src[old] === 0) delete src[old];
      dst[kind] = (dst[kind] ?? 0) + n;
      if (PLACED.has(old)) acc.placed -= n;
      if (PLACED.has(kind)) acc.placed += n;
    }
  };
}

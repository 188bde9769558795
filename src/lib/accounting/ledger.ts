/**
 * The character ledger: every line of a capture is claimed by the stage that
 * placed it in the model, or dropped under a named rule, so that a parse report
 * can show that nothing was lost.
 */
import type { Accounting } from '../model.js';

/** Categories that count as placed in the model; any other name is a drop rule. */
export const PLACED = new Set([
  'title',
  'front-matter',
  'post',
  'quote',
  'quote-attribution',
  'author',
  'post-header',
  'user-block',
  'badge',
  'edited-marker',
  'signature',
  'heading',
  'section',
  'body',
  'poll',
  'post-date',
  'reply-to',
]);

/** Tracks which category each line of a text belongs to. Lines are 0-based here. */
export class Ledger {
  readonly lines: string[];
  private readonly kinds: (string | null)[];

  /** @param lines the capture's lines (LF-split, after normalisation) */
  constructor(lines: string[]) {
    this.lines = lines;
    this.kinds = new Array<string | null>(lines.length).fill(null);
  }

  /** Claims lines `from` to `to` (inclusive, 0-based) for `kind`, unless already claimed. */
  claim(from: number, to: number, kind: string): void {
    const end = Math.min(to, this.lines.length - 1);
    for (let i = Math.max(0, from); i <= end; i++) if (this.kinds[i] === null) this.kinds[i] = kind;
  }

  /** Claims lines for `kind` even when another stage claimed them first. */
  reclaim(from: number, to: number, kind: string): void {
    const end = Math.min(to, this.lines.length - 1);
    for (let i = Math.max(0, from); i <= end; i++) this.kinds[i] = kind;
  }

  /** The category of line `i`, or null when no stage claimed it. */
  kind(i: number): string | null {
    return this.kinds[i] ?? null;
  }

  /**
   * Totals per category. Each line counts its characters plus its newline
   * (the last line has none). Unclaimed blank lines count as `blank-line`;
   * unclaimed lines with text count as `unaccounted`, which a test must never see.
   * @param extra characters removed before splitting (byte-order mark, carriage returns)
   */
  account(extra: Record<string, number> = {}): Accounting {
    const placedBy: Record<string, number> = {};
    const dropped: Record<string, number> = {};
    let source = 0;
    for (const [rule, n] of Object.entries(extra)) {
      if (n > 0) {
        dropped[rule] = (dropped[rule] ?? 0) + n;
        source += n;
      }
    }
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i] ?? '';
      const n = line.length + (i < this.lines.length - 1 ? 1 : 0);
      if (n === 0) continue;
      source += n;
      let kind = this.kinds[i] ?? null;
      if (kind === null) kind = /^[\s\u00a0]*$/.test(line) ? 'blank-line' : 'unaccounted';
      const bucket = PLACED.has(kind) ? placedBy : dropped;
      bucket[kind] = (bucket[kind] ?? 0) + n;
    }
    const placed = Object.values(placedBy).reduce((a, b) => a + b, 0);
    return { source, placed, placedBy, dropped };
  }
}

/**
 * Line claims for captures read by a parser that gives character offsets
 * (JSON, XML): each span of the text is claimed, line by line, for what it
 * became, and the lines no span claimed are dropped by name. The ledger counts
 * whole lines, so a line holding several values goes to the first claim made
 * on it: claim the most important spans (post bodies) first.
 */
import type { Ledger } from './ledger.js';
import { lineLocator } from '../text/text.js';

/** A span of a text (offsets `start` to `end`, end exclusive) and the ledger category its lines go to. */
export interface SpanClaim {
  start: number;
  end: number;
  kind: string;
}

/** A line with nothing but JSON brackets, braces, commas and colons (or a container key opening one), or nothing but XML tags and declarations: structure, no text. */
const STRUCTURE = /^(?:[\s{}[\],:]*|\s*"(?:data|children|replies)"\s*:\s*[{[]\s*|\s*(?:<[?/]?[\w:.-]+(?:\s[^<>]*)?[?/]?>\s*)+)$/;

/**
 * Claims the lines of `text`, which starts at 0-based line `base` of the capture.
 * @param claims spans in priority order (the first claim of a line wins)
 * @param rest drop rules for the lines left over: `structure` for lines of
 *   brackets only, `other` for the rest (fields the importer does not use)
 */
export function claimSpans(ledger: Ledger, text: string, base: number, claims: readonly SpanClaim[], rest: { structure: string; other: string }): void {
  const lineOf = lineLocator(text);
  for (const c of claims) {
    if (!(c.end > c.start)) continue;
    ledger.claim(base + lineOf(c.start), base + lineOf(Math.max(c.start, c.end - 1)), c.kind);
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (ledger.kind(base + i) !== null || /^[\s\u00a0]*$/.test(l)) continue;
    ledger.claim(base + i, base + i, STRUCTURE.test(l) ? rest.structure : rest.other);
  }
}

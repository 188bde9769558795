/**
 * Segments of a post body built from source lines: runs of lines become
 * own-words segments, and a post's own words are its own segments joined.
 */
import type { Segment } from '../model.js';
import { isBlank } from './text.js';

/**
 * Own-words segments for a run of 0-based line indices: runs of consecutive
 * indices become one segment each, with blank lines at the edges left out.
 */
export function ownSegmentsOf(lines: readonly string[], indices: readonly number[]): Segment[] {
  const out: Segment[] = [];
  let k = 0;
  while (k < indices.length) {
    let e = k;
    while (e + 1 < indices.length && indices[e + 1] === indices[e]! + 1) e++;
    let a = indices[k]!;
    let b = indices[e]!;
    while (a <= b && isBlank(lines[a] ?? '')) a++;
    while (b >= a && isBlank(lines[b] ?? '')) b--;
    if (a <= b) out.push({ kind: 'own', text: lines.slice(a, b + 1).join('\n'), line: a + 1 });
    k = e + 1;
  }
  return out;
}

/** The own words of a post: its own segments joined by blank lines. */
export function ownText(segments: readonly Segment[]): string {
  return segments.flatMap((g) => (g.kind === 'own' ? [g.text] : [])).join('\n\n');
}

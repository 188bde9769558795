/**
 * Discourse numbers its posts, and the archive keeps those numbers (a post's
 * URL matches its place in the topic). A post whose number is missing, not a
 * whole number, or taken by an earlier post of the file gets the next number
 * after the highest, and is reported.
 */
import type { Diagnostic } from '../../model.js';

/**
 * The number each post goes under, in the order given.
 * @param wanted the number each post states, or null
 * @param lines the 1-based capture line of each post, for diagnostics
 * @param what what the number is called in the capture, for the message (for example "post_number")
 */
export function assignNumbers(wanted: readonly (number | null)[], lines: readonly number[], what: string): { numbers: number[]; diagnostics: Diagnostic[] } {
  const taken = new Set<number>();
  const ok = wanted.map((n) => {
    if (n === null || !Number.isInteger(n) || n < 1 || taken.has(n)) return null;
    taken.add(n);
    return n;
  });
  let next = Math.max(0, ...taken);
  const diagnostics: Diagnostic[] = [];
  const numbers = ok.map((n, i) => {
    if (n !== null) return n;
    next++;
    diagnostics.push({
      rule: 'post-number-missing',
      severity: 'warning',
      message: `A post has no usable ${what} (missing, not a whole number, or the same as another post's). It was numbered ${next}, after the highest number in the file; its place in the thread may be wrong.`,
      line: lines[i] ?? null,
    });
    return next;
  });
  return { numbers, diagnostics };
}

/**
 * The years a text argues about: four-digit years ("1941") and decades ("the
 * 1930s", "mid-1920's") in a plausible range, with web addresses, money,
 * percentages and reference numbers left out.
 */

/** Years outside this range are not taken as years (default 1000–2099). */
export const YEAR_RANGE = { min: 1000, max: 2099 } as const;

/** The years and decades a text mentions, each once, in ascending order. A decade is given by its first year (1930 for "the 1930s"). */
export interface YearMentions {
  years: number[];
  decades: number[];
}

const URL = /\b(?:https?:\/\/|www\.)\S+|\b\S+\.(?:com|org|net|htm|html)\S*/gi;
const NUMBER = /(?<![\p{L}\p{N}#$£€¥.,/=:_])(?<![\p{L}#]-)(?:(mid|early|late)-)?(\d{4})(?:('?s)\b|(?![\p{L}\p{N}%,.]\d|[\p{L}%]))/gu;

/**
 * Finds the years and decades of a text. Pure; never throws; odd input gives
 * empty lists. A number counts when it stands alone as a word, is within
 * `YEAR_RANGE`, and is not part of a web address, an amount (`$1200`), a
 * percentage, a decimal or a larger number (`12,000`, `1941.5`).
 */
export function findYears(input: string): YearMentions {
  const text = typeof input === 'string' ? input.replace(URL, ' ') : '';
  const years = new Set<number>();
  const decades = new Set<number>();
  for (const m of text.matchAll(NUMBER)) {
    const n = Number(m[2]);
    if (n < YEAR_RANGE.min || n > YEAR_RANGE.max) continue;
    if (m[3]) {
      if (n % 10 === 0) decades.add(n);
    } else years.add(n);
  }
  const asc = (a: number, b: number) => a - b;
  return { years: [...years].sort(asc), decades: [...decades].sort(asc) };
}

/** How a decade reads: `1930` → `1930s`. */
export function decadeLabel(start: number): string {
  return `${start}s`;
}

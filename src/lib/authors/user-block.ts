/**
 * User blocks of flat-text forum captures: the author's name, a blank line,
 * then badge lines (`Banned`, `Donor`, a rank, `Joined: Mar 3, 2012`,
 * `Messages: 1,234`, `Reaction score: 55`, `Location: …`), then the post body.
 * A block is only recognised when at least one badge is a definite one (a
 * known badge word or a `Label: value` profile field), so a short body line
 * followed by a blank line is never taken for a name.
 */
import { isBlank } from '../text/text.js';

/** Badge words forums show under a name (matched whole-line, case-insensitive). */
const BADGE_WORDS = new RegExp(
  '^(?:banned|donor|monthly donor|annual donor|lifetime donor|supporter|patron|kicked|suspended|gone fishin\'?|' +
    'moderator|super moderator|global moderator|administrator|admin|staff member|staff|' +
    'member|new member|junior member|senior member|active member|well-known member|registered|' +
    'guest|deleted member|retired|veteran|founder|banned user|inactive|premium member|vip)$',
  'i',
);

/** Profile fields shown as `Label: value`. */
const PROFILE_FIELD =
  /^(?:joined|join date|registered|member since|messages|posts|post count|reaction score|reactions|likes|likes received|points|trophy points|solutions|location|from|age|gender|pronouns|website|occupation|reputation|rep|karma|threads|articles|media|awards|last seen|last active)\s*:\s*\S.{0,80}$/i;

/** A profile field label shown alone, with its value on the next line. */
const BARE_LABEL = /^(?:joined|join date|registered|messages|posts|reaction score|likes|likes received|points|trophy points|solutions|location|age|gender|website|occupation)$/i;

/** Any `Label: number` counter (`Thanks: 12`, `Kudos: 1.2k`). */
const COUNTER = /^[\p{L}][\p{L} ]{0,24}:\s*[\d][\d,.\s]*[kKmM]?$/u;

/** A line that may be a rank or title under a name: short, no sentence punctuation at its end. */
const RANK = /^[\p{L}\p{N}'’"][^\n]{0,39}$/u;

/** True when a line is certainly a badge (badge word or profile field). */
export function isDefiniteBadge(line: string): boolean {
  const t = line.trim();
  return BADGE_WORDS.test(t) || PROFILE_FIELD.test(t) || COUNTER.test(t);
}

/** True when a line could be a rank shown among badges (at most 5 words, 40 characters, no closing punctuation). */
export function isRankLike(line: string): boolean {
  const t = line.trim();
  return RANK.test(t) && !/[.!?:;,]$/.test(t) && t.split(/\s+/).length <= 5 && !/^https?:/i.test(t);
}

/** True when a line could be a display name: 1 to 60 characters, at most 6 words, not a badge or separator. */
export function isNameLike(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 60 || t.split(/\s+/).length > 6) return false;
  if (/[!?;,:]$/.test(t) || /^[-*•>#]/.test(t) || /^https?:/i.test(t)) return false;
  return /[\p{L}\p{N}]/u.test(t) && !isDefiniteBadge(t);
}

/** A user block found in the lines of a capture (0-based line indices). */
export interface UserBlock {
  name: string;
  badges: string[];
  nameLine: number;
  /** 0-based indices of the badge lines. */
  badgeLines: number[];
  /** 0-based index of the first line after the block. */
  end: number;
}

/**
 * Reads a user block starting at line `at` (the name line), not going past line `to` (inclusive).
 * The name must be followed by one or more blank lines, then badge lines; ranks
 * (short lines) count only when a definite badge comes after them.
 * @returns the block, or null when the lines there are not one
 */
export function readUserBlock(lines: readonly string[], at: number, to: number): UserBlock | null {
  const nameText = lines[at] ?? '';
  if (!isNameLike(nameText)) return null;
  let j = at + 1;
  if (j > to || !isBlank(lines[j] ?? '')) return null;
  while (j <= to && isBlank(lines[j] ?? '')) j++;
  const first = j;
  let lastDefinite = -1;
  let afterLabel = false;
  while (j <= to && !isBlank(lines[j] ?? '')) {
    const l = lines[j] ?? '';
    if (isDefiniteBadge(l) || (afterLabel && l.trim().length <= 60)) lastDefinite = j;
    else if (!isRankLike(l)) break;
    afterLabel = !afterLabel && BARE_LABEL.test(l.trim());
    j++;
  }
  if (lastDefinite < 0) return null;
  const badgeLines: number[] = [];
  for (let k = first; k <= lastDefinite; k++) badgeLines.push(k);
  const badges: string[] = [];
  for (let k = 0; k < badgeLines.length; k++) {
    const text = (lines[badgeLines[k]!] ?? '').trim();
    const next = badgeLines[k + 1];
    if (BARE_LABEL.test(text) && next !== undefined) {
      badges.push(`${text}: ${(lines[next] ?? '').trim()}`);
      k++;
    } else badges.push(text);
  }
  return {
    name: nameText.trim().replace(/\s+/g, ' '),
    badges,
    nameLine: at,
    badgeLines,
    end: lastDefinite + 1,
  };
}

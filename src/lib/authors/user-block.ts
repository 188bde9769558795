/**
 * User blocks of flat-text forum captures: the author's name, a blank line,
 * then badge lines (`Banned`, `Donor`, a rank, `Joined: Mar 3, 2012`,
 * `Messages: 1,234`, `Reaction score: 55`, `Location: …`), then the post body.
 * A block is only recognised when at least one badge is a definite one (a
 * known badge word, a `Label: value` profile field, a join date, or a bare
 * counter after another badge), so a short body line followed by a blank line
 * is never taken for a name. Boards with their own ranks and titles are read
 * by `readLearnedUserBlock`, which accepts names and badges the capture has
 * already shown in definite blocks, or that recur in it.
 */
import { isBlank } from '../text/text.js';
import { isRelativeDate, MONTH_YEAR, readDate } from '../text/dates.js';

/** Badge words forums show under a name (matched whole-line, case-insensitive). */
const BADGE_WORDS = new RegExp(
  '^(?:banned|donor|monthly donor|annual donor|lifetime donor|supporter|patron|kicked|suspended|gone fishin\'?|' +
    'moderator|super moderator|global moderator|administrator|admin|staff member|staff|' +
    'member|new member|junior member|senior member|active member|well-known member|registered|' +
    'guest|deleted member|retired|veteran|founder|banned user|inactive|premium member|vip|' +
    'established member|registered user|new user|regular|old hand|forum veteran|site admin|site supporter|moderator emeritus|' +
    'staff alumni|former staff|writer|verified|contributor|' +
    // Ranks by post count: trophy-style titles, and the military ladders many history boards use.
    'first post|lurker|newbie|newcomer|recruit|cadet|private|corporal|sergeant|ensign|lieutenant|captain|commander|' +
    'major|colonel|brigadier|general|commodore|admiral|field marshal|marshal|generalissimo)$',
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

/** Years a join date can have: forums are younger than the web. */
const JOIN_YEARS = { from: 1995, to: 2040 };

/** True when a line is a date a profile shows under a name (`Oct 10, 2010`, `Mar 2010`), not a date in history. */
export function isJoinDate(line: string): boolean {
  const t = line.trim();
  if (MONTH_YEAR.test(t)) {
    const y = Number(t.slice(-4));
    return y >= JOIN_YEARS.from && y <= JOIN_YEARS.to;
  }
  const d = readDate(t);
  if (!d || isRelativeDate(t) || d.includes('T')) return false;
  const y = Number(d.slice(0, 4));
  return y >= JOIN_YEARS.from && y <= JOIN_YEARS.to;
}

/** A bare counter under a name (`320`, `1,234`): definite only after a definite badge (a join date, say). */
const BARE_COUNTER = /^\d{1,3}(?:[,.\u00a0 ]\d{3})*$|^\d{1,7}$/;

/** True when a line is certainly a badge (badge word, profile field, labelled counter or join date). */
export function isDefiniteBadge(line: string): boolean {
  const t = line.trim();
  return BADGE_WORDS.test(t) || PROFILE_FIELD.test(t) || COUNTER.test(t) || isJoinDate(t);
}

/** True when a line could be a rank shown among badges (at most 5 words, 40 characters, no closing punctuation). */
export function isRankLike(line: string): boolean {
  const t = line.trim();
  return RANK.test(t) && !/[.!?:;,]$/.test(t) && t.split(/\s+/).length <= 5 && !/^https?:/i.test(t);
}

/**
 * True when a line could be a custom user title, which may end with
 * punctuation (`Fear the Mustache!`, `Just a guy...`): at most 8 words and 50
 * characters, not a link or a list item. Counted only before a definite badge.
 */
export function isCustomTitle(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 50 && t.split(/\s+/).length <= 8 && !/^(?:https?:|www\.|[-*•>#])/i.test(t);
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
    if (isDefiniteBadge(l) || (afterLabel && l.trim().length <= 60) || (lastDefinite >= 0 && BARE_COUNTER.test(l.trim()))) lastDefinite = j;
    else if (!isRankLike(l) && !isCustomTitle(l)) break;
    afterLabel = !afterLabel && BARE_LABEL.test(l.trim());
    j++;
  }
  if (lastDefinite < 0) return null;
  return blockOf(lines, at, first, lastDefinite);
}

/** The block of name line `at` with badge lines `first`..`last` (0-based, inclusive). */
function blockOf(lines: readonly string[], at: number, first: number, last: number): UserBlock {
  const nameText = lines[at] ?? '';
  const badgeLines: number[] = [];
  for (let k = first; k <= last; k++) badgeLines.push(k);
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
    end: last + 1,
  };
}

/** Names and badge lines a capture has shown in user blocks, to read blocks of the same board that carry no definite badge. */
export interface LearnedBlocks {
  names: Set<string>;
  badges: Set<string>;
}

/** Rank-like lines under a name line and a blank: the candidates `readLearnedUserBlock` weighs (0-based indices). */
function rankRun(lines: readonly string[], at: number, to: number): number[] | null {
  if (!isNameLike(lines[at] ?? '')) return null;
  let j = at + 1;
  if (j > to || !isBlank(lines[j] ?? '')) return null;
  while (j <= to && isBlank(lines[j] ?? '')) j++;
  const run: number[] = [];
  while (j <= to && run.length < 4 && !isBlank(lines[j] ?? '') && isRankLike(lines[j] ?? '')) run.push(j++);
  return run;
}

/**
 * Learns a capture's names and badges: those of its definite blocks, and
 * (name, first rank) pairs that stand at two or more candidate places.
 * @param starts 0-based lines where a block may start (after a blank line, a separator or page chrome)
 */
export function learnUserBlocks(lines: readonly string[], starts: readonly number[], to: number): LearnedBlocks {
  const names = new Set<string>();
  const badges = new Set<string>();
  const pairs = new Map<string, number>();
  for (const at of starts) {
    const block = readUserBlock(lines, at, to);
    if (block) {
      names.add(block.name);
      for (const b of block.badgeLines) badges.add((lines[b] ?? '').trim());
      continue;
    }
    const run = rankRun(lines, at, to);
    if (!run || run.length === 0) continue;
    const key = `${(lines[at] ?? '').trim()}\n${(lines[run[0]!] ?? '').trim()}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  for (const [key, count] of pairs) {
    if (count < 2) continue;
    const [name, rank] = key.split('\n') as [string, string];
    names.add(name.replace(/\s+/g, ' '));
    badges.add(rank);
  }
  return { names, badges };
}

/**
 * Reads a user block with no definite badge, as boards with their own ranks
 * print them (`Bregil` / blank / `Captain`): accepted when the name, or its
 * first badge line, is one the capture has shown in a definite block or at
 * another block. Its badges are the leading lines the capture knows as badges.
 * @returns the block, or null
 */
export function readLearnedUserBlock(lines: readonly string[], at: number, to: number, learned: LearnedBlocks): UserBlock | null {
  const run = rankRun(lines, at, to);
  if (!run) return null;
  const name = (lines[at] ?? '').trim().replace(/\s+/g, ' ');
  let known = 0;
  while (known < run.length && learned.badges.has((lines[run[known]!] ?? '').trim())) known++;
  if (known === 0 && !learned.names.has(name)) return null;
  if (known === 0) {
    // A known name over a blank line and text: a block with no badges.
    // (At the end of a post, or over another block, the name is a signature, not a block.)
    let j = at + 1;
    while (j <= to && isBlank(lines[j] ?? '')) j++;
    if (j > to || readUserBlock(lines, j, to)) return null;
    return { name, badges: [], nameLine: at, badgeLines: [], end: j };
  }
  return blockOf(lines, at, run[0]!, run[known - 1]!);
}

/**
 * The lines of a reddit page copied as text (old reddit and the mirror front
 * ends): comment headers (`u/<name> [flair words] <age or date> [edited
 * <age>]`), the submission line (`r/<sub> …`), score lines, the comment count
 * line and the page's furniture. Pure; never throws.
 */
import { readDate } from '../../text/dates.js';

/** A relative age as reddit front ends print it: `3y ago`, `3 yr. ago`, `15h ago`, `2 months ago`, `an hour ago`, `just now`. */
const AGE = /^(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)\.?\s+ago|just\s+now)$/i;
/** Separators front ends put between header parts. */
const SEPARATOR = /^[•·|–—-]$/;
/** A reddit user name as a front end shows it. */
const USER = /^u\/([A-Za-z0-9_-]{2,})$/;

/** A date or age found in a run of words: where it stands and what it is (ISO, or the age as written). */
interface Found {
  from: number;
  to: number;
  value: string;
}

/** The date or age that takes the most words of `tokens`, tried from each position (at most 8 words long). */
function findDate(tokens: readonly string[]): Found | null {
  let best: Found | null = null;
  for (let from = 0; from < tokens.length; from++) {
    for (let to = Math.min(tokens.length, from + 8); to > from; to--) {
      if (best && to - from <= best.to - best.from) break;
      const text = tokens.slice(from, to).join(' ');
      if (AGE.test(text)) best = { from, to, value: text };
      else if (/\d/.test(text) && !/^\d+$/.test(text)) {
        const d = readDate(text);
        if (d !== null) best = { from, to, value: d };
      }
    }
  }
  return best;
}

/** A comment header: the author (null for `[deleted]`), flair words, the date or age, and whether it says `edited`. */
export interface CommentHeader {
  author: string | null;
  flair: string[];
  date: string;
  edited: boolean;
  /** True for old reddit's own header (`[–]name 20 points 3 years ago`), which is followed by the body directly. */
  oldReddit: boolean;
}

/** A vote count inside a header (`20 points`, `1 point`, `score hidden`), which is not flair. */
const POINTS = /^(?:[+-]?\d[\d,.]*[kK]?\s+points?|score\s+hidden)$/i;

/**
 * Reads a comment header line (`u/name Flair words 3y ago edited 2y ago`,
 * `[deleted] 3y ago`), or returns null when the line is not one. The date is
 * the first date or age on the line; an `edited` part after it is a flag.
 */
export function readCommentHeader(line: string): CommentHeader | null {
  // Old reddit's own header: `[–]name …`, `[+] name …`.
  const old = /^\s*\[[–+-]\]\s*(.*)$/.exec(line);
  const tokens = (old ? (old[1] ?? '') : line).trim().split(/\s+/);
  let first = tokens[0] ?? '';
  if (old && !/^\[/.test(first)) first = `u/${first}`;
  const user = USER.exec(first);
  if (!user && !/^(?:u\/)?\[(?:deleted|removed)\]$/i.test(first)) return null;
  let rest = tokens.slice(1).filter((t) => !SEPARATOR.test(t));
  let edited = false;
  const e = rest.findIndex((t) => /^\(?(?:last\s+)?edited\b/i.test(t) || /^\*$/.test(t));
  if (e >= 0) {
    edited = true;
    rest = rest.slice(0, e);
  }
  // Old reddit marks an edit with a star after the age (`3 years ago*`).
  const last = rest[rest.length - 1];
  if (last && last.length > 1 && last.endsWith('*')) {
    edited = true;
    rest[rest.length - 1] = last.slice(0, -1);
  }
  const joined = rest.join(' ');
  const points = /(?:^|\s)([+-]?\d[\d,.]*[kK]?\s+points?|score\s+hidden)(?=\s|$)/i.exec(joined);
  if (points) rest = joined.replace(points[1]!, ' ').split(/\s+/).filter(Boolean);
  const found = findDate(rest);
  if (!found) return null;
  const flair = [...rest.slice(0, found.from), ...rest.slice(found.to)].filter((t) => !POINTS.test(t)).join(' ').trim();
  if (flair.length > 80) return null;
  return { author: user ? user[1]! : null, flair: flair ? [flair] : [], date: found.value, edited, oldReddit: old !== null };
}

/** The submission line: `r/<sub>`, perhaps the poster (`Posted by u/name`, `u/name`), their flair, and a date or age. */
export interface SubmissionLine {
  /** The subreddit, or null on old reddit's `submitted … by …` line, which does not name it. */
  sub: string | null;
  author: string | null;
  flair: string[];
  date: string | null;
}

/** Reads a submission line (`r/HistoryWhatIf 3y ago`, `r/x • Posted by u/y Flair 3 yr. ago`), or null when the line is not one. */
export function readSubmissionLine(line: string): SubmissionLine | null {
  // Old reddit: `submitted 4 years ago by name [flair]`.
  const old = /^submitted\s+(.+?)\s+by\s+(?:u\/)?([A-Za-z0-9_-]{2,})(?:\s+(.*\S))?\s*$/i.exec(line.trim());
  if (old) {
    const when = findDate(old[1]!.split(/\s+/));
    if (when) return { sub: null, author: old[2]!, flair: old[3] ? [old[3]] : [], date: when.value };
  }
  const m = /^r\/([A-Za-z0-9_]{2,21})(?:\s+(.*))?$/.exec(line.trim());
  if (!m) return null;
  const tokens = (m[2] ?? '').split(/\s+/).filter((t) => t && !SEPARATOR.test(t));
  let author: string | null = null;
  const u = tokens.findIndex((t) => USER.test(t));
  if (u >= 0) {
    author = USER.exec(tokens[u]!)![1]!;
    let from = u;
    if (tokens[from - 1]?.toLowerCase() === 'by') from--;
    if (tokens[from - 1]?.toLowerCase() === 'posted') from--;
    tokens.splice(from, u - from + 1);
  }
  const found = findDate(tokens);
  if (!found && tokens.length > 0 && author === null) return null;
  const flair = (found ? [...tokens.slice(0, found.from), ...tokens.slice(found.to)] : tokens).join(' ').trim();
  if (flair.length > 80) return null;
  return { sub: m[1]!, author, flair: flair ? [flair] : [], date: found?.value ?? null };
}

/** A vote score line: `20`, `0`, `-25`, `1.2k`, `20 points`. */
export const SCORE = /^\s*[+-]?\d[\d,.]*[kK]?(?:\s+points?)?\s*$/;

/** The comment count line: `7 comments sorted by`, `all 7 comments`, `12 comments sorted by: best`. */
export const COUNT = /^\s*(?:all\s+)?\d[\d,.]*[kK]?\s+comments?(?:\s+sorted\s+by\b.*)?\s*$/i;

/** A sort order on its own line, after the count line. */
export const SORT = /^\s*(?:sorted\s+by:?\s*)?(?:best|top|new|old|controversial|q&a|hot|random|suggested)\s*$/i;

/** Permalink views' links back to the thread. */
export const PERMALINK_CHROME = /^\s*(?:view\s+all\s+comments|show\s+parent\s+comments?|view\s+entire\s+discussion.*|single\s+comment\s+thread)\s*$/i;

/** Links to replies the page did not show: `load more comments (3 replies)`, `5 more replies`, `Continue this thread →`. */
export const MORE_REPLIES = /^\s*(?:(?:load|view|show)\s+more\s+(?:comments?|replies)(?:\s*\((\d+)\s+(?:repl(?:y|ies)|comments?)\))?|(\d+)\s+more\s+(?:repl(?:y|ies)|comments?)|continue\s+this\s+thread\s*[→>]*)\s*$/i;

/** Action links under a comment, alone on a line: `Reply`, `Share`, `permalink embed save report reply`, `level 2`. */
export const ACTIONS = /^\s*(?:(?:reply|share|permalink|embed|save|report|give\s+award|award|parent|context|source|more\s+replies)\s*)+$|^\s*level\s+\d+\s*$/i;

/** Title openers: words that start a title, used to split link flair run onto a title's start (`DiscussionWhat if…`). */
const OPENERS = /^(?:What|Which|Who|Why|When|Where|How|Would|Could|Should|Was|Were|Did|Had|Has|Is|Are|Can|Will|If|Suppose|Imagine|Assume|Alternate|WI|AHC|WI:|In|The|A|An)(?![a-z])/;

/**
 * A title line with link flair run onto its start or end, split: `What if
 * Carthage won?Discussion` and `DiscussionWhat if Carthage won?` give the title
 * and the flair. A line with no run-on flair gives itself and null.
 */
export function splitTitleFlair(line: string): { title: string; flair: string | null; domain: string | null } {
  // Old reddit follows a title with the link's domain: `(self.HistoryWhatIf)`, `(maps.example)`.
  const dm = /^(.*\S)\s+\(((?:self\.\w+)|(?:[\w-]+\.)+[a-z]{2,})\)$/i.exec(line.trim());
  const domain = dm ? dm[2]! : null;
  const t = dm ? dm[1]! : line.trim();
  const end = /^(.*\S[?!.)"'’”])([A-Z][A-Za-z0-9&/'’ -]{1,30})$/.exec(t);
  if (end && !/\s{2}/.test(end[2]!) && end[2]!.trim().split(/\s+/).length <= 3) return { title: end[1]!, flair: end[2]!.trim(), domain };
  const words = t.split(/\s+/);
  for (let w = 0; w < Math.min(3, words.length); w++) {
    const word = words[w]!;
    for (let i = 1; i < word.length; i++) {
      if (!/[a-z]/.test(word[i - 1]!) || !/[A-Z]/.test(word[i]!)) continue;
      const rest = [word.slice(i), ...words.slice(w + 1)].join(' ');
      if (OPENERS.test(rest)) return { title: rest, flair: [...words.slice(0, w), word.slice(0, i)].join(' '), domain };
    }
  }
  return { title: t, flair: null, domain };
}

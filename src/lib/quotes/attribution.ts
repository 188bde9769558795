/**
 * Attribution lines: the line (or two) that introduces a quote in mail, Usenet
 * and forum text, in the shapes and languages people's software writes them:
 * `X wrote:`, `X a écrit :`, `X schrieb:`, `On <date>, X wrote:`,
 * `Le <date>, X a écrit :`, `Am <date> schrieb X:`, `In article <id>, X writes:`,
 * mutt's `* X (addr) [YYMMDD HH:MM]:`, `Quoting X:`, `X said:`, `X wonders:`.
 * `attributionName` returns the name the line gives (display name, else an
 * address's local part), or null when the line is not an attribution. Pure;
 * never throws.
 */

/** Verbs that end an attribution (`X wrote:`), in the languages mail clients write them. */
const VERBS = [
  'wrote', 'writes', 'said', 'says', 'wonders', 'wondered', 'asks', 'asked', 'replied', 'replies', 'opined', 'notes', 'noted',
  'commented', 'claims', 'claimed', 'argues', 'argued', 'added', 'adds', 'suggests', 'suggested', 'responded', 'posted', 'typed',
  'a écrit', 'a ecrit', 'écrit', 'schrieb', 'schreibt', 'escribió', 'escribio', 'escreveu', 'ha scritto', 'scrive', 'schreef',
  'skrev', 'skriver', 'napisał', 'napisał\\(a\\)', 'napsal', 'napsal\\(a\\)', 'kirjoitti', 'написал', 'написал\\(а\\)', 'написала',
  'írta', 'yazdı', 'kirjutas', 'rašė', 'rakstīja',
].join('|');

/**
 * The line that opens an Outlook original or a forwarded message
 * (`-----Original Message-----`, `---------- Forwarded message ---------`,
 * `Begin forwarded message:`, a line of underscores): the older message follows, unmarked.
 */
export const ORIGINAL =
  /^\s*(?:-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Forwarded message|Weitergeleitete Nachricht|Message transféré|Forwarded by .*)\s*-{2,}|Begin forwarded message:|_{20,})\s*$/i;

/** Openings of `On <date>, X wrote:` in several languages. */
const ON = '(?:On|Le|El|Il|Op|Em|Am|Den|På|Dne|W dniu|Στις|В)';

/** An address: `local@domain`, also the archive spelling `local at domain`. */
const ADDRESS = /([\w.+'-]+)(?:@| at )[\w-]+(?:\.[\w-]+)+/;

/** Words that belong to a date or time, not to a name, in `On <date>, X wrote:`. */
const DATE_WORD =
  /^(?:\d.*|a\.?m\.?|p\.?m\.?|at|um|à|a las|alle|om|kl\.?|o|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|\.)?,?|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?|utc|gmt|[+-]\d{4}|\(\w+\))$/i;
/** Zone abbreviations after a time (`EST`, `CEST`), in capitals as software writes them. */
const ZONE_WORD = /^(?:[ECMP][SD]T|CES?T|BST|MSK|JST|AES?T|UT)$/;

/**
 * The name in an attribution's "who" part: a quoted or plain display name, else
 * the local part of an address (`john.smith@example.org` → `john.smith`).
 * Returns null when nothing name-like is left.
 */
export function nameFromWho(who: string): string | null {
  let w = who.trim().replace(/^["'“”]+|["'“”,;]+$/g, '').trim();
  const quoted = /"([^"]+)"/.exec(w) ?? /“([^”]+)”/.exec(w);
  if (quoted?.[1]?.trim()) return quoted[1].trim();
  // `Name <addr>`, `addr (Name)`, `Name (addr)`.
  const angle = /^(.*?)\s*[<[]\s*[^<>[\]]+\s*[>\]]\s*$/.exec(w);
  if (angle && angle[1]?.trim()) w = angle[1].trim();
  else if (angle) w = (/[<[]\s*([^<>[\]]+)\s*[>\]]/.exec(w)?.[1] ?? w).trim();
  const paren = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(w);
  if (paren) {
    const [, before = '', inside = ''] = paren;
    if (ADDRESS.test(before) && !ADDRESS.test(inside) && inside.trim()) w = inside.trim();
    else if (before.trim()) w = before.trim();
  }
  w = w.replace(/^["'“]+|["'”]+$/g, '').trim();
  const addr = ADDRESS.exec(w);
  if (addr && addr[0].length >= w.length - 2) return addr[1] ?? null;
  if (!w || w.length > 80 || !/\p{L}/u.test(w)) return null;
  return w;
}

/** The name part after a date in `On <date>, X`: the words after the last comma, else the non-date words at the end. */
function nameAfterDate(rest: string): string | null {
  const r = rest.trim().replace(/,$/, '');
  const quoted = /"([^"]+)"\s*(?:<[^>]*>)?\s*$/.exec(r);
  if (quoted?.[1]) return quoted[1].trim();
  const angle = /^(.*?)\s*<([^<>]+)>\s*$/.exec(r);
  const head = angle ? (angle[1] ?? '') : r;
  const comma = head.lastIndexOf(',');
  let tail = comma >= 0 ? head.slice(comma + 1).trim() : head.trim();
  const words = tail.split(/\s+/).filter(Boolean);
  // Drop date and time words from the front: `Tue 3 Mar 2009 10:00:00 -0500 John Smith`.
  while (words.length > 0 && (DATE_WORD.test(words[0]!) || ZONE_WORD.test(words[0]!))) words.shift();
  tail = words.join(' ');
  if (tail) return nameFromWho(angle ? `${tail} <${angle[2]}>` : tail);
  return angle ? nameFromWho(`<${angle[2]}>`) : null;
}

const ON_DATE = new RegExp(`^\\s*${ON}\\s+(.+?)\\s+(?:${VERBS})\\s*:?\\s*$`, 'iu');
const DATE_VERB_NAME = new RegExp(`^\\s*(?:Am|Op|Den|På)\\s+(.+?)\\s+(?:schrieb|schreef|skrev|skriver)\\s+(.+?)\\s*:\\s*$`, 'iu');
const IN_ARTICLE = new RegExp(`^\\s*In\\s+(?:article|message|news:|<)\\s*<?[^\\s>]+>?,?\\s+(.+?)\\s+(?:${VERBS})\\s*:?\\s*$`, 'iu');
const WHO_VERB = new RegExp(`^\\s*(.+?)\\s+(?:${VERBS})(?:\\s+(?:in|on|at|im|dans|en)\\s+.{0,120}?)?\\s*:\\s*$`, 'iu');
const MUTT = /^\s*\*\s+(.+?)\s*(?:<[^>]*>|\([^)]*\))?\s*\[[^\]]{4,40}\]\s*:\s*$/u;
/** Outlook Express: `X wrote in message news:<id>...`. */
const WROTE_IN_MESSAGE = /^\s*(.+?)\s+wrote in (?:message|article)\s+\S+?(?:\.{3}|…|:)\s*$/iu;
const QUOTING = /^\s*(?:Quoting|Zitat von|Citando|Citation de|Cytuję|Quote from|Citing)\s+(.+?)\s*:?\s*$/iu;

/**
 * The name an attribution line gives, or null when the text is not one.
 * `text` may be two source lines joined by a space (`On Tue, …, John Smith` +
 * `<john@example.org> wrote:`). A line longer than 240 characters is not an attribution.
 */
export function attributionName(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 240) return null;
  let m = DATE_VERB_NAME.exec(t);
  if (m) return nameFromWho(m[2] ?? '');
  m = IN_ARTICLE.exec(t);
  if (m) return nameFromWho(m[1] ?? '');
  m = ON_DATE.exec(t);
  if (m) return nameAfterDate(m[1] ?? '');
  m = WROTE_IN_MESSAGE.exec(t);
  if (m) return nameFromWho(m[1] ?? '');
  m = MUTT.exec(t);
  if (m) return nameFromWho(m[0].replace(/^\s*\*\s+/, '').replace(/\s*\[[^\]]*\]\s*:\s*$/, ''));
  m = QUOTING.exec(t);
  if (m && /:\s*$/.test(t)) return nameFromWho(m[1] ?? '');
  m = WHO_VERB.exec(t);
  if (m) {
    const who = m[1] ?? '';
    // A sentence that ends "… he wrote:" is not an attribution: the who part is a name or address, a few words at most.
    if (who.split(/\s+/).length > 6 && !ADDRESS.test(who) && !/[<(]/.test(who)) return null;
    return nameFromWho(who);
  }
  return null;
}

/** True when a text is an attribution line (see `attributionName`). */
export function isAttribution(text: string): boolean {
  return attributionName(text) !== null;
}

/**
 * The name of a bare `Name:` line (digest style), when `Name` is one of the
 * `known` names (compared case-insensitively, full name or first word). Null otherwise:
 * `Consider this:` before a quotation is the poster's own words.
 */
export function bareNameAttribution(text: string, known: ReadonlySet<string>): string | null {
  const m = /^\s*(.{1,60}?)\s*:\s*$/u.exec(text);
  if (!m) return null;
  const who = nameFromWho(m[1] ?? '');
  if (!who) return null;
  const lower = who.toLowerCase();
  for (const k of known) {
    const kl = k.toLowerCase();
    if (kl === lower || kl.split(/\s+/)[0] === lower) return who;
  }
  return null;
}

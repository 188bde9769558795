/**
 * A mail or Usenet message body as a post: the writer's own words, quotes
 * (`>` levels, also `›` and `>>` without spaces) each with the name its
 * attribution line gives, Outlook `-----Original Message-----` and forwarded
 * blocks, a signature after `-- `, PGP armour, elisions such as
 * `…[44 more quoted lines elided]…`, and quoted lines re-wrapped so that the
 * tail of a quoted line stands unmarked. Which earlier message a quote comes
 * from is decided later, by its words (`quotes/resolve-quotes.ts`). Pure;
 * never throws.
 */
import type { Quote, Segment } from '../../model.js';
import { isBlank } from '../../text/text.js';
import { attributionName, bareNameAttribution, ORIGINAL } from '../../quotes/attribution.js';
import { authorFromAddress } from './headers.js';

/** One body line: its text and its 0-based line in the capture (-1 when it has none, as in decoded MIME). */
export interface BodyLine {
  text: string;
  line: number;
}

/** What a body reading needs from the rest of the capture. */
export interface BodyOptions {
  /** Names of the capture's posters: a bare `Name:` line before a quote is an attribution only for these. */
  known: ReadonlySet<string>;
  /**
   * True when `next`, an unmarked line right after the quoted line `quoted`,
   * continues it: the two stand together in another message's own words.
   * Default: never (only the sandwich rule applies).
   */
  continues?: (quoted: string, next: string) => boolean;
}

/** A line claim for the ledger (0-based line). */
export interface BodyClaim {
  line: number;
  kind: string;
}

/** A body read into segments and quotes. */
export interface MailBody {
  segments: Segment[];
  quotes: Quote[];
  /** The first line of the signature after `-- `, when it reads as a name. */
  signatureName: string | null;
  /** The 0-based line of that name, or -1. */
  signatureLine: number;
  claims: BodyClaim[];
}

/** Quote markers at the start of a line: `>`, `›`, with or without spaces (`> >`, `>>`). */
const MARKERS = /^[ \t]?(?:[>›][ \t]?)+/;
/** An elision mark in a quote: `[…]`, `[snip]`, `…[44 more quoted lines elided]…`, `<snip>`. */
const ELISION =
  /^\s*(?:…|\.{2,})?\s*[[<(]\s*(?:…|\.{2,})?\s*(?:(?:\d+\s+)?(?:more\s+)?(?:quoted\s+)?(?:lines?\s+)?(?:elided|snip(?:ped)?|deleted|removed|omitted|trimmed|cut)(?:\s+\w+){0,3}|…|\.{2,})\s*(?:…|\.{2,})?\s*[\]>)]\s*(?:…|\.{2,})?\s*$/i;
/** The first line of an attribution that may run over two lines (`On <date>, Name` / `<addr> wrote:`). */
const TWO_LINE_START = /^\s*(?:On|Le|El|Il|Op|Em|Am|Den|På|Dne|W dniu|In article|In message|In <)\s/i;
/** A header line of an Outlook original or forwarded block. */
const ORIGINAL_FIELD = /^\s*\*?(From|Sent|Date|To|Cc|Subject|Von|Gesendet|An|Betreff|Datum|De|Envoyé|Date|À|A|Objet|Enviado(?: el)?|Para|Asunto|Da|Inviato|Oggetto)\s*:\*?\s*(.*)$/i;
const ORIGINAL_FROM = /^(?:From|Von|De|Da)$/i;

/** Quote depth and the text after the markers. */
function depthOf(text: string): { depth: number; rest: string } {
  const m = MARKERS.exec(text);
  if (!m) return { depth: 0, rest: text };
  return { depth: (m[0].match(/[>›]/g) ?? []).length, rest: text.slice(m[0].length) };
}

/** Removes `levels` quote markers (and one space after each) from a line. */
function unquoteLine(text: string, levels: number): string {
  let t = text;
  for (let k = 0; k < levels; k++) t = t.replace(/^[ \t]?[>›] ?/, '');
  return t;
}

/** True when a line reads as a name (a signature's first line): a few words, letters, no sentence. */
function nameLike(text: string): string | null {
  const t = text.trim().replace(/\s*[-–—|,]\s*(?:https?:\/\/\S+|\S+@\S+).*$/, '').replace(/^[-–—~]+\s*/, '').trim();
  if (!t || t.length > 60 || /[.!?:;]$/.test(t) || /https?:|www\./i.test(t)) return null;
  if (/@/.test(t)) return authorFromAddress(t);
  const words = t.split(/\s+/);
  if (words.length > 5 || !/^\p{L}/u.test(t)) return null;
  return t;
}

interface Row extends BodyLine {
  depth: number;
  kind: 'own' | 'quote' | 'blank' | 'drop';
  /** Claim kind for dropped and attribution rows. */
  claim?: string;
}

/**
 * Reads a body's lines into own-words segments and quotes. Claims are returned
 * for every line with text (callers apply them only where lines are the
 * capture's own, not decoded MIME).
 */
export function readMailBody(lines: readonly BodyLine[], options: BodyOptions): MailBody {
  const rows: Row[] = lines.map((l) => ({ ...l, depth: 0, kind: isBlank(l.text) ? 'blank' : 'own' }));
  const claims: BodyClaim[] = [];
  const drop = (r: Row, claim: string) => {
    r.kind = 'drop';
    r.claim = claim;
  };
  markPgp(rows, drop);
  markSupercite(rows);
  // Quote depth, after the mbox `>From ` escape (a body line that began "From ", not a quote).
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.kind !== 'own') continue;
    if (/^>+From /.test(r.text) && !quoted(rows[i - 1]) && !quoted(rows[i + 1])) {
      r.text = r.text.slice(1);
      continue;
    }
    const { depth } = depthOf(r.text);
    if (depth > 0) {
      r.depth = depth;
      r.kind = 'quote';
    }
  }
  // An Outlook original or forwarded block: everything after it is the older message, quoted.
  let original: { at: number; author: string | null; bodyFrom: number } | null = null;
  for (let i = 0; i < rows.length && !original; i++) {
    const r = rows[i]!;
    if (r.kind !== 'own' || !ORIGINAL.test(r.text)) continue;
    let j = i + 1;
    let author: string | null = null;
    let fields = 0;
    while (j < rows.length && rows[j]!.kind === 'blank' && j < i + 2) j++;
    for (; j < rows.length; j++) {
      const f = ORIGINAL_FIELD.exec(rows[j]!.text);
      if (!f) break;
      fields++;
      if (ORIGINAL_FROM.test(f[1] ?? '') && author === null) {
        // Outlook writes `Name [mailto:addr]` or `Last, First`: without an address left, the value is the name.
        const v = (f[2] ?? '').replace(/\[mailto:[^\]]*\]/gi, '').trim();
        author = /[@<(]/.test(v) ? authorFromAddress(v) : v.replace(/^["']|["']$/g, '').trim() || null;
      }
    }
    if (fields === 0 && /^_{20,}/.test(r.text.trim())) continue;
    for (let k = i; k < j; k++) if (rows[k]!.kind !== 'blank') drop(rows[k]!, 'quote-attribution');
    original = { at: i, author, bodyFrom: j };
  }
  const end = original ? original.at : rows.length;
  // The signature: after the last `-- ` line before the end of the writer's part, at most 15 lines of text.
  let signatureName: string | null = null;
  let signatureLine = -1;
  let sig = -1;
  for (let i = 0; i < end; i++) if (rows[i]!.kind === 'own' && (rows[i]!.text === '-- ' || rows[i]!.text === '--')) sig = i;
  if (sig >= 0) {
    // It runs to the next quote (top-posting leaves the quoted message below it), less the quote's attribution.
    let stop = sig + 1;
    while (stop < end && rows[stop]!.kind !== 'quote') stop++;
    if (stop < end) {
      let a = stop - 1;
      while (a > sig && rows[a]!.kind === 'blank') a--;
      if (a > sig && attributionName(rows[a]!.text) !== null) stop = a;
      else if (a > sig + 1 && attributionName(`${rows[a - 1]!.text} ${rows[a]!.text}`) !== null) stop = a - 1;
    }
    const after = rows.slice(sig + 1, stop);
    if (after.filter((x) => x.kind !== 'blank').length <= 15) {
      drop(rows[sig]!, 'mail-signature');
      for (const x of after) {
        if (x.kind === 'blank') continue;
        if (signatureName === null && signatureLine < 0) {
          signatureName = nameLike(x.text);
          signatureLine = x.line;
        }
        drop(x, 'mail-signature');
      }
    }
  }
  // Re-wrapped quoted lines: the unmarked tail of a quoted line belongs to the quote.
  for (let i = 1; i < end; i++) {
    const r = rows[i]!;
    const prev = rows[i - 1]!;
    if (r.kind !== 'own' || prev.kind !== 'quote') continue;
    const next = rows[i + 1];
    const prevRest = depthOf(prev.text).rest;
    // Between two quoted lines, a short unmarked line is the wrapped tail of the first when that one stops mid-sentence.
    const sandwich =
      next?.kind === 'quote' && next.depth === prev.depth && prevRest.length >= 50 && r.text.trim().length <= prevRest.length / 2 && !/[.!?:;"'”’)\]]\s*$/.test(prevRest);
    if (sandwich || options.continues?.(prevRest, r.text)) {
      r.kind = 'quote';
      r.depth = prev.depth;
      r.text = `${'> '.repeat(prev.depth)}${r.text.trim()}`;
    }
  }
  // Blank lines between two quoted lines belong to the quote.
  for (let i = 0; i < end; i++) {
    if (rows[i]!.kind !== 'blank') continue;
    let j = i;
    while (j < end && rows[j]!.kind === 'blank') j++;
    const before = rows[i - 1];
    if (before?.kind === 'quote' && rows[j]?.kind === 'quote') for (let k = i; k < j; k++) rows[k]!.kind = 'quote';
    i = j;
  }
  const segments: Segment[] = [];
  const quotes: Quote[] = [];
  let attributed: string | null = null;
  let own: Row[] = [];
  const flushOwn = () => {
    let a = 0;
    let b = own.length - 1;
    while (a <= b && isBlank(own[a]!.text)) a++;
    while (b >= a && isBlank(own[b]!.text)) b--;
    if (a <= b) {
      const text = own.slice(a, b + 1).map((r) => r.text).join('\n');
      segments.push({ kind: 'own', text, line: own[a]!.line + 1 });
    }
    own = [];
  };
  let i = 0;
  while (i < end) {
    const r = rows[i]!;
    if (r.kind === 'drop') {
      i++;
      continue;
    }
    if (r.kind !== 'quote') {
      own.push(r);
      i++;
      continue;
    }
    // A quote block: quoted rows (and blank rows inside), split at elision marks.
    let j = i;
    const block: Row[] = [];
    while (j < end && (rows[j]!.kind === 'quote' || rows[j]!.kind === 'drop')) {
      if (rows[j]!.kind === 'quote') block.push(rows[j]!);
      j++;
    }
    const found = attributionBefore(own, options.known);
    if (found) {
      attributed = found.name;
      for (const a of found.rows) {
        a.kind = 'drop';
        a.claim = 'quote-attribution';
      }
      own = own.filter((x) => x.kind !== 'drop');
    }
    flushOwn();
    for (const part of splitAtElisions(block, drop)) addQuote(part, found ? found.rows[0]!.line : -1, attributed, quotes, segments, drop);
    i = j;
  }
  flushOwn();
  if (original) {
    const body = rows.slice(original.bodyFrom).filter((r) => r.kind !== 'drop');
    let a = 0;
    let b = body.length - 1;
    while (a <= b && isBlank(body[a]!.text)) a++;
    while (b >= a && isBlank(body[b]!.text)) b--;
    if (a <= b) {
      const part = body.slice(a, b + 1);
      for (const x of part) x.kind = 'quote';
      quotes.push({ author: original.author, text: part.map((x) => x.text).join('\n'), sourcePost: null, sourceThread: null, reconstructed: false, line: rows[original.at]!.line + 1 });
      segments.push({ kind: 'quote', quote: quotes.length - 1 });
    }
  }
  for (const r of rows) {
    if (isBlank(r.text) && r.kind !== 'drop') continue;
    claims.push({ line: r.line, kind: r.kind === 'drop' ? (r.claim ?? 'dropped') : r.kind === 'quote' ? 'quote' : 'post' });
  }
  return { segments, quotes, signatureName, signatureLine, claims };
}

/** SuperCite quoting (`JS> text`, `Bob> text`): an initials prefix before `>`. */
const SUPERCITE = /^[ \t]{0,2}([A-Za-z][A-Za-z0-9]{0,4})>(?=[ \t>]|$)/;

/**
 * SuperCite quotes, as Emacs newsreaders wrote them: two consecutive lines or
 * more with the same initials before `>` are quoted lines, and the initials
 * are read as a quote marker.
 */
function markSupercite(rows: Row[]): void {
  for (let i = 0; i < rows.length; ) {
    const m = SUPERCITE.exec(rows[i]!.text);
    let j = i + 1;
    if (m) while (j < rows.length && SUPERCITE.exec(rows[j]!.text)?.[1] === m[1]) j++;
    if (m && j - i >= 2) for (let k = i; k < j; k++) rows[k]!.text = rows[k]!.text.replace(SUPERCITE, '>');
    i = m ? j : i + 1;
  }
}

function quoted(r: Row | undefined): boolean {
  return r !== undefined && r.kind !== 'blank' && depthOf(r.text).depth > 0 && !/^>+From /.test(r.text);
}

/** PGP armour: `-----BEGIN PGP SIGNED MESSAGE-----` with its `Hash:` lines, and the signature block; dash-escaped lines are unescaped. */
function markPgp(rows: Row[], drop: (r: Row, claim: string) => void): void {
  let signed = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const t = r.text.trim();
    if (t === '-----BEGIN PGP SIGNED MESSAGE-----') {
      signed = true;
      drop(r, 'pgp-armor');
      while (i + 1 < rows.length && /^Hash:/i.test(rows[i + 1]!.text)) drop(rows[++i]!, 'pgp-armor');
      continue;
    }
    if (t === '-----BEGIN PGP SIGNATURE-----') {
      let j = i;
      while (j < rows.length && rows[j]!.text.trim() !== '-----END PGP SIGNATURE-----') j++;
      for (let k = i; k <= Math.min(j, rows.length - 1); k++) if (rows[k]!.kind !== 'blank' || k < j) drop(rows[k]!, 'pgp-armor');
      i = j;
      signed = false;
      continue;
    }
    if (signed && r.text.startsWith('- ')) r.text = r.text.slice(2);
  }
}

/** The attribution at the end of the own rows before a quote (one blank row may stand between), with its rows. */
function attributionBefore(own: Row[], known: ReadonlySet<string>): { name: string | null; rows: Row[] } | null {
  let k = own.length - 1;
  if (k >= 0 && isBlank(own[k]!.text)) k--;
  const last = own[k];
  if (!last || isBlank(last.text)) return null;
  const before = own[k - 1];
  // `On <date>, Name` + `<addr> wrote:`: the two lines are one attribution.
  const split = before && !isBlank(before.text) && (TWO_LINE_START.test(before.text) || /^\s*[<("“]/.test(last.text));
  const two = split ? attributionName(`${before.text} ${last.text}`) : null;
  if (two !== null && before) return { name: two, rows: [before, last] };
  const one = attributionName(last.text) ?? bareNameAttribution(last.text, known);
  if (one !== null) return { name: one, rows: [last] };
  return null;
}

/** A quote block cut at elision marks (which are dropped); blank rows at the cuts' edges are left out. */
function splitAtElisions(block: Row[], drop: (r: Row, claim: string) => void): Row[][] {
  const parts: Row[][] = [[]];
  for (const r of block) {
    const rest = depthOf(r.text).rest;
    if (!isBlank(rest) && ELISION.test(rest)) {
      drop(r, 'quote-elision');
      parts.push([]);
    } else parts[parts.length - 1]!.push(r);
  }
  return parts.filter((p) => p.some((r) => !isBlank(depthOf(r.text).rest)));
}

/** Adds one quote for a block of quoted rows: one level of markers removed (more when the first level holds no words). */
function addQuote(block: Row[], attributionLine: number, author: string | null, quotes: Quote[], segments: Segment[], drop: (r: Row, claim: string) => void): void {
  const textRows = block.filter((r) => !isBlank(depthOf(r.text).rest));
  const minDepth = Math.max(1, Math.min(...textRows.map((r) => depthOf(r.text).depth)));
  // A signature quoted with the message (`> -- ` and what follows at the first level) is not the source's words.
  let cut = block.length;
  for (let k = 0; k < block.length; k++) {
    const { depth, rest } = depthOf(block[k]!.text);
    if (depth === minDepth && (rest === '-- ' || rest === '--')) {
      cut = k;
      break;
    }
  }
  for (let k = cut; k < block.length; k++) drop(block[k]!, 'quoted-signature');
  const kept = block.slice(0, cut);
  while (kept.length > 0 && isBlank(depthOf(kept[kept.length - 1]!.text).rest)) kept.pop();
  while (kept.length > 0 && isBlank(depthOf(kept[0]!.text).rest)) kept.shift();
  if (kept.length === 0) return;
  const text = kept.map((r) => unquoteLine(r.text, minDepth).replace(/\s+$/, '')).join('\n');
  quotes.push({ author, text, sourcePost: null, sourceThread: null, reconstructed: false, line: (attributionLine >= 0 ? attributionLine : kept[0]!.line) + 1 });
  segments.push({ kind: 'quote', quote: quotes.length - 1 });
}

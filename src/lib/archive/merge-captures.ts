/**
 * Re-captures merge into one thread. Captures recognised as one thread
 * (`thread-identity.ts`) are folded, in order, into the document of the first:
 *
 * - a post of a later capture is matched to a post of the thread by its text
 *   (the same words, or the same author with mostly the same words: an edit),
 *   reading both in order;
 * - an edited post keeps its number and shows the newer text; the older one is
 *   kept in `earlier`;
 * - a post that a later capture should hold but does not keeps its number and
 *   is marked `gone` (deleted on the forum by then);
 * - a post new to the thread gets the next free number, so a post first
 *   published as #51 stays #51 whatever is captured later.
 *
 * The order is: captures already published in a thread first, in the order
 * they were published (`recordedOrder`, from the build's record of published
 * URLs), then the others by capture date, page and path. Each capture is
 * parsed and its quotes resolved on its own first (so its character
 * accounting holds); the fold renumbers its quote links, and explicit quotes
 * still without a source (a page-2 post quoting page 1) are resolved again
 * over the whole thread.
 */
import type { ArchiveDocument, CaptureRecord, Diagnostic, Post } from '../model.js';
import { resolveExplicitQuotes, type AliasEvidence } from '../quotes/resolve-quotes.js';
import { words } from '../text/text.js';
import { groupCaptures, MIN_IDENTIFYING_WORDS, openingKey, partOf, type MatchReason } from './thread-identity.js';

/** How far ahead of the last matched post an edited post is looked for (default 64 posts). */
export const EDIT_WINDOW = 64;
/** Share of words (Dice coefficient over distinct words) two texts by one author need to be one post, edited (default 0.5). */
export const MIN_EDIT_SIMILARITY = 0.5;

/** Options of `mergeCaptures`. */
export interface MergeOptions {
  /** The published thread a capture file is in and its position in that thread's merge order, or undefined when it was never published (default: none published). */
  recordedOrder?: (file: string) => { slug: string; index: number } | undefined;
}

/** What `mergeCaptures` returns. */
export interface MergeResult {
  /** The documents with every re-capture folded into its thread's first capture, in the order given. */
  documents: ArchiveDocument[];
  /** Renamed accounts found by resolving quotes again across the pages of merged threads. */
  aliases: AliasEvidence[];
}

/** A post of the thread being merged, with the date of the capture its shown text came from. */
interface Entry {
  post: Post;
  date: string | null;
  gone?: { file: string; date: string | null };
}

/** Compares capture dates: ISO dates and anything `Date.parse` reads by time, otherwise as text; a missing date first. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every word of a post in source order: its own words and its quotes. */
function bodyWords(p: Post): string[] {
  return p.segments.flatMap((g) => words(g.kind === 'own' ? g.text : (p.quotes[g.quote]?.text ?? '')));
}

/** Dice coefficient of two word lists' distinct words. */
function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sa = new Set(a);
  const sb = new Set(b);
  let common = 0;
  for (const w of sa) if (sb.has(w)) common++;
  return (2 * common) / (sa.size + sb.size);
}

/** An index of entries by a key, to find the first unused one at or after a position. */
class KeyIndex {
  private readonly at = new Map<string, number[]>();
  add(key: string | null, i: number): void {
    if (key === null) return;
    const list = this.at.get(key);
    if (list) list.push(i);
    else this.at.set(key, [i]);
  }
  first(key: string | null, from: number, used: ReadonlySet<number>, ok: (i: number) => boolean = () => true): number {
    for (const i of (key !== null && this.at.get(key)) || []) if (i >= from && !used.has(i) && ok(i)) return i;
    return -1;
  }
}

/**
 * Matches the posts of a capture to the thread's entries, both read in order.
 * First the sure matches: the same words (by the same author, or long enough
 * to identify the post), or the same author and opening words. Then, between
 * two sure matches (and after the last), edits: the same author with mostly
 * the same words, within `EDIT_WINDOW` entries. A capture that shares no sure
 * match (another page of the thread) has no edits. Returns the entry index of
 * each post, or -1 for a post new to the thread.
 */
function align(entries: readonly Entry[], posts: readonly Post[]): number[] {
  const entryWords = entries.map((e) => bodyWords(e.post));
  const exact = new KeyIndex();
  const opening = new KeyIndex();
  entryWords.forEach((ws, i) => {
    exact.add(ws.join(' '), i);
    opening.add(openingKey(entries[i]!.post), i);
  });
  const used = new Set<number>();
  const out: number[] = posts.map(() => -1);
  const postWords = posts.map(bodyWords);
  let from = 0;
  posts.forEach((p, k) => {
    const pw = postWords[k]!;
    const sameAuthor = (i: number) => (entries[i]!.post.author ?? '') === (p.author ?? '');
    let hit = exact.first(pw.join(' '), from, used, (i) => sameAuthor(i) || pw.length >= MIN_IDENTIFYING_WORDS);
    if (hit < 0) hit = opening.first(openingKey(p), from, used);
    if (hit < 0) return;
    out[k] = hit;
    used.add(hit);
    from = hit + 1;
  });
  // Edits, in the gaps the sure matches leave: between the entry of the last sure match and that of the next.
  const nextSureOf: number[] = new Array<number>(posts.length);
  for (let k = posts.length - 1, next = entries.length; k >= 0; k--) {
    nextSureOf[k] = next;
    if (out[k]! >= 0) next = out[k]!;
  }
  let lastEntry = -1;
  let anchored = false;
  posts.forEach((p, k) => {
    if (out[k]! >= 0) {
      lastEntry = out[k]!;
      anchored = true;
      return;
    }
    const nextSure = nextSureOf[k]!;
    if (!anchored && nextSure === entries.length) return;
    for (let i = lastEntry + 1; i < Math.min(nextSure, lastEntry + 1 + EDIT_WINDOW); i++) {
      if (used.has(i) || (entries[i]!.post.author ?? '') !== (p.author ?? '')) continue;
      if (similarity(entryWords[i]!, postWords[k]!) < MIN_EDIT_SIMILARITY) continue;
      out[k] = i;
      used.add(i);
      lastEntry = i;
      break;
    }
  });
  return out;
}

/** The own words of a post as a comparison key: an edit changes them; a changed quote or spacing does not. */
const ownKey = (p: Post) => words(p.text).join(' ');

/**
 * Sorts the captures of one thread into merge order: first the captures of
 * the published thread it continues, in their published order; then captures
 * published in other threads (now joined to it); then new ones. Within each,
 * a capture that joins by `thread:` comes after those that do not, then by
 * date, page and path.
 */
function mergeOrder(docs: readonly ArchiveDocument[], members: number[], recorded: MergeOptions['recordedOrder']): number[] {
  const at = new Map(members.map((i) => [i, recorded?.(docs[i]!.file)]));
  // The thread they continue: the published thread of a first capture that does not itself join another.
  const bases = members.filter((i) => at.get(i)?.index === 0).sort((x, y) => (docs[x]!.frontMatter?.thread ? 1 : 0) - (docs[y]!.frontMatter?.thread ? 1 : 0) || x - y);
  const home = bases.length ? at.get(bases[0]!)!.slug : null;
  const group = (i: number) => (at.get(i) === undefined ? 2 : at.get(i)!.slug === home ? 0 : 1);
  const rank = (i: number) => (group(i) === 0 ? at.get(i)!.index : 0);
  return [...members].sort((x, y) => {
    const a = docs[x]!;
    const b = docs[y]!;
    return (
      group(x) - group(y) ||
      rank(x) - rank(y) ||
      (a.frontMatter?.thread ? 1 : 0) - (b.frontMatter?.thread ? 1 : 0) ||
      compareDates(a.date, b.date) ||
      (partOf(a) ?? 0) - (partOf(b) ?? 0) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    );
  });
}

/** Numbers as a short range text: `#51–#90`, `#12`, `#3, #7`. */
function numberRange(ns: readonly number[]): string {
  if (ns.length === 0) return '';
  const contiguous = ns.every((n, i) => i === 0 || n === ns[i - 1]! + 1);
  if (ns.length === 1) return `#${ns[0]}`;
  return contiguous ? `#${ns[0]}–#${ns[ns.length - 1]}` : ns.slice(0, 5).map((n) => `#${n}`).join(', ') + (ns.length > 5 ? ', …' : '');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A capture's record before it is merged. */
function captureRecord(d: ArchiveDocument): CaptureRecord {
  return { file: d.file, date: d.date, source: d.source, part: partOf(d), posts: d.posts.length, added: d.posts.length, edited: 0, unchanged: 0, gone: 0, numbers: d.posts.map((p) => p.n), accounting: d.accounting };
}

/** Folds capture `c` into the thread's entries; returns its record and what to tell the publisher. */
function foldCapture(
  entries: Entry[],
  c: ArchiveDocument,
  baseFile: string,
  why: MatchReason | undefined,
): { record: CaptureRecord; added: number[]; diagnostic: Diagnostic } {
  const record = captureRecord(c);
  const hits = align(entries, c.posts);
  const before = entries.length;
  const matched = hits.filter((h) => h >= 0);
  // The posts this capture should hold: from its first match (a capture may start mid-thread: a page, a
  // continuation) to its last, or to the thread's end when it goes on past its last match with new posts.
  // Matches are in increasing order (align reads both in order).
  const last = hits.lastIndexOf(matched[matched.length - 1] ?? -2);
  const lo = matched[0] ?? 0;
  const hi = last >= 0 && last < hits.length - 1 ? before - 1 : (matched[matched.length - 1] ?? -1);
  const numberOf = new Map<number, number>();
  let next = before;
  hits.forEach((h, i) => numberOf.set(c.posts[i]!.n, h >= 0 ? entries[h]!.post.n : ++next));
  record.numbers = c.posts.map((p) => numberOf.get(p.n)!);
  const added: number[] = [];
  const shown: Post[] = [];
  hits.forEach((h, i) => {
    const p = c.posts[i]!;
    const n = numberOf.get(p.n)!;
    if (h < 0) {
      added.push(n);
      shown.push(p);
      p.n = n;
      p.capture = c.file;
      entries.push({ post: p, date: c.date });
      return;
    }
    const e = entries[h]!;
    delete e.gone;
    if (ownKey(e.post) === ownKey(p)) {
      record.unchanged++;
      return;
    }
    record.edited++;
    const older = { file: e.post.capture ?? baseFile, date: e.date, text: e.post.text };
    if (compareDates(c.date, e.date) >= 0) {
      // The newer text is shown; the older goes behind "edited since first captured".
      p.earlier = [...(e.post.earlier ?? []), older];
      p.n = n;
      p.capture = c.file;
      e.post = p;
      e.date = c.date;
      shown.push(p);
    } else {
      const earlier = [...(e.post.earlier ?? []), { file: c.file, date: c.date, text: p.text }];
      e.post.earlier = earlier.sort((a, b) => compareDates(a.date, b.date));
    }
  });
  for (const p of shown) for (const q of p.quotes) if (q.sourcePost !== null && q.sourceThread === null) q.sourcePost = numberOf.get(q.sourcePost) ?? null;
  const seen = new Set(matched);
  for (let i = lo; i <= hi; i++) {
    // A capture older than the one that showed the post says nothing about its deletion.
    if (seen.has(i) || entries[i]!.gone || compareDates(c.date, entries[i]!.date) < 0) continue;
    entries[i]!.gone = { file: c.file, date: c.date };
    record.gone++;
  }
  record.added = added.length;
  const how = why ? ` (recognised by ${why})` : '';
  const diagnostic: Diagnostic = {
    rule: 'recapture-merged',
    severity: 'info',
    message:
      `This capture${c.date ? ` of ${c.date}` : ''} is merged into the thread first captured in ${baseFile}${how}: ` +
      `it adds ${plural(added.length, 'post')}${added.length ? ` (${numberRange(added)})` : ''}; ${record.edited} edited; ${record.gone} gone from the forum; ${record.unchanged} unchanged. ` +
      'Published post numbers are kept. If these are not one thread, give one of them a different `source:` or `slug:`.',
    line: 1,
    file: c.file,
  };
  return { record, added, diagnostic };
}

/** Resolves explicit quotes that still have no source over the whole merged thread; diagnostics name the capture they are in. */
function resolveAcrossCaptures(doc: ArchiveDocument): { aliases: AliasEvidence[]; diagnostics: Diagnostic[] } {
  const open = doc.posts.flatMap((p) => p.quotes.filter((q) => !q.reconstructed && q.sourcePost === null).map((q) => ({ q, file: p.capture })));
  const { aliases, diagnostics } = resolveExplicitQuotes(doc.posts);
  // The resolver reports the quotes it could not resolve in the order it read them: the same order as `open`.
  const still = open.filter((o) => o.q.sourcePost === null);
  diagnostics.forEach((d, i) => {
    const file = still[i]?.file;
    if (file) d.file = file;
  });
  return { aliases, diagnostics };
}

/**
 * Merges the re-captures of every thread into one document each (see the
 * module comment). Documents that are not re-captures are returned as they
 * are. Mutates the merged documents and their posts; never throws.
 */
export function mergeCaptures(docs: ArchiveDocument[], options: MergeOptions = {}): MergeResult {
  const { groups, reason, diagnostics } = groupCaptures(docs);
  for (const { doc, d } of diagnostics) docs[doc]!.diagnostics.push(d);
  const absorbed = new Set<number>();
  const aliases: AliasEvidence[] = [];
  for (const members of groups) {
    const order = mergeOrder(docs, members, options.recordedOrder);
    const base = docs[order[0]!]!;
    const entries: Entry[] = base.posts.map((post) => ({ post, date: base.date }));
    const records = [captureRecord(base)];
    const kept = base.diagnostics.filter((d) => d.rule !== 'quote-unresolved');
    let lastPart = partOf(base);
    for (const i of order.slice(1)) {
      const c = docs[i]!;
      absorbed.add(i);
      const { record, added, diagnostic } = foldCapture(entries, c, base.file, reason.get(i));
      records.push(record);
      kept.push(...c.diagnostics.filter((d) => d.rule !== 'quote-unresolved').map((d) => ({ ...d, file: d.file ?? c.file })), diagnostic);
      const part = partOf(c);
      if (part !== null && lastPart !== null && part < lastPart) {
        kept.push({
          rule: 'recapture-part-order',
          severity: 'warning',
          message: `Page ${part} of this thread is merged after page ${lastPart} (published first, or captured earlier), so its new posts are numbered after those of page ${lastPart} (${numberRange(added)}), keeping every published URL. To number the pages in forum order, give page ${part} an earlier \`date:\` before the thread is first published.`,
          line: 1,
          file: c.file,
        });
      }
      if (part !== null) lastPart = Math.max(lastPart ?? 0, part);
      if (base.titleInferred && !c.titleInferred) {
        base.title = c.title;
        base.titleInferred = false;
      }
      base.source ??= c.source;
      if (compareDates(c.date, base.date) > 0) base.date = c.date;
    }
    base.posts = entries.map((e) => (e.gone ? Object.assign(e.post, { gone: e.gone }) : e.post));
    base.captures = records;
    const resolved = resolveAcrossCaptures(base);
    aliases.push(...resolved.aliases);
    base.diagnostics = [...kept, ...resolved.diagnostics];
  }
  return { documents: docs.filter((_, i) => !absorbed.has(i)), aliases };
}

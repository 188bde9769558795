/**
 * Removals: taking people's words out of the archive on request, in the
 * model, so that every output built from it (pages, data files, feeds, the
 * search index) inherits them.
 *
 * The list comes from `removals.yaml` at the top of the content folder and
 * from `removals:` in a capture's front matter:
 *
 * ```yaml
 * authors:            # every name of the account is matched, aliases included
 *   - name: Johnrankins
 *     reason: asked to be removed
 * posts:
 *   - thread: <thread slug>
 *     n: 12
 * captures:           # a capture file, by its path in the content folder
 *   - file: old/withdrawn-thread.md
 * ```
 *
 * - A withdrawn capture is left out before threads are merged (`withdrawCaptures`).
 * - A removed author's posts keep their number and URL but lose their words,
 *   badges and earlier versions, and are shown as "Removed at the author's
 *   request" by "a former member"; a listed post alike ("Removed from the archive").
 * - Quotes of removed posts in other posts, explicit or reconstructed,
 *   resolved or only attributed by name, are replaced; so are runs of
 *   `SCRUB_WORDS` or more of their words anywhere else (a quote of a quote,
 *   a copy in another thread), quotes nested under their name, and every
 *   name of theirs, which becomes "a former member".
 * - Their author entry is dropped, so no author page is built.
 *
 * Diagnostics never repeat a removed name: they point at the list entry.
 */
import { load as parseYaml } from 'js-yaml';
import type { ArchiveDocument, Author, Diagnostic, Post, Quote } from '../model.js';
import { hashIds, matchTokens, type TokenSpan } from '../quotes/match-tokens.js';
import { slugify } from '../text/text.js';

/** What a removed author is called everywhere. */
export const FORMER_MEMBER = 'a former member';
/** What a post removed at its author's request says. */
export const REMOVED_AT_REQUEST = "Removed at the author's request";
/** What a post removed on its own says. */
export const REMOVED_FROM_ARCHIVE = 'Removed from the archive';
/** What stands in other people's text where removed words were. */
export const WORDS_REMOVED = "[words removed at the author's request]";
/** Shortest run of a removed post's words that is taken out of other text (default 8): shorter runs are common phrases. */
export const SCRUB_WORDS = 8;
/** The list's file name, at the top of the content folder. */
export const REMOVALS_FILE = 'removals.yaml';

/** Where a removal entry was read: the list's file and the entry (`removals.yaml authors[0]`), for diagnostics. */
export interface RemovalOrigin {
  listedIn: string;
  where: string;
}

/** The removals to apply. */
export interface RemovalList {
  authors: ({ name: string; reason: string | null } & RemovalOrigin)[];
  /** A post by thread slug, or (from front matter) by the capture file whose thread holds it. */
  posts: ({ thread: string | null; file: string | null; n: number; reason: string | null } & RemovalOrigin)[];
  captures: ({ file: string; reason: string | null } & RemovalOrigin)[];
}

/** An empty list. */
export function emptyRemovals(): RemovalList {
  return { authors: [], posts: [], captures: [] };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);
/** A content-folder path in one spelling: `/` separators, no leading `./` or `/`. */
export const normalisePath = (p: string) => p.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');

/**
 * Reads removal entries from parsed YAML (`removals.yaml`, or a capture's
 * `removals:` front matter when `capture` is given: there, `posts` may be
 * bare numbers of that capture's thread and `withdrawn: true` withdraws it).
 * Never throws: entries of the wrong shape get a diagnostic and are skipped.
 */
export function readRemovals(data: unknown, origin: { file: string; capture?: string }): { list: RemovalList; diagnostics: Diagnostic[] } {
  const list = emptyRemovals();
  const diagnostics: Diagnostic[] = [];
  const bad = (where: string, want: string) =>
    diagnostics.push({ rule: 'removals-entry', severity: 'warning', message: `${where} is not ${want}; it was skipped. Fix the entry so the removal is applied.`, line: null, file: origin.file });
  const label = origin.capture ? `the front matter \`removals:\` of ${origin.capture}` : origin.file;
  if (data == null) return { list, diagnostics };
  if (typeof data !== 'object' || Array.isArray(data)) {
    bad(label, 'a mapping with `authors:`, `posts:` and `captures:` lists');
    return { list, diagnostics };
  }
  const d = data as Record<string, unknown>;
  asList(d.authors).forEach((a, i) => {
    const where = `${label} authors[${i}]`;
    const name = text(typeof a === 'object' && a ? (a as Record<string, unknown>).name : a);
    if (!name) return bad(where, 'a name (`- name: …`)');
    list.authors.push({ name, reason: text((a as Record<string, unknown>)?.reason), where, listedIn: origin.file });
  });
  asList(d.posts).forEach((p, i) => {
    const where = `${label} posts[${i}]`;
    const rec = typeof p === 'object' && p ? (p as Record<string, unknown>) : { n: p };
    const n = Number(rec.n);
    const thread = text(rec.thread);
    if (!Number.isInteger(n) || n < 1) return bad(where, 'a post number (`n: 12`)');
    if (!thread && !origin.capture) return bad(where, 'a post of a thread (`thread: <slug>` and `n: 12`)');
    list.posts.push({ thread, file: thread ? null : (origin.capture ?? null), n, reason: text(rec.reason), where, listedIn: origin.file });
  });
  asList(d.captures).forEach((c, i) => {
    const where = `${label} captures[${i}]`;
    const file = text(typeof c === 'object' && c ? (c as Record<string, unknown>).file : c);
    if (!file) return bad(where, 'a capture file (`- file: path/in/content.md`)');
    list.captures.push({ file: normalisePath(file), reason: text((c as Record<string, unknown>)?.reason), where, listedIn: origin.file });
  });
  if (origin.capture && d.withdrawn != null && d.withdrawn !== false) {
    list.captures.push({ file: normalisePath(origin.capture), reason: text(d.withdrawn), where: `${label} withdrawn`, listedIn: origin.file });
  }
  return { list, diagnostics };
}

/** Reads `removals.yaml` text. Never throws: bad YAML is a diagnostic and no removals. */
export function parseRemovalsFile(source: string | null): { list: RemovalList; diagnostics: Diagnostic[] } {
  if (source === null) return { list: emptyRemovals(), diagnostics: [] };
  try {
    return readRemovals(parseYaml(source), { file: REMOVALS_FILE });
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return {
      list: emptyRemovals(),
      diagnostics: [
        {
          rule: 'removals-yaml',
          severity: 'error',
          message: `${REMOVALS_FILE} is not valid YAML (${reason}). No removal was applied; fix the file, since what it lists is still published.`,
          line: null,
          file: REMOVALS_FILE,
        },
      ],
    };
  }
}

/** The list with every capture's front matter removals added. */
export function withFrontMatterRemovals(base: RemovalList, docs: readonly ArchiveDocument[]): { list: RemovalList; diagnostics: Diagnostic[] } {
  const list: RemovalList = { authors: [...base.authors], posts: [...base.posts], captures: [...base.captures] };
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    if (doc.frontMatter?.removals == null) continue;
    const r = readRemovals(doc.frontMatter.removals, { file: doc.file, capture: doc.file });
    list.authors.push(...r.list.authors);
    list.posts.push(...r.list.posts);
    list.captures.push(...r.list.captures);
    diagnostics.push(...r.diagnostics);
  }
  return { list, diagnostics };
}

/** Leaves out the captures the list withdraws. Their URLs, once published, answer "withdrawn" (`published.ts`). */
export function withdrawCaptures(docs: ArchiveDocument[], list: RemovalList): { documents: ArchiveDocument[]; diagnostics: Diagnostic[] } {
  const wanted = new Map(list.captures.map((c) => [c.file, c]));
  const diagnostics: Diagnostic[] = [];
  const documents = docs.filter((d) => !wanted.has(normalisePath(d.file)));
  const found = new Set(docs.map((d) => normalisePath(d.file)));
  for (const c of wanted.values()) {
    diagnostics.push({
      rule: 'removals-capture',
      severity: 'info',
      message: found.has(c.file)
        ? `${c.where}: the capture ${c.file} is withdrawn: it is not published, and its former URLs answer with a "withdrawn" page.`
        : `${c.where}: there is no capture ${c.file} in the content folder (already deleted?). If it was published, its former URLs answer with a "withdrawn" page.`,
      line: null,
      file: c.listedIn,
    });
  }
  return { documents, diagnostics };
}

/** The words of a removed post (or of an earlier version of it), and where the post stands. */
interface RemovedText {
  slug: string;
  n: number;
  text: string;
}

/** Escapes a string for a regular expression. */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a name is matched without regard to case: account names that are
 * not ordinary words (6 letters or more, or with digits, spaces, underscores
 * or inner capitals) are; a short plain word such as "Pen" only as written.
 */
const caseless = (name: string) => name.length >= 6 || /[\d_\s]|\p{Ll}\p{Lu}/u.test(name);

/** Takes removed names and words out of text. */
class Scrubber {
  /** Ids of the tokens of removed posts; a token that is not here cannot be part of a removed run. */
  private readonly table = new Map<string, number>();
  /** Hashes of every `SCRUB_WORDS`-word run of the removed posts, with the posts (thread slug and number) that hold it. */
  private readonly grams = new Map<number, { slug: string; n: number }[]>();
  private readonly names: RegExp[];
  private readonly nameSet: Set<string>;

  constructor(names: readonly string[], removedTexts: readonly RemovedText[]) {
    const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
    const group = (list: string[], flags: string) =>
      list.length ? [new RegExp(`(?<![\\p{L}\\p{N}_])(?:${list.map(escapeRe).join('|')})(?![\\p{L}\\p{N}_])`, flags)] : [];
    this.names = [...group(sorted.filter(caseless), 'giu'), ...group(sorted.filter((n) => !caseless(n)), 'gu')];
    this.nameSet = new Set(sorted.map((n) => (caseless(n) ? n.toLowerCase() : n)));
    for (const t of removedTexts) {
      const ids = matchTokens(t.text).map((s) => {
        let id = this.table.get(s.token);
        if (id === undefined) this.table.set(s.token, (id = this.table.size + 1));
        return id;
      });
      for (let i = 0; i + SCRUB_WORDS <= ids.length; i++) {
        const h = hashIds(ids, i, SCRUB_WORDS);
        const list = this.grams.get(h);
        if (list) list.push(t);
        else this.grams.set(h, [t]);
      }
    }
  }

  /** True when `name` is one of the removed names. */
  isRemoved(name: string | null): boolean {
    if (!name) return false;
    return this.nameSet.has(name) || (caseless(name) && this.nameSet.has(name.toLowerCase()));
  }

  /**
   * Replaces runs of removed words; returns the text unchanged when there are none.
   * In the thread of a removed post, only posts after it can have quoted it: an
   * earlier post holding the same words is where the removed post copied them from, and keeps them.
   */
  private words(s: string, post: { slug: string; n: number } | null): string {
    if (this.grams.size === 0) return s;
    const spans: TokenSpan[] = matchTokens(s);
    const ids = spans.map((t) => this.table.get(t.token) ?? 0);
    const cut: [number, number][] = [];
    let known = 0; // how many tokens before i + SCRUB_WORDS, in a row, occur in removed posts
    for (let i = 0; i < SCRUB_WORDS - 1 && i < ids.length; i++) known = ids[i] ? known + 1 : 0;
    for (let i = 0; i + SCRUB_WORDS <= ids.length; i++) {
      known = ids[i + SCRUB_WORDS - 1] ? known + 1 : 0;
      if (known < SCRUB_WORDS) continue;
      const from = this.grams.get(hashIds(ids, i, SCRUB_WORDS));
      if (!from || (post && from.every((r) => r.slug === post.slug && r.n >= post.n))) continue;
      const last = cut[cut.length - 1];
      if (last && i <= last[1]) last[1] = i + SCRUB_WORDS;
      else cut.push([i, i + SCRUB_WORDS]);
    }
    if (cut.length === 0) return s;
    let out = '';
    let at = 0;
    for (const [a, b] of cut) {
      out += s.slice(at, spans[a]!.start) + WORDS_REMOVED;
      at = spans[b - 1]!.end;
    }
    return out + s.slice(at);
  }

  /** Replaces quotes nested under a removed name (`> Name said:` then deeper `>` lines) with one placeholder line. */
  private nested(s: string): string {
    if (!/said:/.test(s)) return s;
    const lines = s.split('\n');
    const level = (l: string) => (/^(?:\s{0,3}>)*/.exec(l)?.[0].match(/>/g) ?? []).length;
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      out.push(line);
      const m = /^(?:\s{0,3}>)*\s*(.+?)\s+said:\s*(?:↑\s*)?$/.exec(line);
      if (!m || !this.isRemoved(m[1]!.trim())) continue;
      const at = level(line);
      let j = i + 1;
      while (j < lines.length && (level(lines[j]!) > at || (lines[j]!.trim() === '' && j + 1 < lines.length && level(lines[j + 1]!) > at))) j++;
      if (j > i + 1) out.push(`${'> '.repeat(at + 1)}${REMOVED_AT_REQUEST}.`);
      i = j - 1;
    }
    return out.join('\n');
  }

  /** The text with removed quotes, words and names taken out; `at` is the post it belongs to, if any. */
  text(s: string, at: { slug: string; n: number } | null = null): string {
    let out = this.words(this.nested(s), at);
    for (const re of this.names) out = out.replace(re, FORMER_MEMBER);
    return out;
  }
}

/** Empties a removed post, keeping its number, line and place in the thread. */
function emptyPost(p: Post, why: 'author' | 'post'): void {
  p.removed = why;
  p.text = '';
  p.segments = [];
  p.quotes = [];
  p.badges = [];
  p.edited = false;
  delete p.earlier;
  if (why === 'author') {
    p.author = FORMER_MEMBER;
    p.authorEvidence = null;
  }
}

/** Replaces a quote's words by the removal note. */
function replaceQuote(q: Quote, byAuthor: boolean): void {
  q.text = byAuthor ? `${REMOVED_AT_REQUEST}.` : `${REMOVED_FROM_ARCHIVE}.`;
  if (byAuthor) q.author = FORMER_MEMBER;
}

/**
 * Applies author and post removals to the merged archive, in place, and
 * returns the authors that remain. Run after quotes are resolved and authors
 * are joined (to know every name of an account and where each quote came
 * from), before anything is derived from the text (shared passages).
 */
export function applyRemovals(docs: ArchiveDocument[], authors: readonly Author[], list: RemovalList): { authors: Author[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (list.authors.length === 0 && list.posts.length === 0) return { authors: [...authors], diagnostics };
  const note = (at: RemovalOrigin, message: string, severity: Diagnostic['severity'] = 'info') =>
    diagnostics.push({ rule: 'removals-applied', severity, message: `${at.where}: ${message}`, line: null, file: at.listedIn });
  // Every name of every listed account.
  const gone = new Set<Author>();
  const names: string[] = [];
  for (const a of list.authors) {
    const key = a.name.toLowerCase();
    // Account names are matched without regard to case (forums treat them so); their mentions in text as `caseless` says.
    const found = authors.filter((x) => [x.name, ...x.aliases].some((n) => n.toLowerCase() === key));
    names.push(a.name);
    for (const f of found) {
      gone.add(f);
      names.push(f.name, ...f.aliases);
    }
    if (found.length === 0) note(a, 'no author of the archive posts under this name; it is still taken out of quotes and text wherever it appears. Check the spelling if posts of theirs remain.', 'warning');
  }
  const probe = new Scrubber(names, []);
  // Which posts go, and their words (to find them quoted or copied elsewhere).
  const removed = new Map<string, 'author' | 'post'>();
  const key = (slug: string, n: number) => `${slug}/${n}`;
  const removedTexts: RemovedText[] = [];
  const take = (doc: ArchiveDocument, p: Post, why: 'author' | 'post') => {
    if (removed.get(key(doc.slug, p.n)) === 'author') return;
    removed.set(key(doc.slug, p.n), why);
    for (const text of [p.text, ...(p.earlier ?? []).map((e) => e.text)]) removedTexts.push({ slug: doc.slug, n: p.n, text });
  };
  let byAuthor = 0;
  for (const doc of docs) for (const p of doc.posts) if (probe.isRemoved(p.author)) (take(doc, p, 'author'), byAuthor++);
  for (const r of list.posts) {
    const doc = docs.find((d) => (r.thread ? d.slug === r.thread : d.file === r.file || d.captures?.some((c) => c.file === r.file)));
    const p = doc?.posts.find((x) => x.n === r.n);
    if (!doc || !p) {
      note(r, `there is no post #${r.n} in ${r.thread ? `the thread "${r.thread}"` : `the thread of ${r.file}`}; nothing was removed. Give the thread's slug (the part after /t/ in its URL) and the post's number.`, 'warning');
      continue;
    }
    take(doc, p, 'post');
  }
  const scrub = new Scrubber(names, removedTexts);
  let quotesReplaced = 0;
  for (const doc of docs) {
    for (const p of doc.posts) {
      const why = removed.get(key(doc.slug, p.n));
      const here = { slug: doc.slug, n: p.n };
      if (why) {
        emptyPost(p, why);
        continue;
      }
      for (const q of p.quotes) {
        const src = q.sourcePost === null ? undefined : removed.get(key(q.sourceThread ?? doc.slug, q.sourcePost));
        if (src || scrub.isRemoved(q.author)) {
          replaceQuote(q, src !== 'post');
          quotesReplaced++;
        } else q.text = scrub.text(q.text, here);
      }
      p.segments = p.segments.map((g) => (g.kind === 'own' ? { ...g, text: scrub.text(g.text, here) } : g));
      p.text = p.segments.flatMap((g) => (g.kind === 'own' ? [g.text] : [])).join('\n\n');
      p.badges = p.badges.map((b) => scrub.text(b));
      if (p.earlier) p.earlier = p.earlier.map((e) => ({ ...e, text: scrub.text(e.text, here) }));
    }
    doc.title = scrub.text(doc.title);
    if (doc.body !== null) doc.body = scrub.text(doc.body);
    for (const s of doc.sections) {
      s.title = scrub.text(s.title);
      s.blocks = s.blocks.map((b) => (b.kind === 'paragraph' ? { ...b, text: scrub.text(b.text) } : { ...b, items: b.items.map((t) => scrub.text(t)) }));
    }
    for (const d of doc.diagnostics) d.message = scrub.text(d.message);
    if (names.some((n) => slugify(n).length >= 3 && doc.slug.includes(slugify(n)))) {
      doc.diagnostics.push({
        rule: 'removals-slug',
        severity: 'warning',
        message: 'The URL of this thread contains a removed name. Its address is kept so that links to it keep working; give it another `slug:` in its front matter if the name must go from the address too (its old URLs will then answer "withdrawn").',
        line: null,
      });
    }
  }
  if (list.authors.length) note({ listedIn: REMOVALS_FILE, where: 'removals' }, `${list.authors.length} author entr${list.authors.length === 1 ? 'y' : 'ies'} matched ${gone.size} account(s): ${byAuthor} posts removed at the author's request, ${quotesReplaced} quotes of removed posts replaced in other posts, ${gone.size} author page(s) removed.`);
  return { authors: authors.filter((a) => !gone.has(a)), diagnostics };
}

/**
 * Which captures are the same thread: the keys the importer compares to
 * recognise a re-capture (a later, grown copy; an edited copy; one page of a
 * long thread) and the grouping built from them.
 *
 * A capture joins another's thread when, in this order of strength:
 * 1. its front matter says so (`thread: <slug>`);
 * 2. both give a `source:` URL and the URLs are equal once normalised
 *    (scheme, `www.`, a trailing page number, the query string and fragment dropped);
 * 3. neither contradicts the other's `source:`, their titles are equal once
 *    normalised, and they share a post (same author, same opening words) or
 *    one of them says it is a page of a thread (`part:`, or `page-N` in its URL).
 */
import type { ArchiveDocument, Diagnostic, Post } from '../model.js';
import { words } from '../text/text.js';

/** Opening words compared to recognise the same post in two captures (default 8). */
export const OPENING_WORDS = 8;
/** A post's own words must be at least this long for its opening to identify it (default 6): "I agree." is not evidence. */
export const MIN_IDENTIFYING_WORDS = 6;

/** Query parameters that only page, sort or track (dropped from script URLs such as `viewtopic.php?t=1&start=50`). */
const PAGING_PARAMS = /^(page|start|offset|p|pg|sid|s|sort|order|highlight|hilit|view|utm_[a-z]+|fbclid|gclid|ref)$/i;

/**
 * A thread's source URL as a comparison key, or null when `source` is not a
 * web address. Drops the scheme, `www.`, the fragment, a trailing page
 * (`page-2`, `/page/2`, a Discourse post number `/t/slug/123/45`), a trailing
 * slash, and the query string; for script URLs (`.php`, `.asp`, `.cgi`…) whose
 * query names the thread, only paging and tracking parameters are dropped and
 * the rest are sorted. A query with no `=` (`index.php?threads/x.1/`) is a path.
 */
export function sourceKey(source: string | null | undefined): string | null {
  const m = /^\s*(?:https?:)?\/\/([^/?#\s]+)([^?#\s]*)(?:\?([^#\s]*))?/i.exec(String(source ?? ''));
  if (!m) return null;
  const host = m[1]!.toLowerCase().replace(/^www\./, '').replace(/:(80|443)$/, '');
  let path = m[2] ?? '';
  let query = m[3] ?? '';
  if (query && !query.includes('=')) {
    path = `${path}?${query}`;
    query = '';
  }
  path = stripPage(path);
  let kept = '';
  if (query && /\.(php\d?|aspx?|cgi|pl|jsp|cfm)$/i.test(path)) {
    kept = query
      .split('&')
      .filter((kv) => kv && !PAGING_PARAMS.test(kv.split('=')[0] ?? ''))
      .sort()
      .join('&');
  }
  return `${host}${path.toLowerCase()}${kept ? `?${kept}` : ''}`;
}

/** A path without its trailing page part and trailing slashes. */
function stripPage(path: string): string {
  return path
    .replace(/\/+$/, '')
    .replace(/\/(?:page[-_/]?\d+|index\d+\.html?)$/i, '')
    .replace(/^(\/t\/[^/]+\/\d+)\/\d+$/, '$1')
    .replace(/\/+$/, '');
}

/** The page of a thread a source URL points at (`page-3`, `/page/3`, `?page=3`), or null. */
export function pageOfSource(source: string | null | undefined): number | null {
  const s = String(source ?? '');
  const m = /\/page[-_/]?(\d+)\/?(?:[?#]|$)/i.exec(s) ?? /[?&]page=(\d+)/i.exec(s);
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 1 && n < 1e6 ? n : null;
}

/** A title as a comparison key: its words, lower-cased, without a leading "Re:" or a trailing "page N". */
export function titleKey(title: string): string {
  const ws = words(title);
  while (ws[0] === 're') ws.shift();
  if (ws.length > 2 && ws[ws.length - 2] === 'page' && /^\d+$/.test(ws[ws.length - 1]!)) ws.length -= 2;
  return ws.join(' ');
}

/** A post's identifying opening (author and first words of its own text), or null when it is too short to identify it. */
export function openingKey(post: Post): string | null {
  const ws = words(post.text);
  if (ws.length < MIN_IDENTIFYING_WORDS) return null;
  return `${post.author ?? ''}\u0000${ws.slice(0, OPENING_WORDS).join(' ')}`;
}

/** The page a capture holds: front matter `part:`, else the page of its source URL, else null. */
export function partOf(doc: ArchiveDocument): number | null {
  return doc.frontMatter?.part ?? pageOfSource(doc.source);
}

/** Why two captures were recognised as one thread. */
export type MatchReason = 'front matter `thread:`' | 'source URL' | 'title and shared posts' | 'title and page number';

/** Groups of captures of one thread (indices into the documents), with why each member joined. */
export interface ThreadGroups {
  /** Every group of two or more, members in document order. */
  groups: number[][];
  /** Why a member was joined to its group (the first reason found), by document index. */
  reason: Map<number, MatchReason>;
  diagnostics: { doc: number; d: Diagnostic }[];
}

/** Union-find over document indices, remembering the reason of each union. */
class Groups {
  private readonly parent: number[];
  readonly reason = new Map<number, MatchReason>();
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(a: number): number {
    while (this.parent[a] !== a) {
      this.parent[a] = this.parent[this.parent[a]!]!;
      a = this.parent[a]!;
    }
    return a;
  }
  union(a: number, b: number, why: MatchReason): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    for (const x of [a, b]) if (!this.reason.has(x)) this.reason.set(x, why);
  }
}

/** True for a document that can be merged: a forum thread with posts. */
function isThread(d: ArchiveDocument): boolean {
  return (d.format === 'markdown-export' || d.format === 'plain-capture') && d.posts.length > 0;
}

/**
 * Finds the captures that are one thread. Linear in the archive apart from
 * documents that share a normalised title, whose identifying openings are compared.
 */
export function groupCaptures(docs: readonly ArchiveDocument[]): ThreadGroups {
  const g = new Groups(docs.length);
  const diagnostics: ThreadGroups['diagnostics'] = [];
  const bySlug = new Map<string, number>();
  docs.forEach((d, i) => bySlug.set(d.slug, i));
  const bySource = new Map<string, number>();
  const byTitle = new Map<string, number[]>();
  const sources = docs.map((d) => (isThread(d) ? sourceKey(d.source) : null));
  docs.forEach((d, i) => {
    if (!isThread(d)) return;
    const target = d.frontMatter?.thread;
    if (target) {
      const j = bySlug.get(target);
      if (j !== undefined && j !== i && isThread(docs[j]!)) g.union(j, i, 'front matter `thread:`');
      else
        diagnostics.push({
          doc: i,
          d: {
            rule: 'recapture-thread-unknown',
            severity: 'warning',
            message: `Front matter \`thread: ${target}\` names no thread of the archive${j === i ? ' but this capture itself' : ''}, so this capture stays a thread of its own. Give the slug of the thread it belongs to (the part after /t/ in its URL).`,
            line: 1,
          },
        });
    }
    const s = sources[i];
    if (s) {
      const j = bySource.get(s);
      if (j === undefined) bySource.set(s, i);
      else g.union(j, i, 'source URL');
    }
    const t = d.titleInferred ? '' : titleKey(d.title);
    if (!t) return;
    const list = byTitle.get(t);
    if (list) list.push(i);
    else byTitle.set(t, [i]);
  });
  for (const list of byTitle.values()) {
    if (list.length < 2) continue;
    const openings = new Map<number, Set<string>>();
    const keysOf = (i: number) => {
      let k = openings.get(i);
      if (!k) openings.set(i, (k = new Set(docs[i]!.posts.map(openingKey).filter((x): x is string => x !== null))));
      return k;
    };
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a]!;
        const j = list[b]!;
        if (g.find(i) === g.find(j)) continue;
        if (sources[i] && sources[j] && sources[i] !== sources[j]) continue; // two sources: two threads
        if (partOf(docs[i]!) !== null || partOf(docs[j]!) !== null) g.union(i, j, 'title and page number');
        else {
          const ki = keysOf(i);
          for (const k of keysOf(j)) {
            if (ki.has(k)) {
              g.union(i, j, 'title and shared posts');
              break;
            }
          }
        }
      }
    }
  }
  const members = new Map<number, number[]>();
  docs.forEach((_, i) => {
    const r = g.find(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  });
  return { groups: [...members.values()].filter((m) => m.length > 1), reason: g.reason, diagnostics };
}

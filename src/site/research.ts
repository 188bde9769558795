/**
 * The research views' binding to the collections: citations, claims, the
 * debate map, years and the archive-wide data exports, read from what the
 * pages already hold. `date` and `replyTo` are read from a post when the
 * importer provides them (they are optional here).
 */
import { u, authorName, ownText, type PostEntry, type SiteArchive, type Thread } from './archive';
import { cslItem, forumOf, formatPostReference, formatReference, type CitationSource, type CslItem } from '../lib/research/citation';
import { RULE_LABEL, debateMap, type ClaimRule, type DebateMap, type StoredClaim } from '../lib/research/index';

/**
 * The site's address: `ARCHIVE_SITE` (Astro's `site`), or the local preview
 * server's (`npm start`) when the build is not told where it will be published.
 */
export const SITE = import.meta.env.SITE ? String(import.meta.env.SITE) : 'http://localhost:4321/';

/** A path made absolute with the site's address (citations and feeds need full addresses). */
export function absolute(path: string): string {
  return new URL(path, SITE).href;
}

/** A post's date and the post it answers, when the capture gives them (fields the importer may add). */
export function postDate(p: PostEntry): string | null {
  const d = (p.data as { date?: unknown }).date;
  return typeof d === 'string' && d ? d : null;
}
export function postReplyTo(p: PostEntry): number | null {
  const r = (p.data as { replyTo?: unknown }).replyTo;
  return typeof r === 'number' ? r : null;
}

/** The page of a document: a thread's first page or an essay. */
export function documentUrl(t: Thread): string {
  return t.data.format === 'essay' ? u.essay(t.id) : u.thread(t.id);
}

/** What a citation of a thread or essay says. */
export function documentCitation(a: SiteArchive, t: Thread): CitationSource {
  const first = a.postsOf.get(t.id)?.[0];
  return {
    kind: t.data.format === 'essay' ? 'essay' : 'thread',
    id: `whatif_${t.id}`,
    title: t.data.title,
    author: first ? authorName(a, first) : null,
    forum: forumOf(t.data.source),
    source: t.data.source,
    date: first ? postDate(first) : null,
    captured: t.data.date,
    url: absolute(documentUrl(t)),
  };
}

/** What a citation of a post says. */
export function postCitation(a: SiteArchive, p: PostEntry): CitationSource {
  const t = a.thread.get(p.data.thread.id)!;
  return {
    kind: 'post',
    id: `whatif_${t.id}_${p.data.n}`,
    title: t.data.title,
    n: p.data.n,
    author: authorName(a, p),
    forum: forumOf(t.data.source),
    source: t.data.source,
    date: postDate(p),
    captured: t.data.date,
    url: absolute(u.post(t.id, p.data.n)),
  };
}

/** A citation ready for the page: the CSL item and its formatted reference. */
export function citation(source: CitationSource): { item: CslItem; text: string } {
  const item = cslItem(source);
  return { item, text: source.kind === 'post' ? formatPostReference(source) : formatReference(item) };
}

/** A claim of a post, with its words and how the rule reads. */
export interface ClaimView {
  k: number;
  text: string;
  rule: ClaimRule;
  ruleLabel: string;
  /** Anchor on the thread page: `post-N-cK`. */
  anchor: string;
}

/** The claims of a post, with their sentences. */
export function claimsOf(p: PostEntry): ClaimView[] {
  const claims = (p.data as { claims?: StoredClaim[] }).claims ?? [];
  if (claims.length === 0) return [];
  const text = ownText(p);
  return claims.map((c) => ({
    k: c.k,
    text: text.slice(c.start, c.end),
    rule: c.rule as ClaimRule,
    ruleLabel: RULE_LABEL[c.rule as ClaimRule] ?? c.rule,
    anchor: `post-${p.data.n}-c${c.k}`,
  }));
}

const maps = new Map<string, DebateMap>();

/** The debate map of a thread (memoised for the build). */
export function threadMap(a: SiteArchive, t: Thread): DebateMap {
  let m = maps.get(t.id);
  if (!m) {
    const posts = (a.postsOf.get(t.id) ?? []).map((p) => ({
      n: p.data.n,
      author: p.data.author?.id ?? p.data.authorName,
      quotes: p.data.quotes.flatMap((r) => {
        const q = a.quote.get(r.id)?.data;
        return q && q.sourcePost !== null && (q.sourceThread ?? t.id) === t.id ? [q.sourcePost] : [];
      }),
      replyTo: postReplyTo(p),
    }));
    m = debateMap(posts);
    maps.set(t.id, m);
  }
  return m;
}

/** Where a post is mentioned under a year or decade. */
export interface YearEntry {
  thread: string;
  n: number;
}

let yearIndex: { years: Map<number, YearEntry[]>; decades: Map<number, YearEntry[]> } | null = null;

/** Every year and decade the archive's posts mention, with the posts that mention them (memoised). */
export function yearsIndex(a: SiteArchive) {
  if (yearIndex) return yearIndex;
  const years = new Map<number, YearEntry[]>();
  const decades = new Map<number, YearEntry[]>();
  const add = (m: Map<number, YearEntry[]>, k: number, e: YearEntry) => {
    const l = m.get(k);
    if (l) l.push(e);
    else m.set(k, [e]);
  };
  for (const t of a.threads) {
    for (const p of a.postsOf.get(t.id) ?? []) {
      const e = { thread: t.id, n: p.data.n };
      for (const y of p.data.years) add(years, y, e);
      for (const d of p.data.decades) add(decades, d, e);
    }
  }
  yearIndex = { years, decades };
  return yearIndex;
}

/** One line of the archive-wide JSON Lines file: a post with its quotes and sources, and its own words. */
export function postRecord(a: SiteArchive, t: Thread, p: PostEntry) {
  return {
    thread: t.id,
    threadTitle: t.data.title,
    n: p.data.n,
    url: u.post(t.id, p.data.n),
    author: authorName(a, p),
    authorSlug: p.data.author?.id ?? null,
    date: postDate(p),
    replyTo: postReplyTo(p),
    quotes: p.data.quotes.map((r) => {
      const q = a.quote.get(r.id)!.data;
      return { author: q.author, sourceThread: q.sourceThread, sourcePost: q.sourcePost, reconstructed: q.reconstructed, text: q.text };
    }),
    text: ownText(p),
    claims: claimsOf(p).map((c) => ({ k: c.k, rule: c.rule, text: c.text })),
    years: p.data.years,
    decades: p.data.decades,
  };
}

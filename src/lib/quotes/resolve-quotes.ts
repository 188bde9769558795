/**
 * Quote resolution for explicit quotes: link each quote to the earlier post of
 * the same thread whose own words hold the quoted text. The attribution name is
 * a hint for ties, never trusted alone (accounts get renamed).
 */
import type { Diagnostic, Post } from '../model.js';
import { PassageIndex } from './passage-index.js';
import { quotedOwnText, parseMarkdown } from '../text/markdown-tree.js';
import { isAttribution, ORIGINAL } from './attribution.js';

/** Share of a quote's shingles an earlier post must hold to count as its source when not an exact match (default 0.6). */
export const MIN_SHARE = 0.6;

/** A pair of names that quote resolution showed to be one account. */
export interface AliasEvidence {
  written: string;
  actual: string;
  post: number;
  source: number;
}

/**
 * The words of an explicit quote that belong to its source (quotes nested
 * inside it, and their attribution lines, removed).
 * @param markdown the quote's text
 * @param isMarkdown true when the text is Markdown (default); false for plain
 *   text such as mail, where nested quotes are the lines that start with `>`
 */
export function quoteWords(markdown: string, isMarkdown = true): string {
  if (!/^ {0,3}[>›]/m.test(markdown) && (isMarkdown || !/Original Message|Forwarded message|forwarded message/i.test(markdown))) return markdown; // nothing nested
  if (!isMarkdown) {
    // An Outlook original inside the quote is an older message, quoted in turn.
    const all = markdown.split('\n');
    const cut = all.findIndex((l) => ORIGINAL.test(l) && !/^_+$/.test(l.trim()));
    const lines = cut >= 0 ? all.slice(0, cut) : all;
    const nested = (l: string | undefined) => l !== undefined && /^\s?[>›]/.test(l);
    return lines
      .filter((l, i) => {
        if (nested(l)) return false;
        const next = lines[i + 1]?.trim() === '' ? lines[i + 2] : lines[i + 1];
        return !(nested(next) && isAttribution(l));
      })
      .join('\n');
  }
  const tree = parseMarkdown(markdown);
  return tree.children
    .map((c, i, all) => {
      if (c.type === 'blockquote') return '';
      const next = all[i + 1];
      const source = markdown.slice(c.position?.start.offset ?? 0, c.position?.end.offset ?? 0);
      if (c.type === 'paragraph' && next?.type === 'blockquote' && (/said:\s*$/.test(source) || isAttribution(source))) return '';
      return quotedOwnText(c);
    })
    .join('\n\n');
}

/** An instant in milliseconds for a date with a time and an offset (`2009-03-03T10:00:00-05:00`), else null. */
function instant(date: string | null): number | null {
  if (!date || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:\d\d)$/.test(date)) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : t;
}

/**
 * The order in which posts were written: by their dates when every post has a
 * date with a time and an offset (mail files are not in date order), else the
 * capture's order. Equal dates keep the capture's order.
 */
export function writingOrder(posts: readonly Post[]): Post[] {
  const times = posts.map((p) => instant(p.date));
  if (posts.length < 2 || times.some((t) => t === null)) return [...posts];
  return posts.map((p, i) => ({ p, i, t: times[i]! })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.p);
}

/**
 * Sets `sourcePost` on every explicit quote of a thread's posts (in place) and
 * returns the alias evidence found and diagnostics for unresolved quotes. A
 * quote's source is a post written before it (see `writingOrder`).
 * Cost is linear in the thread's words: each post's own words are indexed once.
 */
export function resolveExplicitQuotes(posts: Post[], isMarkdown = true): { aliases: AliasEvidence[]; diagnostics: Diagnostic[] } {
  const index = new PassageIndex();
  const byN = new Map<number, Post>();
  const aliases: AliasEvidence[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const post of writingOrder(posts)) {
    for (const quote of post.quotes) {
      if (quote.reconstructed || quote.sourcePost !== null) continue;
      const hits = index.find(quoteWords(quote.text, isMarkdown));
      const good = hits.filter((h) => h.exact || h.share >= MIN_SHARE);
      if (good.length === 0) {
        diagnostics.push({
          rule: 'quote-unresolved',
          severity: 'info',
          message: `A quote in post ${post.n}${quote.author ? ` attributed to ${quote.author}` : ''} matches no earlier post of this thread. It is shown without a source link; the quoted post may be missing from the capture.`,
          line: quote.line,
        });
        continue;
      }
      const best = good[0]!;
      // Among equally good matches, prefer the post by the attributed author, then the latest.
      const ties = good.filter((h) => h.exact === best.exact && Math.abs(h.share - best.share) < 1e-9);
      const named = quote.author ? ties.find((h) => byN.get(h.id)?.author === quote.author) : undefined;
      const chosen = named ?? best;
      quote.sourcePost = chosen.id;
      const src = byN.get(chosen.id);
      if (quote.author && src?.author && src.author !== quote.author) {
        aliases.push({ written: quote.author, actual: src.author, post: post.n, source: chosen.id });
      }
    }
    index.add(post.n, post.text);
    byN.set(post.n, post);
  }
  return { aliases, diagnostics };
}

/**
 * Quote resolution for explicit quotes: link each quote to the earlier post of
 * the same thread whose own words hold the quoted text. The attribution name is
 * a hint for ties, never trusted alone (accounts get renamed).
 */
import type { Diagnostic, Post } from '../model.js';
import { PassageIndex } from './passage-index.js';
import { quotedOwnText, parseMarkdown } from '../text/markdown-tree.js';

/** Share of a quote's shingles an earlier post must hold to count as its source when not an exact match (default 0.6). */
export const MIN_SHARE = 0.6;

/** A pair of names that quote resolution showed to be one account. */
export interface AliasEvidence {
  written: string;
  actual: string;
  post: number;
  source: number;
}

/** The words of an explicit quote that belong to its source (quotes nested inside it removed). */
export function quoteWords(markdown: string): string {
  if (!/^ {0,3}>/m.test(markdown)) return markdown; // nothing nested: the words are the text itself
  const tree = parseMarkdown(markdown);
  return tree.children
    .map((c, i, all) => {
      if (c.type === 'blockquote') return '';
      const next = all[i + 1];
      if (c.type === 'paragraph' && next?.type === 'blockquote' && /said:\s*$/.test(markdown.slice(c.position?.start.offset ?? 0, c.position?.end.offset ?? 0))) return '';
      return quotedOwnText(c);
    })
    .join('\n\n');
}

/**
 * Sets `sourcePost` on every explicit quote of a thread's posts (in place) and
 * returns the alias evidence found and diagnostics for unresolved quotes.
 * Cost is linear in the thread's words: each post's own words are indexed once.
 */
export function resolveExplicitQuotes(posts: Post[]): { aliases: AliasEvidence[]; diagnostics: Diagnostic[] } {
  const index = new PassageIndex();
  const byN = new Map<number, Post>();
  const aliases: AliasEvidence[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const post of posts) {
    for (const quote of post.quotes) {
      if (quote.reconstructed || quote.sourcePost !== null) continue;
      const hits = index.find(quoteWords(quote.text));
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

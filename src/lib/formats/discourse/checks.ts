/**
 * What the Discourse formats check once every post is read: that a quote's
 * named source holds its words (Discourse names the source exactly, but the
 * source may have been edited since), and how many quotes name another topic.
 */
import type { Diagnostic, Post } from '../../model.js';
import { quoteWords } from '../../quotes/resolve-quotes.js';
import { words } from '../../text/text.js';

/** Share of a quote's words its named source must hold before the two are said to disagree (default 0.5). */
export const MIN_SOURCE_SHARE = 0.5;

/** Diagnostics for the quotes of Discourse posts whose named source does not hold their words, and for quotes of other topics. */
export function checkQuoteSources(posts: readonly Post[], otherTopic: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byN = new Map(posts.map((p) => [p.n, p]));
  for (const p of posts) {
    for (const q of p.quotes) {
      if (q.sourcePost === null) continue;
      const quoted = words(quoteWords(q.text));
      if (quoted.length === 0) continue;
      const held = new Set(words(byN.get(q.sourcePost)?.text ?? ''));
      const share = quoted.filter((w) => held.has(w)).length / quoted.length;
      if (share < MIN_SOURCE_SHARE) {
        out.push({
          rule: 'quote-source-differs',
          severity: 'info',
          message: `A quote in post ${p.n} names post ${q.sourcePost} as its source, but only ${Math.round(share * 100)}% of its words are in that post as captured (it may have been edited after it was quoted). The link follows the name Discourse recorded.`,
          line: q.line,
        });
      }
    }
  }
  if (otherTopic > 0) {
    out.push({
      rule: 'quote-other-topic',
      severity: 'info',
      message: `${otherTopic} quote${otherTopic === 1 ? ' names a post' : 's name posts'} of another topic. ${otherTopic === 1 ? 'It is' : 'They are'} linked only if ${otherTopic === 1 ? 'its' : 'their'} words stand in a post of this capture; import that topic too to link ${otherTopic === 1 ? 'it' : 'them'} to ${otherTopic === 1 ? 'its source' : 'their sources'}.`,
      line: null,
    });
  }
  return out;
}

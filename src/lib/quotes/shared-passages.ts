/**
 * Passages that stand in two documents ("also in"): a long run of words that a
 * post of one document and a post of another both hold, in their own words or
 * in a quote (a post that quotes a shared passage in full carries it too).
 *
 * Near-linear in the archive's words: documents are read in archive order;
 * each post's words are looked up in an index of hashed 8-word shingles
 * sampled every 8th word of the earlier documents' posts, and each hit is
 * verified and extended word by word. Shingles held by very many posts
 * (boilerplate) are skipped.
 */
import type { ArchiveDocument, Post, SharedPassage } from '../model.js';
import { hashIds, matchTokens, TokenTable, type TokenSpan } from './match-tokens.js';

/** Shortest shared run, in words (default 25). */
export const MIN_SHARED_WORDS = 25;
/** How many words `starts` shows (default 10). */
export const STARTS_WORDS = 10;

const K = 8; // shingle length in words
const STRIDE = 8; // every STRIDE-th shingle is indexed: any shared run of K + STRIDE - 1 words is found
const MAX_POSTINGS = 48; // a shingle held by more posts than this is boilerplate and skipped

/** Options of `findSharedPassages`. */
export interface SharedOptions {
  /** Shortest shared run, in words (default 25, never below 15). */
  minWords?: number;
}

interface PostWords {
  text: string;
  spans: TokenSpan[];
  ids: number[];
}

/** A post's whole text in source order: own words and quotes. */
function postText(post: Post): string {
  return post.segments
    .map((g) => (g.kind === 'own' ? g.text : post.quotes[g.quote]?.text ?? ''))
    .join('\n\n');
}

/**
 * Finds passages of at least `minWords` words that stand in posts of two
 * different documents. Each pair of posts is reported once, `a` being the post
 * of the document that comes first in archive order.
 */
export function findSharedPassages(docs: ArchiveDocument[], options: SharedOptions = {}): SharedPassage[] {
  const minWords = Math.max(K + STRIDE - 1, options.minWords ?? MIN_SHARED_WORDS);
  const table = new TokenTable();
  const words: PostWords[][] = [];
  const postings = new Map<number, number[]>(); // hash -> [doc, post, pos, ...]
  const out: SharedPassage[] = [];
  for (let di = 0; di < docs.length; di++) {
    const doc = docs[di]!;
    const mine: PostWords[] = [];
    words.push(mine);
    for (let pi = 0; pi < doc.posts.length; pi++) {
      const text = postText(doc.posts[pi]!);
      const spans = matchTokens(text);
      const ids = spans.map((s) => table.id(s.token));
      mine.push({ text, spans, ids });
      const seen = new Set<string>();
      for (let i = 0; i + K <= ids.length; i++) {
        const list = postings.get(hashIds(ids, i, K));
        if (!list || list.length > MAX_POSTINGS * 3) continue;
        for (let c = 0; c < list.length; c += 3) {
          const da = list[c]!;
          const pa = list[c + 1]!;
          const p = list[c + 2]!;
          const key = `${da}:${pa}`;
          if (seen.has(key)) continue;
          const other = words[da]?.[pa];
          if (!other) continue;
          const seq = other.ids;
          let ok = true;
          for (let t = 0; t < K; t++) if (ids[i + t] !== seq[p + t]) ok = false;
          if (!ok) continue;
          let b = 0;
          while (i - b - 1 >= 0 && p - b - 1 >= 0 && ids[i - b - 1] === seq[p - b - 1]) b++;
          let f = K;
          while (i + f < ids.length && p + f < seq.length && ids[i + f] === seq[p + f]) f++;
          if (b + f < minWords) continue;
          seen.add(key);
          const from = other.spans[p - b];
          const to = other.spans[Math.min(p - b + STARTS_WORDS, p + f) - 1];
          const starts = from && to ? other.text.slice(from.start, to.end).replace(/\s+/g, ' ').trim() : '';
          out.push({
            a: { slug: docs[da]!.slug, post: docs[da]!.posts[pa]!.n },
            b: { slug: doc.slug, post: doc.posts[pi]!.n },
            starts,
          });
        }
      }
    }
    // Index this document's posts only now, so that passages repeated within one document are not reported.
    mine.forEach((w, pi) => {
      for (let p = 0; p + K <= w.ids.length; p += STRIDE) {
        const h = hashIds(w.ids, p, K);
        const list = postings.get(h);
        if (!list) postings.set(h, [di, pi, p]);
        else if (list.length <= MAX_POSTINGS * 3) list.push(di, pi, p);
      }
    });
  }
  return out;
}

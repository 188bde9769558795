/**
 * A post from what a format read: its own words (`text`) follow from its
 * segments, and what the format did not read takes the model's defaults.
 */
import type { Post } from '../../model.js';
import { ownText } from '../../text/segments.js';

/** What a format reads for a post; everything but `n`, `line` and `segments` is optional. */
export type PostFields = Pick<Post, 'n' | 'line' | 'segments'> & Partial<Omit<Post, 'n' | 'line' | 'segments' | 'text'>>;

/**
 * A post with defaults for what the capture does not say: no author (and so no
 * evidence), no badges, not edited, no date, answering no post, no quotes.
 * `authorEvidence` defaults to `heading` when there is an author.
 */
export function makePost(f: PostFields): Post {
  const author = f.author ?? null;
  return {
    n: f.n,
    author,
    authorEvidence: author ? (f.authorEvidence ?? 'heading') : null,
    badges: f.badges ?? [],
    edited: f.edited ?? false,
    date: f.date ?? null,
    replyTo: f.replyTo ?? null,
    line: f.line,
    text: ownText(f.segments),
    segments: f.segments,
    quotes: f.quotes ?? [],
  };
}

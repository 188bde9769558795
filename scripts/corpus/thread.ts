/**
 * What both capture formats share when a thread is generated: the context
 * (PRNG, prose, members, statistics), the ground truth recorded per post, the
 * cast of a thread, and how a quoted post is chosen.
 */
import type { Rng } from './prng.js';
import type { Person } from './authors.js';
import { sentenceLength, type Paragraph, type Prose } from './prose.js';

/** Where a post's author can be read from in the capture (null: nowhere, the author is unknown). */
export type Evidence = 'heading' | 'user-block' | 'signature' | null;

/** Ground truth for one post, as written to the manifest. */
export interface PostTruth {
  /** The name the importer should give the post, or null when the capture names no author. */
  author: string | null;
  evidence: Evidence;
  /** The capture marks the post as edited. */
  edited: boolean;
  /** For each quote of the post, in order, the 1-based number of the post it quotes. */
  quotes: number[];
}

/** Counts of quotes by kind. */
export interface QuoteCounts {
  /** Markdown `Name said:` quotes naming the source's current name. */
  explicit: number;
  /** Markdown quotes naming the source author's older name (a renamed account). */
  explicitOldName: number;
  /** Flat text: a whole earlier post repeated. */
  plainWholePost: number;
  /** Flat text: one whole paragraph repeated. */
  plainParagraph: number;
  /** Flat text: part of a paragraph repeated (each cut counts once). */
  plainPart: number;
}

/** State shared by every thread of a corpus. */
export interface Context {
  rng: Rng;
  prose: Prose;
  people: Person[];
  /** Names shown in a heading or a user block somewhere (so a signature with one is recognised). */
  shown: Set<string>;
  quotes: QuoteCounts;
  /** Ids of members with at least one post whose author the capture names. */
  named: Set<number>;
  /** Ids of members with any post. */
  posting: Set<number>;
  /** Ids of renamed members whose old name was used in a quote attribution. */
  renamedUsed: Set<number>;
}

/** A generated thread: its capture text and the ground truth of its posts. */
export interface ThreadOutput {
  text: string;
  posts: PostTruth[];
}

/** A post already written in the thread being generated, as later posts can quote it. */
export interface Written {
  n: number;
  person: Person;
  /** The post's own words (quotes excluded), as paragraphs. */
  own: Paragraph[];
  words: number;
}

/** Fewest words a quoted passage has (shorter passages could stand in several posts). */
export const MIN_QUOTE_WORDS = 8;

/** The members taking part in a thread of `length` posts; the first one opens it. */
export function castFor(ctx: Context, length: number): Person[] {
  const { rng, people } = ctx;
  const size = Math.min(people.length, Math.max(2, Math.round((1 + Math.pow(length, 0.65)) * (0.6 + rng.next()))));
  const cast: Person[] = [];
  const ids = new Set<number>();
  for (let tries = 0; cast.length < size && tries < size * 20; tries++) {
    const p = rng.zipfPick(people);
    if (ids.has(p.id)) continue;
    ids.add(p.id);
    cast.push(p);
  }
  for (let i = 0; cast.length < size && i < people.length; i++) {
    const p = people[i]!;
    if (!ids.has(p.id)) {
      ids.add(p.id);
      cast.push(p);
    }
  }
  return cast;
}

/** The author of post `i` (0-based): the opener first, then cast members by Zipf-like activity, rarely twice in a row. */
export function authorOf(ctx: Context, cast: readonly Person[], i: number, previous: Person | null): Person {
  if (i === 0) return cast[0]!;
  let p = ctx.rng.zipfPick(cast);
  if (p === previous) p = ctx.rng.zipfPick(cast);
  return p;
}

/** The post to quote: usually a recent one, sometimes any earlier one, never the quoting member's own; null when none fits. */
export function pickSource(ctx: Context, written: readonly Written[], by: Person): Written | null {
  const { rng } = ctx;
  if (written.length === 0) return null;
  for (let tries = 0; tries < 8; tries++) {
    const idx = rng.chance(0.85) ? written.length - 1 - rng.zipf(Math.min(written.length, 12)) : rng.int(0, written.length - 1);
    const w = written[idx];
    if (w && w.person !== by && w.words >= MIN_QUOTE_WORDS) return w;
  }
  return null;
}

/** Counts the words of a list of sentences. */
export function sentenceWords(ss: readonly string[]): number {
  let n = 0;
  for (const s of ss) n += sentenceLength(s);
  return n;
}

/** A run of 1–3 consecutive sentences of one line of `src` holding at least `MIN_QUOTE_WORDS` words, or null. */
export function pickSentences(rng: Rng, src: Written): string[] | null {
  for (let tries = 0; tries < 6; tries++) {
    const line = rng.pick(rng.pick(src.own));
    const from = rng.int(0, line.length - 1);
    for (let k = Math.min(line.length - from, rng.int(1, 3)); k <= line.length - from; k++) {
      const run = line.slice(from, from + k);
      if (sentenceWords(run) >= MIN_QUOTE_WORDS) return run;
    }
  }
  return null;
}


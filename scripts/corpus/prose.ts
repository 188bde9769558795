/**
 * Debate-like prose: sentences that mix real English function words and
 * debate vocabulary with Zipf-drawn pseudo-words, people, places and years
 * (1900–1990). Reads vaguely like a counterfactual-history forum post.
 */
import { ADJECTIVES, ADVERBS, CONJUNCTIONS, DETERMINERS, INTERJECTIONS, MODALS, NOUNS, OPENERS, PREPOSITIONS, VERBS } from './english.js';
import type { Rng } from './prng.js';
import type { Vocabulary } from './vocabulary.js';

/** A paragraph as lines of sentences (a Markdown paragraph may hold soft line breaks). */
export type Paragraph = string[][];

const ADJ_SUFFIXES = ['ian', 'ist', 'ic', 'ish', 'an'];

/** Generates sentences, paragraphs, post bodies and thread titles. */
export class Prose {
  constructor(
    private readonly rng: Rng,
    private readonly vocab: Vocabulary,
  ) {}

  /** A content noun: debate vocabulary or a Zipf-drawn pseudo-word. */
  noun(): string {
    const r = this.rng;
    return r.chance(0.4) ? r.zipfPick(NOUNS) : r.zipfPick(this.vocab.words);
  }

  /** An adjective: real or a pseudo-word with an adjective ending. */
  adjective(): string {
    const r = this.rng;
    return r.chance(0.65) ? r.zipfPick(ADJECTIVES) : r.zipfPick(this.vocab.words) + r.pick(ADJ_SUFFIXES);
  }

  /** A verb's forms [base, third person, past, participle]: real, or a pseudo-verb in -ise. */
  verb(): readonly [string, string, string, string] {
    const r = this.rng;
    if (r.chance(0.8)) return r.zipfPick(VERBS);
    const w = r.zipfPick(this.vocab.words);
    return [`${w}ise`, `${w}ises`, `${w}ised`, `${w}ised`];
  }

  /** A person's name. */
  person(): string {
    return this.rng.zipfPick(this.vocab.people);
  }

  /** A place name. */
  place(): string {
    return this.rng.zipfPick(this.vocab.places);
  }

  /** A year from 1900 to 1990, the interwar years most often. */
  year(): number {
    const r = this.rng;
    return r.chance(0.6) ? r.int(1914, 1945) : r.int(1900, 1990);
  }

  private det(): string {
    return this.rng.pick(DETERMINERS);
  }

  /** A noun phrase. */
  np(): string {
    const r = this.rng.next();
    if (r < 0.14) return this.person();
    if (r < 0.25) return this.place();
    if (r < 0.35) return `the ${this.noun()} of ${this.place()}`;
    if (r < 0.41) return `${this.place()}'s ${this.noun()}`;
    if (r < 0.82) return article(this.det(), `${this.adjective()} ${this.noun()}`);
    return article(this.det(), this.noun());
  }

  /** A prepositional phrase. */
  pp(): string {
    const r = this.rng.next();
    if (r < 0.2) return `in ${this.year()}`;
    if (r < 0.3) return `by ${this.year()}`;
    if (r < 0.38) return `after the ${this.year()} ${this.noun()}`;
    return `${this.rng.pick(PREPOSITIONS)} ${this.np()}`;
  }

  private modal(): string {
    return this.rng.pick(MODALS);
  }

  private adverb(): string {
    return this.rng.chance(0.4) ? `${this.rng.pick(ADVERBS)} ` : '';
  }

  /**
   * One sentence, capitalised and punctuated.
   * @param allowShort allow a stock interjection ("Agreed.") as the sentence
   */
  sentence(allowShort = false): string {
    const r = this.rng;
    if (allowShort && r.chance(0.3)) return r.pick(INTERJECTIONS);
    const v = this.verb();
    let s: string;
    switch (r.int(0, 11)) {
      case 0: s = `if ${this.np()} had ${v[3]} ${this.np()} in ${this.year()}, ${this.np()} would ${this.verb()[0]} ${this.np()}.`; break;
      case 1: s = `${r.pick(OPENERS)} ${this.np()} ${this.modal()} ${this.adverb()}${v[0]} ${this.np()} ${this.pp()}.`; break;
      case 2: s = `${this.np()} ${v[2]} ${this.np()} ${this.pp()}, ${r.pick(CONJUNCTIONS)} ${this.np()} ${this.modal()} not ${this.verb()[0]} ${this.np()}.`; break;
      case 3: s = `the problem is that ${this.np()} ${v[2]} ${this.np()} ${this.pp()}.`; break;
      case 4: s = `by ${this.year()} ${this.np()} ${this.modal()} ${this.adverb()}${v[0]} ${this.np()}.`; break;
      case 5: s = `that assumes ${this.np()} ${this.modal()} ${v[0]} ${this.np()} ${this.pp()}.`; break;
      case 6: s = `without ${this.np()}, ${this.np()} ${this.modal()} ${this.adverb()}${v[0]} ${this.np()}.`; break;
      case 7: s = `why would ${this.np()} ${v[0]} ${this.np()} ${this.pp()}?`; break;
      case 8: s = `${this.person()} was never going to ${v[0]} ${this.np()} ${this.pp()}.`; break;
      case 9: s = `${this.np()} ${v[1]} ${this.np()} ${this.pp()} ${this.pp()}.`; break;
      case 10: s = `with ${r.int(2, 60)} divisions, ${this.np()} ${this.modal()} ${v[0]} ${this.place()} ${this.pp()}.`; break;
      default: s = `the ${this.adjective()} ${this.noun()} ${this.modal()} ${v[0]} ${this.np()} ${this.pp()}, ${r.pick(CONJUNCTIONS)} ${this.np()} ${this.verb()[2]} ${this.np()}.`;
    }
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /**
   * A paragraph of `sentences` sentences; with `softBreaks`, sometimes split over two lines.
   */
  paragraph(sentences: number, softBreaks: boolean, allowShort = false): Paragraph {
    const ss: string[] = [];
    for (let i = 0; i < sentences; i++) ss.push(this.sentence(allowShort && sentences === 1));
    if (softBreaks && ss.length >= 3 && this.rng.chance(0.12)) {
      const cut = this.rng.int(1, ss.length - 1);
      return [ss.slice(0, cut), ss.slice(cut)];
    }
    return [ss];
  }

  /**
   * The paragraphs of a post or of a reply: mostly short, sometimes long.
   * @param scale 1 for a whole post, smaller for a reply under a quote
   */
  body(softBreaks: boolean, scale = 1): Paragraph[] {
    const r = this.rng;
    const x = r.next() * scale;
    let paragraphs: number;
    let sentences: () => number;
    if (x < 0.14) return [this.paragraph(1, softBreaks, true)];
    if (x < 0.55) { paragraphs = 1; sentences = () => r.int(2, 4); }
    else if (x < 0.85) { paragraphs = r.int(2, 3); sentences = () => r.int(1, 5); }
    else { paragraphs = r.int(4, 9); sentences = () => r.int(2, 7); }
    const out: Paragraph[] = [];
    for (let i = 0; i < paragraphs; i++) out.push(this.paragraph(sentences(), softBreaks));
    return out;
  }

  /** A thread title. */
  title(): string {
    const r = this.rng;
    const v = this.verb();
    switch (r.int(0, 5)) {
      case 0: return `WI: ${this.person()} ${v[2]} ${this.np()} in ${this.year()}`;
      case 1: return `What if ${this.place()} had ${v[3]} the ${this.year()} ${this.noun()}?`;
      case 2: return `AHC: a ${this.adjective()} ${this.place()} by ${this.year()}`;
      case 3: return `${this.place()} without ${this.person()}`;
      case 4: return `WI ${this.person()} survives ${this.year()}`;
      default: return `Could ${this.place()} have ${v[3]} ${this.np()}?`;
    }
  }
}

/** `a` becomes `an` before a vowel. */
function article(det: string, rest: string): string {
  return det === 'a' && /^[aeiou]/.test(rest) ? `an ${rest}` : `${det} ${rest}`;
}

/** The lines of paragraphs, each line its sentences joined by spaces. */
export function paragraphLines(p: Paragraph): string[] {
  return p.map((line) => line.join(' '));
}

/** Number of space-separated tokens in a sentence. */
export function sentenceLength(s: string): number {
  let n = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

/** Number of words (space-separated tokens) in paragraphs. */
export function wordCount(ps: readonly Paragraph[]): number {
  let n = 0;
  for (const p of ps) for (const line of p) for (const s of line) n += sentenceLength(s);
  return n;
}

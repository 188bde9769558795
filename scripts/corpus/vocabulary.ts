/**
 * The corpus vocabulary: tens of thousands of pseudo-words built from
 * syllables, plus generated people and place names, all from a seeded PRNG.
 * Words are kept in rank order; prose draws them with Zipf-like frequencies,
 * so a few are everywhere and most are rare, as in real text.
 */
import { FAMOUS_PEOPLE, FAMOUS_PLACES } from './english.js';
import type { Rng } from './prng.js';

const ONSETS = ['', 'b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'ch', 'dr', 'gr', 'kr', 'pr', 'sh', 'st', 'tr', 'pl'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'a', 'ai', 'ou', 'y'];
const CODAS = ['', '', '', '', 'n', 'r', 'l', 's', 't', 'm', 'k', 'nd', 'st', 'rk', 'ng', 'x'];
const PLACE_SUFFIXES = ['grad', 'burg', 'ia', 'stan', 'ovo', 'heim', 'port', 'land', 'ava', 'ice', 'owa', 'ford', 'esk', 'ar'];
const SURNAME_SUFFIXES = ['ov', 'ski', 'ev', 'ini', 'son', 'mann', 'ier', 'escu', 'enko', 'ez', 'er', ''];

/** The generated word stock, each list in rank order (most frequent first). */
export interface Vocabulary {
  /** Lower-case pseudo-words used as content words. */
  words: string[];
  /** People: surnames, some with a first name. */
  people: string[];
  /** Places: countries, cities, regions. */
  places: string[];
}

/** A pseudo-word of `syllables` syllables. */
export function pseudoWord(rng: Rng, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) {
    const onset = rng.pick(ONSETS);
    // Avoid two vowels meeting across syllables, which reads badly.
    w += (i > 0 && onset === '' ? 'l' : onset) + rng.pick(NUCLEI) + (i === syllables - 1 || rng.chance(0.2) ? rng.pick(CODAS) : '');
  }
  return w;
}

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * Builds the vocabulary.
 * @param rng the stream to draw from (the result depends only on its state)
 * @param size number of distinct pseudo-words (default 50,000)
 */
export function buildVocabulary(rng: Rng, size = 50_000): Vocabulary {
  const seen = new Set<string>();
  const fresh = (make: () => string): string => {
    for (;;) {
      const w = make();
      if (w.length >= 3 && !seen.has(w)) {
        seen.add(w);
        return w;
      }
    }
  };
  const words: string[] = [];
  for (let i = 0; i < size; i++) {
    // Frequent words are short, rare words long (Zipf's law of abbreviation).
    const syllables = i < 400 ? rng.int(1, 2) : i < 20000 ? rng.int(2, 3) : rng.int(3, 4);
    words.push(fresh(() => pseudoWord(rng, syllables)));
  }
  const people = [...FAMOUS_PEOPLE];
  for (let i = 0; i < 4000; i++) {
    const surname = fresh(() => capital(pseudoWord(rng, rng.int(1, 3)) + rng.pick(SURNAME_SUFFIXES)));
    people.push(rng.chance(0.25) ? `${capital(pseudoWord(rng, 2))} ${surname}` : surname);
  }
  const places = [...FAMOUS_PLACES];
  for (let i = 0; i < 3000; i++) places.push(fresh(() => capital(pseudoWord(rng, rng.int(1, 2)) + rng.pick(PLACE_SUFFIXES))));
  return { words, people, places };
}

/**
 * Forum members of the synthetic corpus: unique display names, optional
 * older names (renamed accounts), badge lines for flat-text user blocks, and
 * whether they sign their posts. Lower ids are more active.
 */
import { ADJECTIVES, NOUNS } from './english.js';
import { pseudoWord } from './vocabulary.js';
import type { Rng } from './prng.js';

/** A forum member. */
export interface Person {
  /** Index in the pool; lower ids post more. */
  id: number;
  /** The name posts appear under (Markdown headings, user blocks, signatures). */
  name: string;
  /** The account's earlier name, used only in quote attributions; null when never renamed. */
  oldName: string | null;
  /** Badge lines shown under the name in a flat-text user block (at least one). */
  badges: string[];
  /** Ends flat-text posts with a line holding their name. */
  signs: boolean;
}

const RANKS = ['Member', 'Well-known member', 'Gone Fishin\'', 'Kicked', 'Monthly Donor', 'Founder', 'Moderator', 'Banned'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RESERVED = new Set(['Top', 'Banned', 'Donor', ...RANKS]);

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** A forum handle in one of several common styles (`Ace009`, `Iron_Lord`, `Marco Incognito`, `redjirachi`). */
export function handle(rng: Rng): string {
  switch (rng.int(0, 5)) {
    case 0: return `${capital(pseudoWord(rng, 2))}${String(rng.int(0, 999)).padStart(rng.pick([1, 2, 3]), '0')}`;
    case 1: return `${capital(rng.pick(ADJECTIVES))}_${capital(rng.pick(NOUNS))}`;
    case 2: return `${capital(pseudoWord(rng, 2))} ${capital(pseudoWord(rng, rng.int(1, 3)))}`;
    case 3: return pseudoWord(rng, rng.int(2, 4));
    case 4: return `${capital(rng.pick(NOUNS))} of ${capital(pseudoWord(rng, 2))}`;
    default: return `${capital(pseudoWord(rng, 1))}${capital(rng.pick(NOUNS))}${rng.int(1, 99)}`;
  }
}

function badges(rng: Rng): string[] {
  const out: string[] = [];
  if (rng.chance(0.15)) out.push('Banned');
  if (rng.chance(0.15)) out.push('Donor');
  if (rng.chance(0.35)) out.push(rng.pick(RANKS));
  if (rng.chance(0.4)) out.push(`Joined: ${rng.pick(MONTHS)} ${rng.int(1, 28)}, ${rng.int(2004, 2022)}`);
  if (rng.chance(0.4)) out.push(`Messages: ${String(rng.int(1, 60000)).replace(/\B(?=(\d{3})+$)/g, ',')}`);
  if (out.length === 0) out.push(rng.chance(0.5) ? 'Banned' : 'Member');
  return [...new Set(out)];
}

/**
 * Creates `count` members with unique names (old names unique too, and never
 * equal to any current name). Members 1 and 3 are always renamed, so even a
 * small corpus has renamed accounts among its most active posters; about 5%
 * of the others are renamed too.
 */
export function createPeople(rng: Rng, count: number): Person[] {
  const used = new Set<string>(RESERVED);
  const fresh = (): string => {
    for (;;) {
      const name = handle(rng);
      if (!used.has(name) && name.length >= 3) {
        used.add(name);
        return name;
      }
    }
  };
  const people: Person[] = [];
  for (let id = 0; id < count; id++) {
    const name = fresh();
    const renamed = id === 1 || id === 3 || rng.chance(0.05);
    people.push({ id, name, oldName: renamed ? fresh() : null, badges: badges(rng), signs: rng.chance(0.08) });
  }
  return people;
}

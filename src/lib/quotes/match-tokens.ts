/**
 * Tokens for matching repeated passages (reconstructed quotes, passages shared
 * between documents): lower-cased, NFKC-normalised words, with a whole URL as
 * one token so that a repeated link never counts as a run of repeated words.
 * White space, line breaks and punctuation are ignored, so a passage re-wrapped
 * differently still matches.
 */

/** A token and the character range it covers in the text it came from. */
export interface TokenSpan {
  token: string;
  start: number;
  end: number;
}

const TOKEN = /(https?:\/\/[^\s<>"]+|www\.[^\s<>"]+)|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/giu;

/** The matching tokens of a text with their character ranges. URLs become one `url:` token each. */
export function matchTokens(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const raw = m[0];
    const token = m[1]
      ? `url:${raw.toLowerCase().replace(/[.,;:!?)\]}'"]+$/, '')}`
      : raw.normalize('NFKC').toLowerCase().replace(/’/g, "'");
    out.push({ token, start, end: start + raw.length });
  }
  return out;
}

/** Interns tokens as small integers, so passages compare as number arrays. */
export class TokenTable {
  private readonly ids = new Map<string, number>();

  /** The id of `token`, assigning the next free id the first time it is seen. */
  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(token, id);
    }
    return id;
  }
}

/** Hash of the `k` token ids starting at `at` (FNV-1a over the ids; collisions are verified by callers). */
export function hashIds(ids: ArrayLike<number>, at: number, k: number): number {
  let h = 0x811c9dc5;
  for (let t = 0; t < k; t++) {
    const v = ids[at + t] ?? 0;
    h = Math.imul(h ^ (v & 0xffff), 0x01000193);
    h = Math.imul(h ^ (v >>> 16), 0x01000193);
  }
  return h >>> 0;
}

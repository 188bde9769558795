/**
 * Research views of the archive: pure functions over the importer's model
 * (claims, years, the debate map, citations, data exports). No Astro, no file I/O.
 */
import { findClaims, type ClaimRule } from './claims.js';
import { findYears } from './years.js';

export { findClaims, claimRule, RULE_LABEL, type Claim, type ClaimRule } from './claims.js';
export { splitSentences, type Sentence } from './sentences.js';
export { findYears, decadeLabel, YEAR_RANGE, type YearMentions } from './years.js';
export { debateMap, arcHeight, type DebateMap, type MapPost, type MapArc, type MapMark } from './debate-map.js';

/** A claim as stored with its post: its place in the post's own words (`Post.text`) and the rule that found it. */
export interface StoredClaim {
  k: number;
  start: number;
  end: number;
  rule: ClaimRule;
}

/** What the research views keep per post: its claims (as places in its own words), years and decades. */
export interface PostResearch {
  claims: StoredClaim[];
  years: number[];
  decades: number[];
}

/** Claims, years and decades of a post's own words. Pure; never throws. */
export function postResearch(ownWords: string): PostResearch {
  const claims = findClaims(ownWords).map(({ k, start, end, rule }) => ({ k, start, end, rule }));
  return { claims, ...findYears(ownWords) };
}

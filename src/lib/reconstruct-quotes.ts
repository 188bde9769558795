/**
 * Quote reconstruction for flat text: TEMPORARY placeholder, being written in its own change.
 */
import type { Diagnostic, Post } from './model.js';

/** Splits each post of a flat-text thread into quoted segments and own words (in place). */
export function reconstructQuotes(posts: Post[]): Diagnostic[] {
  void posts;
  return [];
}

/**
 * Damaged reddit and Discourse captures (fast-check): cut off anywhere, with a
 * slice removed or junk inserted, a capture still imports without throwing,
 * every character is placed or dropped by a named rule (never `unaccounted`),
 * the numbers of posts stay unique, and every `replyTo` and quote source
 * names a post of the thread.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildArchive } from '../src/lib/index.js';

const FIXTURES = ['reddit-json/thread.json', 'reddit-text/thread.txt', 'reddit-text/permalink.txt', 'discourse-json/topic.json', 'discourse-rss/topic.rss'];
const JUNK = ['{', '}', '[', ']', '"', ',', '<', '>', '&amp;', '<![CDATA[', ']]>', '</item>', '\n', '\\', '\u00a0', '"kind": "more"', '<aside class="quote" data-post="99">', 'u/x 3y ago', '\n\n42\n\n'];

/** A damaged copy of `text`: cut, with a slice removed, or with junk inserted. */
const damaged = (text: string) =>
  fc.oneof(
    fc.nat(text.length).map((at) => text.slice(0, at)),
    fc.tuple(fc.nat(text.length), fc.nat(400)).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    fc.tuple(fc.nat(text.length), fc.constantFrom(...JUNK)).map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
  );

describe('damaged reddit and Discourse captures', () => {
  for (const name of FIXTURES) {
    const text = readFileSync(path.resolve(__dirname, 'fixtures', name), 'utf8');
    it(`import without throwing and stay accounted for: ${name}`, () => {
      fc.assert(
        fc.property(damaged(text), (t) => {
          const [doc] = buildArchive([{ file: path.basename(name), text: t }]).documents;
          const a = doc!.accounting;
          expect(a.dropped.unaccounted ?? 0).toBe(0);
          expect(a.placed + Object.values(a.dropped).reduce((x, y) => x + y, 0)).toBe(a.source);
          const ns = doc!.posts.map((p) => p.n);
          expect(new Set(ns).size).toBe(ns.length);
          for (const p of doc!.posts) {
            if (p.replyTo !== null) expect(ns).toContain(p.replyTo);
            for (const q of p.quotes) if (q.sourcePost !== null && q.sourceThread === null) expect(ns).toContain(q.sourcePost);
          }
        }),
        { numRuns: 60, seed: 11 },
      );
    });
  }
});

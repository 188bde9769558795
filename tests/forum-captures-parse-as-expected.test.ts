/**
 * Forum captures of every board and variant parse exactly as expected: for
 * each fixture in `tests/fixtures/forums/<board>/NAME.txt` (written for these
 * tests, imitating each board's layout), the parse report's facts (format,
 * title, posts with authors, badges, dates, edits, where they start and end,
 * quotes and their sources, diagnostics, and the characters dropped by each
 * rule) equal `NAME.expected.json`, and every character is accounted for.
 *
 * After a deliberate change, `UPDATE_EXPECTED=1 npx vitest run tests/forum-captures-parse-as-expected.test.ts`
 * rewrites the expected files; review their diff before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive, type ArchiveDocument } from '../src/lib/index.js';

const root = path.resolve(import.meta.dirname, 'fixtures/forums');
const fixtures = readdirSync(root).flatMap((board) =>
  readdirSync(path.join(root, board))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(board, f)),
);

/** What a fixture is checked on: the report's facts, with post texts cut to their first and last words. */
function facts(doc: ArchiveDocument) {
  const cut = (s: string) => (s.length <= 90 ? s : `${s.slice(0, 60)} … ${s.slice(-25)}`);
  return {
    format: doc.format,
    title: doc.title,
    titleInferred: doc.titleInferred,
    posts: doc.posts.map((p) => ({
      n: p.n,
      author: p.author,
      authorEvidence: p.authorEvidence,
      badges: p.badges,
      date: p.date,
      edited: p.edited,
      line: p.line,
      text: cut(p.text),
      quotes: p.quotes.map((q) => ({ author: q.author, sourcePost: q.sourcePost, reconstructed: q.reconstructed, line: q.line, text: cut(q.text) })),
    })),
    diagnostics: doc.diagnostics.map((d) => `${d.rule}@${d.line}`),
    dropped: doc.accounting.dropped,
  };
}

describe('forum captures parse as expected', () => {
  it('has fixtures for every board', () => {
    expect(readdirSync(root).sort()).toEqual(expect.arrayContaining(['mybb', 'no-separators', 'phpbb', 'vbulletin', 'xenforo']));
  });

  for (const rel of fixtures) {
    it(rel, () => {
      const text = readFileSync(path.join(root, rel), 'utf8');
      const doc = buildArchive([{ file: rel, text }]).documents[0]!;
      const a = doc.accounting;
      expect(a.dropped.unaccounted ?? 0, 'characters no rule accounts for').toBe(0);
      expect(a.source).toBe(a.placed + Object.values(a.dropped).reduce((x, y) => x + y, 0));
      const expectedFile = path.join(root, rel.replace(/\.txt$/, '.expected.json'));
      const got = facts(doc);
      if (process.env.UPDATE_EXPECTED === '1' || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(got, null, 1)}\n`);
        if (process.env.UPDATE_EXPECTED !== '1') throw new Error(`${rel} had no expected report; one was written from this run. Review it, then run the test again.`);
      }
      expect(got).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});

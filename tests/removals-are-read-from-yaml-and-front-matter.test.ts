/**
 * What to remove is read from `removals.yaml` and from a capture's front
 * matter; mistakes in the list are reported (without repeating the removed
 * name) instead of silently publishing what it meant to take out.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../src/lib/index.js';
import { parseRemovalsFile, FORMER_MEMBER } from '../src/lib/archive/removals.js';

const thread = (front: string, posts: [string, string][]) =>
  `${front ? `---\n${front}\n---\n` : ''}# WI the Danes hold Normandy\n\n${posts.map(([a, t]) => `## ${a}\n\n${t}`).join('\n\n----------\n\n')}\n`;
const POSTS: [string, string][] = [
  ['Rollo', 'The Seine valley is the prize, and Paris can be bled every summer from a base at Rouen without ever taking it.'],
  ['Sigrid', 'Rollo said:\n\n> Paris can be bled every summer from a base at Rouen\n\nOnly until the Capetians learn to build stone bridges.'],
  ['Odo', 'Stone bridges did stop the raids upriver in our timeline, so the Danes need the treaty more than the king does.'],
];

describe('removals', () => {
  it('reads authors, posts and captures from removals.yaml, and reports entries it cannot use', () => {
    const { list, diagnostics } = parseRemovalsFile('authors:\n  - name: Rollo\n    reason: asked\n  - 12\nposts:\n  - thread: x\n    n: two\ncaptures:\n  - file: ./old/a.md\n');
    expect(list.authors.map((a) => [a.name, a.reason])).toEqual([
      ['Rollo', 'asked'],
      ['12', null],
    ]);
    expect(list.captures.map((c) => c.file)).toEqual(['old/a.md']);
    expect(list.posts).toEqual([]);
    expect(diagnostics.map((d) => [d.rule, d.file])).toEqual([['removals-entry', 'removals.yaml']]);
    expect(diagnostics[0]!.message).toMatch(/posts\[0\] is not a post number.*skipped/);
    const bad = parseRemovalsFile('authors: [unclosed\n');
    expect(bad.diagnostics[0]).toMatchObject({ rule: 'removals-yaml', severity: 'error' });
    expect(bad.diagnostics[0]!.message).toContain('still published');
  });

  it('applies front matter removals to the capture they stand in: its posts by number, and the capture itself', () => {
    const a = buildArchive([{ file: 'danes.md', text: thread('removals:\n  posts: [3]', POSTS) }]);
    const d = a.documents[0]!;
    expect(d.posts.map((p) => [p.n, p.author, p.removed ?? null])).toEqual([
      [1, 'Rollo', null],
      [2, 'Sigrid', null],
      [3, 'Odo', 'post'],
    ]);
    expect(d.posts[2]!.text).toBe('');
    const w = buildArchive([
      { file: 'danes.md', text: thread('removals:\n  withdrawn: made without permission', POSTS) },
      { file: 'other.md', text: thread('', POSTS).replace('Danes hold', 'Franks lose') },
    ]);
    expect(w.documents.map((x) => x.file)).toEqual(['other.md']);
    expect(w.diagnostics?.find((x) => x.rule === 'removals-capture')?.message).toContain('danes.md is withdrawn');
  });

  it('removes an author everywhere: posts, quotes of them, mentions, and the author list; warns about names it does not know', () => {
    const { list } = parseRemovalsFile('authors:\n  - name: rollo\n  - name: Nobody Here\n');
    const text = thread('', [...POSTS, ['Odo', 'Rollo was right about Rouen, as Rollo always is.']]);
    const a = buildArchive([{ file: 'danes.md', text }], { removals: list });
    const d = a.documents[0]!;
    expect(d.posts[0]).toMatchObject({ n: 1, author: FORMER_MEMBER, removed: 'author', text: '', quotes: [] });
    expect(d.posts[1]!.quotes[0]).toMatchObject({ author: FORMER_MEMBER, sourcePost: 1, text: "Removed at the author's request." });
    expect(d.posts[3]!.text).toBe(`${FORMER_MEMBER} was right about Rouen, as ${FORMER_MEMBER} always is.`);
    expect(a.authors.map((x) => x.name)).toEqual(['Odo', 'Sigrid']);
    const warn = a.diagnostics?.find((x) => x.severity === 'warning')!;
    expect(warn.message).toMatch(/authors\[1\]: no author of the archive posts under this name/);
    expect(JSON.stringify(a.diagnostics)).not.toMatch(/nobody here|rollo/i);
  });
});

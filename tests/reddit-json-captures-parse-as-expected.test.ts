/**
 * reddit thread JSON (the `.json` of a thread page) parses as expected: the
 * submission and every comment in tree order with authors, dates, replyTo and
 * flair; `> ` quotes resolved to the comment whose words they hold; `more`
 * stubs reported with the count of missing comments; every line accounted for.
 * Fixture: tests/fixtures/reddit-json/thread.json (written for this test).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive, detectFormat, parseCapture } from '../src/lib/index.js';
import { unescapeReddit } from '../src/lib/formats/reddit-json.js';

const file = path.resolve(__dirname, 'fixtures/reddit-json/thread.json');
const text = readFileSync(file, 'utf8');
const build = (t: string, name = 'thread.json') => buildArchive([{ file: name, text: t }]).documents[0]!;

describe('reddit thread JSON', () => {
  const doc = build(text);

  it('is detected as reddit JSON, and no other format claims it', () => {
    const d = detectFormat(text.split('\n'));
    expect(d.format?.name).toBe('reddit-json');
    for (const [name, score] of Object.entries(d.scores)) if (name !== 'reddit-json') expect(score, name).toBeLessThan(0.5);
    expect(doc.format).toBe('reddit-json');
    expect(doc.title).toBe('What if the Library of Alexandria had survived intact?');
    expect(doc.titleInferred).toBe(false);
  });

  it('makes the submission post 1 and every comment a post, in tree order, with authors, dates and parents', () => {
    expect(doc.posts.map((p) => [p.n, p.author, p.date, p.replyTo, p.edited])).toEqual([
      [1, 'Hypatia_Fan', '2020-03-21T15:00:00+00:00', null, false],
      [2, 'scroll_keeper', '2020-03-21T16:00:00+00:00', 1, false],
      [3, 'MarcusAureliusFan', '2020-03-21T17:01:01+00:00', 2, true],
      [4, null, '2020-03-21T18:00:00+00:00', 3, false],
      [5, 'scroll_keeper', '2020-03-21T19:00:00+00:00', 2, false],
      [6, 'Ptolemy_II', '2020-03-21T20:00:00+00:00', 1, false],
    ]);
    expect(doc.posts.map((p) => p.badges)).toEqual([['Discussion'], [], ['Stoic at heart'], [], [], []]);
  });

  it('decodes the entities reddit escapes in bodies, and keeps a [deleted] body as written', () => {
    expect(doc.posts[0]!.text).toContain('copied & recopied');
    expect(doc.posts[2]!.text).toContain('the main one & nobody burned it');
    expect(doc.posts[3]!.text).toBe('[deleted]');
    expect(doc.posts.some((p) => /&amp;|&gt;|&lt;/.test(p.text))).toBe(false);
  });

  it('reads > lines as quotes and finds their source by their words; a spoiler is not a quote', () => {
    expect(doc.posts.map((p) => p.quotes.map((q) => [q.author, q.sourcePost]))).toEqual([
      [],
      [],
      [[null, 2]],
      [],
      [
        [null, 3],
        [null, null],
      ],
      [[null, 1]],
    ]);
    expect(doc.posts[2]!.quotes[0]!.text).toBe('Most of the collection was already gone by the time of Caesar');
    expect(doc.posts[2]!.text.startsWith('That is the popular claim')).toBe(true);
    // A nested quote stays inside the outer one; the outer quote's own words name its source.
    expect(doc.posts[4]!.quotes[0]!.text).toMatch(/^> Most of the collection/);
    expect(doc.posts[4]!.text).toContain('>!the copyists running out of papyrus!<');
    expect(doc.posts[4]!.segments.map((s) => s.kind)).toEqual(['quote', 'own', 'quote', 'own']);
  });

  it('reports the comments behind more stubs, with their count, and does not import the stubs', () => {
    const d = doc.diagnostics.find((x) => x.rule === 'comments-not-loaded');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('16 comments behind 2 "load more comments" stubs');
    expect(d?.message).toContain('1 "continue this thread" link');
    expect(doc.diagnostics.map((x) => x.rule).sort()).toEqual(['comments-not-loaded', 'deleted-author', 'quote-unresolved']);
  });

  it('accounts for every line: fields used are placed, the rest dropped by name', () => {
    const a = doc.accounting;
    expect(a.dropped.unaccounted ?? 0).toBe(0);
    expect(a.source).toBe(text.length);
    expect(a.source).toBe(a.placed + Object.values(a.dropped).reduce((x, y) => x + y, 0));
    expect(Object.keys(a.placedBy).sort()).toEqual(['author', 'badge', 'edited-marker', 'post', 'post-date', 'reply-to', 'title']);
    expect(Object.keys(a.dropped).sort()).toEqual(['comments-not-loaded', 'json-field', 'json-structure']);
  });

  it('reads the same thread from minified JSON (as reddit serves it) and from raw_json=1 bodies', () => {
    const min = build(JSON.stringify(JSON.parse(text)), 'min.json');
    const shape = (d: typeof doc) => d.posts.map((p) => [p.n, p.author, p.date, p.replyTo, p.text, p.quotes.map((q) => q.sourcePost)]);
    expect(shape(min)).toEqual(shape(doc));
    expect(min.accounting.dropped.unaccounted ?? 0).toBe(0);
    const raw = build(text.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'), 'raw.json');
    expect(raw.posts[0]!.text).toContain('copied & recopied');
    expect(raw.posts[2]!.quotes[0]!.sourcePost).toBe(2);
    expect(unescapeReddit('a &amp;gt; b')).toBe('a &gt; b');
  });

  it('imports what precedes damage in a truncated file, and says so', () => {
    const cut = parseCapture({ file: 'cut.json', text: text.slice(0, text.indexOf('"fk4d4"')) });
    expect(cut.format).toBe('reddit-json');
    expect(cut.posts.map((p) => p.author)).toEqual(['Hypatia_Fan', 'scroll_keeper', 'MarcusAureliusFan', null]);
    expect(cut.diagnostics.find((x) => x.rule === 'json-damaged')?.severity).toBe('warning');
    expect(cut.accounting.dropped.unaccounted ?? 0).toBe(0);
  });

  it('reads a link post (no selftext) as its link, and a comments-only listing without a submission', () => {
    const t = JSON.parse(text);
    t[0].data.children[0].data.selftext = '';
    t[0].data.children[0].data.is_self = false;
    t[0].data.children[0].data.url = 'https://maps.example/alexandria.png';
    expect(build(JSON.stringify(t)).posts[0]!.text).toBe('https://maps.example/alexandria.png');
    const comments = build(JSON.stringify(t[1]), 'comments.json');
    expect(comments.posts.map((p) => [p.n, p.author, p.replyTo])).toEqual([
      [1, 'scroll_keeper', null],
      [2, 'MarcusAureliusFan', 1],
      [3, null, 2],
      [4, 'scroll_keeper', 1],
      [5, 'Ptolemy_II', null],
    ]);
    expect(comments.diagnostics.map((x) => x.rule)).toContain('submission-missing');
  });
});

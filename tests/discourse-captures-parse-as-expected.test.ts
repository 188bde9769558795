/**
 * Discourse topics parse as expected, as the topic JSON and as the topic feed
 * (RSS): posts under Discourse's own numbers in that order whatever the file
 * order, authors, dates, replyTo, quotes whose `data-post` names their source
 * (nested asides kept inside the outer quote), Discourse and feed furniture
 * dropped by named rules, every line accounted for.
 * Fixtures: tests/fixtures/discourse-json/topic.json, tests/fixtures/discourse-rss/topic.rss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive, detectFormat, parseCapture, type ArchiveDocument } from '../src/lib/index.js';
import { readRaw } from '../src/lib/formats/discourse/raw.js';
import { isoFromEpoch, isoFromRfc5322, isoFromTimestamp } from '../src/lib/text/timestamps.js';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, 'fixtures', name), 'utf8');
const build = (text: string, file: string) => buildArchive([{ file, text }]).documents[0]!;
const quotesOf = (d: ArchiveDocument) => d.posts.map((p) => [p.n, p.quotes.map((q) => [q.author, q.sourcePost])]);
const sumOf = (d: ArchiveDocument) => d.accounting.placed + Object.values(d.accounting.dropped).reduce((x, y) => x + y, 0);

describe('Discourse topic JSON', () => {
  const text = fixture('discourse-json/topic.json');
  const doc = build(text, 'topic.json');

  it('is detected as Discourse JSON, and no other format claims it', () => {
    const d = detectFormat(text.split('\n'));
    expect(d.format?.name).toBe('discourse-json');
    for (const [name, score] of Object.entries(d.scores)) if (name !== 'discourse-json') expect(score, name).toBeLessThan(0.5);
    expect(doc.title).toBe('What if Byzantium had held Anatolia after Manzikert?');
  });

  it('numbers posts by post_number, in that order although the file lists them out of order, and leaves out moderator notices', () => {
    expect(doc.posts.map((p) => [p.n, p.author, p.date, p.replyTo, p.edited, p.badges])).toEqual([
      [1, 'komnenos_fan', '2021-05-02T10:15:30+00:00', null, false, ['Anna K.']],
      [2, 'theme_system', '2021-05-02T11:02:00+00:00', null, false, []],
      [3, 'varangian_guard', '2021-05-02T12:30:45+00:00', 2, false, ['Varangian Guard']],
      [6, 'komnenos_fan', '2021-05-04T09:45:10+00:00', 3, true, ['Anna K.']],
      [7, 'Psellos_1078', '2021-05-05T18:20:00+00:00', null, false, ['Chronicler']],
    ]);
    expect(doc.diagnostics.find((x) => x.rule === 'moderator-notice')?.message).toContain('1 moderator notice');
    expect(doc.diagnostics.find((x) => x.rule === 'reply-parent-missing')?.message).toContain('1 post answers a post');
  });

  it('takes the source of a quote from data-post, keeps nested asides inside the quote, and matches a quote without data-post by its words', () => {
    expect(quotesOf(doc)).toEqual([
      [1, []],
      [2, [['komnenos_fan', 1]]],
      [3, [['theme_system', 2]]],
      [
        6,
        [
          ['varangian_guard', 3],
          ['Psellos_1078', null],
        ],
      ],
      [7, [['komnenos_fan', 1]]],
    ]);
    const nested = doc.posts[2]!.quotes[0]!.text;
    expect(nested).toBe('komnenos_fan said:\n\n> the real losses came in the civil wars that followed.\n\nThe theme armies were already hollow by then; mercenaries were doing most of the fighting.');
    expect(doc.diagnostics.find((x) => x.rule === 'quote-other-topic')).toBeDefined();
  });

  it('converts cooked HTML to Markdown without Discourse furniture: quote title bars, emoji images, mention links, link previews', () => {
    const p3 = doc.posts[2]!.text;
    expect(p3).toBe('Mercenaries are not the problem :shield: as long as they are paid. @theme_system the money ran out first.');
    const all = doc.posts.map((p) => [p.text, ...p.quotes.map((q) => q.text)].join('\n')).join('\n');
    expect(all).not.toMatch(/avatar|quote-controls|<img|<aside|Preview text of another site/);
    expect(doc.posts[3]!.text).toContain('<https://books.example/manzikert-aftermath>');
  });

  it('reports the posts the JSON did not load, and accounts for every line', () => {
    expect(doc.diagnostics.find((x) => x.rule === 'posts-not-loaded')?.message).toContain('lists 9 posts (post_stream.stream) but the capture holds 6');
    expect(doc.accounting.dropped.unaccounted ?? 0).toBe(0);
    expect(doc.accounting.source).toBe(sumOf(doc));
    expect(Object.keys(doc.accounting.dropped).sort()).toEqual(['json-field', 'json-structure', 'moderator-notice']);
  });

  it('reads the same topic from minified JSON, and from raw source with [quote] tags when cooked is absent', () => {
    const obj = JSON.parse(text);
    const min = build(JSON.stringify(obj), 'min.json');
    expect(quotesOf(min)).toEqual(quotesOf(doc));
    expect(min.posts.map((p) => p.text)).toEqual(doc.posts.map((p) => p.text));
    for (const p of obj.post_stream.posts) {
      if (p.post_number === 2) p.raw = '[quote="komnenos_fan, post:1, topic:4242"]\nthe real losses came in the civil wars that followed.\n[/quote]\n\nAgreed, and this is the key point.';
      if (p.post_number === 2) delete p.cooked;
    }
    const raw = build(JSON.stringify(obj), 'raw.json');
    expect(raw.posts[1]!.quotes.map((q) => [q.author, q.sourcePost, q.text])).toEqual([['komnenos_fan', 1, 'the real losses came in the civil wars that followed.']]);
    expect(raw.posts[1]!.text).toBe('Agreed, and this is the key point.');
  });

  it('reads nested and unclosed [quote] tags in raw source', () => {
    const r = readRaw('[quote="a, post:1, topic:9"]\n[quote="b, post:2, topic:9"]\ninner\n[/quote]\nouter\n[/quote]\nmine\n[quote="c, post:3, topic:8"]\nopen', { topic: 9, has: () => true, line: 4 });
    expect(r.quotes.map((q) => [q.author, q.sourcePost, q.text])).toEqual([
      ['a', 1, 'b said:\n\n> inner\n\nouter'],
      ['c', null, 'open'],
    ]);
    expect(r.segments.map((s) => s.kind)).toEqual(['quote', 'own', 'quote']);
  });

  it('numbers a post without a usable post_number after the others, with a warning, and survives a truncated file', () => {
    const obj = JSON.parse(text);
    delete obj.post_stream.posts[0].post_number; // post 3, first in the file
    const d = build(JSON.stringify(obj, null, 1), 'renumbered.json');
    expect(d.posts.map((p) => p.n)).toEqual([1, 2, 6, 7, 8]);
    expect(d.diagnostics.find((x) => x.rule === 'post-number-missing')?.severity).toBe('warning');
    const cut = parseCapture({ file: 'cut.json', text: text.slice(0, Math.floor(text.length / 2)) });
    expect(cut.format).toBe('discourse-json');
    expect(cut.diagnostics.map((x) => x.rule)).toContain('json-damaged');
    expect(cut.accounting.dropped.unaccounted ?? 0).toBe(0);
  });
});

describe('Discourse topic feed (RSS)', () => {
  const text = fixture('discourse-rss/topic.rss');
  const doc = build(text, 'topic.rss');

  it('is detected as the Discourse feed, and no other format claims it', () => {
    const d = detectFormat(text.split('\n'));
    expect(d.format?.name).toBe('discourse-rss');
    for (const [name, score] of Object.entries(d.scores)) if (name !== 'discourse-rss') expect(score, name).toBeLessThan(0.5);
    expect(doc.title).toBe('What if the Hanseatic League had become a state?');
  });

  it('reads items oldest first under the numbers of their guids, after the channel description as post 1', () => {
    expect(doc.posts.map((p) => [p.n, p.author, p.date, p.replyTo, p.badges])).toEqual([
      [1, 'hanse_historian', null, null, []],
      [12, 'lubeck_merchant', '2021-06-07T21:10:00+00:00', null, ['Jonas Brandt']],
      [14, 'novgorod_kontor', '2021-06-08T16:02:30+02:00', null, ['Ivan Petrov']],
      [15, 'bergen_bryggen', '2021-06-08T19:40:12+00:00', null, []],
      [17, 'lubeck_merchant', '2021-06-09T08:15:00+00:00', null, ['Jonas Brandt']],
    ]);
    expect(doc.posts[0]!.text).toContain('a standing federation & a common treasury.');
    expect(doc.diagnostics.find((x) => x.rule === 'author-from-quote')?.message).toContain('post 12 quotes it as written by hanse_historian');
  });

  it('drops the author line and the Read full topic link, unwraps the post, and reads its quotes', () => {
    expect(quotesOf(doc)).toEqual([
      [1, []],
      [12, [['hanse_historian', 1]]],
      [14, [['lubeck_merchant', 12]]],
      [15, [['stralsund_1370', null]]],
      [
        17,
        [
          ['novgorod_kontor', 14],
          ['bergen_bryggen', 15],
        ],
      ],
    ]);
    const all = doc.posts.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/Read full topic|wrote:|^>/m);
    expect(doc.posts[4]!.text).toBe('Furs were one trade among several :fish: and herring paid for more ships than furs ever did.\n\nLübeck already was the capital in all but name.');
    expect(doc.posts[3]!.quotes[0]!.text).toMatch(/^lubeck_merchant said:\n\n> The Diet met/);
  });

  it('accounts for every line, furniture by name', () => {
    const a = doc.accounting;
    expect(a.dropped.unaccounted ?? 0).toBe(0);
    expect(a.source).toBe(sumOf(doc));
    expect(a.dropped['feed-author-line']).toBeGreaterThan(0);
    expect(a.dropped['read-full-topic-link']).toBeGreaterThan(0);
    expect(a.placedBy.quote).toBeGreaterThan(0);
  });

  it('drops a channel description that repeats an item holding post 1, and numbers a feed without post numbers in feed order', () => {
    const withFirst = text.replace('forum.example-post-5150-12', 'forum.example-post-5150-1').replace('/5150/12</link>', '/5150/1</link>');
    const d = build(withFirst, 'short.rss');
    expect(d.posts.map((p) => [p.n, p.author])).toEqual([
      [1, 'lubeck_merchant'],
      [14, 'novgorod_kontor'],
      [15, 'bergen_bryggen'],
      [17, 'lubeck_merchant'],
    ]);
    expect(d.diagnostics.map((x) => x.rule)).toContain('channel-description-duplicate');
    const bare = build(text.replace(/<guid[^>]*>[^<]*<\/guid>/g, '').replace(/(<link>[^<]*\/5150)\/\d+(<\/link>)/g, '$1$2'), 'bare.rss');
    // Positions are not Discourse's numbers, so only the quote of post 1 (the channel description) keeps its data-post source.
    expect(bare.posts.map((p) => [p.n, p.author])).toEqual([
      [1, 'hanse_historian'],
      [2, 'lubeck_merchant'],
      [3, 'novgorod_kontor'],
      [4, 'bergen_bryggen'],
      [5, 'lubeck_merchant'],
    ]);
    expect(bare.diagnostics.map((x) => x.rule)).toContain('feed-numbers-missing');
    expect(quotesOf(bare)).toEqual([
      [1, []],
      [2, [['hanse_historian', 1]]],
      [3, [['lubeck_merchant', 2]]],
      [4, [['stralsund_1370', null]]],
      [
        5,
        [
          ['novgorod_kontor', 3],
          ['bergen_bryggen', 4],
        ],
      ],
    ]);
  });

  it('reports a feed that is not well-formed XML instead of throwing', () => {
    const d = parseCapture({ file: 'broken.rss', text: text.slice(0, 3000) });
    expect(d.format).toBe('discourse-rss');
    expect(d.posts).toEqual([]);
    expect(d.diagnostics.find((x) => x.rule === 'feed-unreadable')?.severity).toBe('warning');
    expect(d.accounting.dropped.unaccounted ?? 0).toBe(0);
  });
});

describe('machine timestamps', () => {
  it('keep the offset the source states and never invent one', () => {
    expect(isoFromEpoch(1584802800.7)).toBe('2020-03-21T15:00:00+00:00');
    expect(isoFromEpoch('oops')).toBeNull();
    expect(isoFromTimestamp('2021-05-02T10:15:30.120Z')).toBe('2021-05-02T10:15:30+00:00');
    expect(isoFromTimestamp('2021-05-02T12:15:30+02:00')).toBe('2021-05-02T12:15:30+02:00');
    expect(isoFromTimestamp('2021-05-02 12:15')).toBe('2021-05-02T12:15:00');
    expect(isoFromTimestamp('2021-02-30T10:00:00Z')).toBeNull();
    expect(isoFromRfc5322('Tue, 08 Jun 2021 16:02:30 +0200')).toBe('2021-06-08T16:02:30+02:00');
    expect(isoFromRfc5322('8 Jun 2021 16:02 GMT')).toBe('2021-06-08T16:02:00+00:00');
    expect(isoFromRfc5322('Tue, 08 Jun 2021 16:02:30 -0000')).toBe('2021-06-08T16:02:30');
    expect(isoFromRfc5322('Tue, 08 Jun 2021 16:02:30 EDT')).toBe('2021-06-08T16:02:30-04:00');
    expect(isoFromRfc5322('yesterday')).toBeNull();
  });
});

/**
 * Saved forum pages (HTML) import as threads through unified: posts, authors,
 * dates, quotes with their sources (explicit ones checked against the words),
 * signatures, scripts, styles, navigation and footers dropped by named rules,
 * and nothing unaccounted.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readCaptures } from '../src/loader/read-captures.js';
import { parseCapture } from '../src/lib/index.js';
import { importFiles, summarise, expectAccounted } from './helpers/captures.js';

const fixture = (name: string) => path.resolve(__dirname, 'fixtures/pages', name);
const read = async (name: string) => (await importFiles([fixture(name)])).documents[0]!;

describe('saved forum pages', () => {
  it('reads a XenForo 2 page: data-source quotes, nested quotes, a wrong data-source left to the words', async () => {
    const doc = await read('xenforo2.html');
    expect(doc.format).toBe('xenforo2-page');
    expect(doc.title).toBe('WI: Marius refuses the eastern command');
    expect(summarise(doc)).toEqual([
      { author: 'Gaius Marius', date: '2019-03-10T23:11:00+00:00', replyTo: null, quotes: [] },
      { author: 'Sulla Felix', date: '2019-03-11T08:02:00+00:00', replyTo: null, quotes: [['Gaius Marius', 1]] },
      { author: 'Cinna', date: '2019-03-11T09:30:00+01:00', replyTo: null, quotes: [['Sulla Felix', 2], ['Sulla Felix', 2]] },
    ]);
    const [marius, sulla, cinna] = doc.posts;
    expect(marius!.text).toBe('Suppose Marius, old and sick in 88 BC, turns the Mithridatic command down and retires to Misenum.\n\nSulla marches east with the legions he has, and nobody marches on Rome at all.');
    expect(sulla!.text).toContain('**this year**');
    expect(marius!.badges).toEqual(['Consul (seven times)']);
    expect(doc.posts.map((p) => p.edited)).toEqual([false, true, false]);
    expect(sulla!.text).not.toContain('Last edited');
    expect(sulla!.quotes[0]!.text).not.toMatch(/Click to expand|said:/);
    expect(cinna!.quotes[0]!.text).toMatch(/^Gaius Marius said:\n\n> nobody marches on Rome at all\./);
    expect(doc.diagnostics.filter((d) => d.rule === 'quote-source-mismatch')).toHaveLength(1);
    expect(doc.posts.map((p) => p.text).join('\n')).not.toMatch(/Quod scripsi|XenForo|Reply|window\.XF|line-height/);
    for (const rule of ['script', 'style', 'navigation', 'footer', 'signature-block']) expect(doc.accounting.dropped[rule], rule).toBeGreaterThan(0);
    expectAccounted(doc);
  });

  it('reads a XenForo 1 page: messageText bodies that are blockquotes, bbCodeQuote sources, epoch and title dates', async () => {
    const doc = await read('xenforo1.html');
    expect(doc.format).toBe('xenforo1-page');
    expect(summarise(doc)).toEqual([
      { author: 'Edith Swan-neck', date: '2012-03-10T23:11:00+00:00', replyTo: null, quotes: [] },
      { author: 'Odo of Bayeux', date: '2012-03-11T07:45', replyTo: null, quotes: [['Edith Swan-neck', 1]] },
    ]);
    expect(doc.posts[0]!.text).not.toContain('Ut. Ut.');
    expect(doc.posts[0]!.badges).toEqual(['Saxon loyalist']);
    expectAccounted(doc);
  });

  it('reads vBulletin 3, 4 and 5 pages: quote boxes with and without a name, signatures, dates in the page day order, never an invented zone', async () => {
    const vb4 = await read('vbulletin4.html');
    expect(vb4.format).toBe('vbulletin-page');
    expect(summarise(vb4)).toEqual([
      { author: 'Anna Dalassene', date: '2012-03-25T21:05', replyTo: null, quotes: [] },
      { author: 'Psellos', date: '2012-03-26T08:40', replyTo: null, quotes: [['Anna Dalassene', 1], [null, null]] },
    ]);
    expect(vb4.posts[1]!.quotes[1]!.text).toBe('The empire is a tax system with an army attached.');
    expect(vb4.posts[0]!.text).not.toContain('Basileus in exile');
    expect(vb4.posts[0]!.badges).toEqual(['Senior Member']);
    const vb3 = await read('vbulletin3.html');
    expect(summarise(vb3)).toEqual([
      { author: 'Marshal Ney', date: 'Today, 10:15 AM', replyTo: null, quotes: [] },
      { author: 'Metternich', date: '2012-03-10T23:11', replyTo: null, quotes: [['Marshal Ney', 1]] },
    ]);
    expect(vb3.posts[0]!.text).toContain('Grande Armée');
    expect(vb3.posts[0]!.text).not.toContain('Vive');
    const vb5 = await read('vbulletin5.html');
    expect(summarise(vb5)).toEqual([
      { author: 'Hamilcar B.', date: '2016-05-04T10:20:00', replyTo: null, quotes: [] },
      { author: 'Regulus', date: '2016-05-04T12:02:00', replyTo: null, quotes: [['Hamilcar B.', 1]] },
    ]);
    for (const d of [vb3, vb4, vb5]) expectAccounted(d);
  });

  it('reads a phpBB 3 page: cite and uncited quotes, sources found by the words', async () => {
    const doc = await read('phpbb3.html');
    expect(doc.format).toBe('phpbb-page');
    expect(doc.title).toBe('What if the Armada had sailed in 1587?');
    expect(summarise(doc)).toEqual([
      { author: 'Santa Cruz', date: '2017-02-11T19:45:00+00:00', replyTo: null, quotes: [] },
      { author: "Ocean's Walsingham", date: '2017-02-12T09:02', replyTo: null, quotes: [['Santa Cruz', 1], [null, null]] },
    ]);
    expect(doc.posts[0]!.text).not.toContain('Gloria');
    expect(doc.posts[0]!.badges).toEqual(['Admiral']);
    expectAccounted(doc);
  });

  it('reads a NodeBB page from its ajaxify-data JSON, and from its markup when the JSON is missing', async () => {
    const expected = [
      { author: 'kara_mustafa', date: '2020-05-20T18:40:00+00:00', replyTo: null, quotes: [] },
      { author: 'sobieski', date: '2020-05-20T19:40:00+00:00', replyTo: 1, quotes: [['kara_mustafa', 1]] },
      { author: 'kara_mustafa', date: '2020-05-20T20:40:00+00:00', replyTo: 2, quotes: [] },
    ];
    const json = await read('nodebb.html');
    expect(json.format).toBe('nodebb-page');
    expect(summarise(json)).toEqual(expected);
    expect(json.posts[2]!.text).toBe('Innsbruck has no Bohemian crown to go with it.');
    expect(json.accounting.dropped['duplicate-markup']).toBeGreaterThan(0);
    // The same page without its JSON: the markup is read instead.
    const page = readFileSync(fixture('nodebb.html'), 'utf8').replace(/<script id="ajaxify-data"[^\n]*\n/, '');
    const markup = parseCapture({ file: 'nodebb-markup-only.html', text: page });
    expect(markup.format).toBe('nodebb-page');
    expect(summarise(markup)).toEqual(expected);
    expect(markup.posts.map((p) => p.text)).toEqual(json.posts.map((p) => p.text));
    for (const d of [json, markup]) expectAccounted(d);
  });

  it('reads a Discourse page: aside quotes name their source post, a quote of another topic has none', async () => {
    const doc = await read('discourse.html');
    expect(doc.format).toBe('discourse-page');
    expect(doc.title).toBe('What if the Library of Alexandria survives?');
    expect(summarise(doc)).toEqual([
      { author: 'callimachus', date: '2021-05-02T20:15:00+00:00', replyTo: null, quotes: [] },
      { author: 'hypatia', date: '2021-05-03T09:00:00+00:00', replyTo: 1, quotes: [['callimachus', 1], ['ptolemy', null]] },
    ]);
    // Discourse numbers its posts: the page's post #3 (post #2 was deleted) keeps its number.
    expect(doc.posts.map((p) => p.n)).toEqual([1, 3]);
    expectAccounted(doc);
  });

  it('reads a page in the charset it declares: ISO-8859-1 read as Windows-1252, numeric entities decoded', async () => {
    const doc = await read('phpbb-windows-1252.html');
    expect(doc.posts[0]!.author).toBe('José María');
    expect(doc.posts[0]!.text).toBe('“Café” society in Madrid – and “numeric” entities é – decode too.');
    expect(doc.diagnostics.find((d) => d.rule === 'not-utf8')).toBeUndefined();
    expect(doc.diagnostics.find((d) => d.rule === 'declared-charset')?.severity).toBe('info');
    expectAccounted(doc);
  });

  it('reads a pipermail archive page: one message, its quote and attribution, its reply to a message on another page noted', async () => {
    const doc = await read('pipermail.html');
    expect(doc.format).toBe('pipermail-page');
    expect(doc.title).toBe("[whatif] Lincoln survives Ford's Theatre");
    expect(summarise(doc)).toEqual([{ author: 'Mary Major', date: '2021-03-06T16:45:00+00:00', replyTo: null, quotes: [['Tom Okafor', null]] }]);
    expect(doc.posts[0]!.text).toBe('It funded the Army of occupation, which is the Bureau by another name.');
    expect(doc.diagnostics.find((d) => d.rule === 'reply-outside-capture')?.message).toContain('to-200@example.net');
    expectAccounted(doc);
  });

  it('leaves out the folder of images and scripts a browser saves beside a page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'saved-page-'));
    try {
      mkdirSync(path.join(dir, 'topic_files'));
      writeFileSync(path.join(dir, 'topic.html'), readFileSync(fixture('phpbb3.html')));
      writeFileSync(path.join(dir, 'topic_files', 'jquery.js'), 'var x = 1;\n');
      writeFileSync(path.join(dir, 'topic_files', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
      mkdirSync(path.join(dir, 'notes_files'));
      writeFileSync(path.join(dir, 'notes_files', 'kept.txt'), 'No page called notes.html stands beside this folder.\n');
      expect((await readCaptures(dir)).map((c) => c.file)).toEqual(['notes_files/kept.txt', 'topic.html']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a page of an unknown board as its visible text', async () => {
    const doc = await read('unknown-board.html');
    expect(doc.format).toBe('html-page');
    expect(doc.title).toBe('Garibaldi stops at Naples');
    expect(doc.posts).toHaveLength(2);
    expect(doc.posts[1]!.text).toContain('Napoleon III is at war');
    expect(doc.posts.map((p) => p.text).join('\n')).not.toMatch(/track\(\)|TinyBoard|Search/);
    expectAccounted(doc);
  });
});

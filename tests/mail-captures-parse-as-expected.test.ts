/**
 * Mail and Usenet captures (mbox files, single .eml messages, a plain-text
 * digest) import as threads: one post per message in file order, authors from
 * From: (or the signature), dates with their offsets, replyTo from
 * In-Reply-To / References, quotes linked to the message whose own words hold them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, summarise, expectAccounted } from './helpers/captures.js';
import { buildArchive, parseCapture, readCaptureBytes } from '../src/lib/index.js';
import { readFileSync } from 'node:fs';

const fixture = (name: string) => path.resolve(__dirname, 'fixtures/mail', name);

describe('mail captures', () => {
  it('reads a Usenet mbox out of date order: In-Reply-To with extra words, a parent outside the file, no From:, >From escapes, re-wrapped and elided quotes', async () => {
    const { documents } = await importFiles([fixture('usenet-thread.mbox')]);
    const doc = documents[0]!;
    expect(doc.format).toBe('mail');
    expect(doc.title).toBe('WI: the Armada lands in Kent, 1588');
    expect(summarise(doc)).toEqual([
      { author: 'Harriet Vane', date: '1999-06-14T09:12:44+01:00', replyTo: null, quotes: [] },
      { author: 'Peter Wimsey', date: '1999-06-15T18:40:02+00:00', replyTo: 3, quotes: [['Hal Bunter', 3], ['Hal Bunter', 3], ['Hal Bunter', 3]] },
      { author: 'Hal Bunter', date: '1999-06-15T11:02:10+00:00', replyTo: 1, quotes: [['Harriet Vane', 1]] },
      { author: 'Miles Cotton', date: '1999-06-16T07:15:00-04:00', replyTo: null, quotes: [] },
    ]);
    const [harriet, peter, hal, miles] = doc.posts;
    // A body line that looks like a header stays in the body; the signature does not.
    expect(harriet!.text).toContain('Subject: the logistics are the real question here');
    expect(harriet!.text).not.toContain('Shrewsbury College, Oxford');
    // The unmarked tail of a re-wrapped quoted line is part of the quote, found in Harriet's own words.
    expect(hal!.quotes[0]!.text).toMatch(/into London\nare narrow and easily held\.$/);
    expect(hal!.text).not.toContain('easily held');
    // `>From ` is an mbox escape of a body line, not a quote.
    expect(hal!.text).toContain('\nFrom what I have read, the Council');
    // A nested quote keeps its marker inside the quote; the elision mark splits the quote and is dropped.
    expect(peter!.quotes[1]!.text.startsWith('>The usual answer')).toBe(true);
    expect(peter!.quotes.map((q) => q.text).join('\n')).not.toContain('elided');
    expect(doc.accounting.dropped['quote-elision']).toBeGreaterThan(0);
    expect(miles!.authorEvidence).toBe('signature');
    expectAccounted(doc);
  });

  it('reads a mailing-list mbox: MIME alternatives, quoted-printable, format=flowed, attributions in several shapes, Outlook blocks, PGP, a forwarded message', async () => {
    const { documents } = await importFiles([fixture('list-thread.mbox')]);
    const doc = documents[0]!;
    expect(doc.title).toBe("[whatif] Babbage's engine finished in 1840");
    expect(summarise(doc)).toEqual([
      { author: 'Jean Dupont', date: '2021-03-02T10:40:00+01:00', replyTo: 2, quotes: [['Ada Byron', 2]] },
      { author: 'Ada Byron', date: '2021-03-02T09:15:00+01:00', replyTo: null, quotes: [] },
      { author: 'Hopper, Grace', date: '2021-03-02T08:05:00-05:00', replyTo: 1, quotes: [['Jean Dupont', 1]] },
      { author: 'Hans Müller', date: '2021-03-03T09:30:00+01:00', replyTo: 3, quotes: [['Grace Hopper', 3]] },
      { author: 'ken', date: '2021-03-03T11:00:00+00:00', replyTo: 4, quotes: [['Hans Müller', 4]] },
      { author: 'Whitfield D.', date: '2021-03-03T12:00:00+00:00', replyTo: 1, quotes: [['Ada Byron', 2]] },
      { author: 'Ada Byron', date: '2021-03-04T08:00:00+01:00', replyTo: 6, quotes: [['Charles Babbage', null]] },
      // Top-posted over an Outlook original that holds an older Outlook original: the quote is Grace's.
      { author: 'Ada Byron', date: '2021-03-04T09:30:00+01:00', replyTo: 3, quotes: [['Hopper, Grace', 3]] },
    ]);
    const ada = doc.posts[1]!;
    // The text/plain part, decoded from quoted-printable ISO-8859-1; the HTML alternative is dropped and counted.
    expect(ada.text).toContain('machine-tool café of London');
    expect(ada.text).not.toContain('<p>');
    expect(doc.accounting.dropped['mime-alternative']).toBeGreaterThan(0);
    // format=flowed lines are joined; PGP armour is dropped and dash-escaped lines unescaped.
    expect(doc.posts[3]!.text).toContain('guild of engine repairers');
    expect(doc.posts[5]!.text.startsWith('--- a dash-escaped line')).toBe(true);
    expect(doc.posts[5]!.text).not.toContain('PGP');
    expect(doc.posts[6]!.quotes[0]!.text).toContain('if the Treasury had paid Clement');
    expectAccounted(doc);
  });

  it('decodes a single .eml by its declared charset and drops its attachment', async () => {
    const { documents } = await importFiles([fixture('single-koi8r.eml')]);
    const doc = documents[0]!;
    expect(doc.title).toBe('Суворов при Аустерлизе');
    expect(summarise(doc)).toEqual([{ author: 'Иван Петров', date: '2021-03-05T18:20:00+03:00', replyTo: null, quotes: [] }]);
    expect(doc.posts[0]!.text).toBe('Если бы Суворов дожил до 1805 года,\nАустерлиц мог бы кончиться иначе.');
    expect(doc.accounting.dropped['mime-attachment']).toBeGreaterThan(0);
    // The file is not UTF-8, but its message declares its charset: a note, not a warning to re-save it.
    expect(doc.diagnostics.find((d) => d.rule === 'not-utf8')).toBeUndefined();
    expect(doc.diagnostics.find((d) => d.rule === 'mail-charsets')?.severity).toBe('info');
    expectAccounted(doc);
  });

  it('splits a plain-text digest into its messages, with digest-style attributions', async () => {
    const { documents } = await importFiles([fixture('digest.eml')]);
    const doc = documents[0]!;
    expect(summarise(doc)).toEqual([
      { author: 'Mary Major', date: '2021-03-05T21:14:09-06:00', replyTo: null, quotes: [] },
      { author: 'Tom Okafor', date: '2021-03-06T08:02:51+00:00', replyTo: 1, quotes: [['Mary', 1]] },
      { author: 'Mary Major', date: '2021-03-06T10:45:00-06:00', replyTo: 2, quotes: [['Tom Okafor', 2]] },
    ]);
    expect(doc.posts.map((p) => p.text).join('\n')).not.toMatch(/Today's Topics|Message: 2|End of whatif-list/);
    expect(doc.accounting.dropped['digest-chrome']).toBeGreaterThan(0);
    expectAccounted(doc);
  });

  it('splits a MIME digest (multipart/digest inside multipart/mixed) into its messages', async () => {
    const doc = (await importFiles([fixture('digest-mime.eml')])).documents[0]!;
    expect(doc.title).toBe('[whatif] Sweden stays out of the Thirty Years War');
    expect(summarise(doc)).toEqual([
      { author: 'Axel O.', date: '2021-03-06T20:10:00+01:00', replyTo: null, quotes: [] },
      { author: 'Christian IV', date: '2021-03-07T09:00:00+01:00', replyTo: 1, quotes: [['Axel O.', 1]] },
    ]);
    expect(doc.posts.map((p) => p.text).join('\n')).not.toContain("Today's Topics");
    expectAccounted(doc);
  });

  it('keeps the curly quotes, dashes and euro signs of Windows-1252 parts and encoded words', async () => {
    const eml = 'From: =?windows-1252?Q?=93Quoted=94_Name?= <q@example.org>\nSubject: t\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\nIt=92s =93quoted=94 =96 with a dash and =80 5.\n';
    const read = await readCaptureBytes(new TextEncoder().encode(eml));
    const post = buildArchive([{ file: 'x.eml', text: read.text!, ...(read.mime ? { mime: read.mime } : {}) }]).documents[0]!.posts[0]!;
    expect(post.author).toBe('“Quoted” Name');
    expect(post.text).toBe('It’s “quoted” – with a dash and € 5.');
  });

  it('without the read stage, reads plain messages and warns about MIME ones instead of showing them decoded', () => {
    const text = readFileSync(fixture('list-thread.mbox'), 'utf8');
    const doc = parseCapture({ file: 'list-thread.mbox', text });
    expect(doc.posts).toHaveLength(8);
    expect(doc.posts[0]!.author).toBe('Jean Dupont');
    expect(doc.diagnostics.filter((d) => d.rule === 'mail-not-decoded').map((d) => d.line)).toEqual([20, 72, 124]);
    expect(doc.accounting.dropped.unaccounted).toBeUndefined();
  });
});

/**
 * A mail body's lines become the writer's own words and quotes: interleaved
 * replies, re-wrapped quoted lines, top-posting over an Outlook original,
 * signatures, elisions, `>>` without spaces and the mbox `>From ` escape.
 */
import { describe, expect, it } from 'vitest';
import { readMailBody } from '../src/lib/formats/mail/mail-body.js';

const read = (text: string, known: string[] = []) => {
  const body = readMailBody(text.split('\n').map((t, line) => ({ text: t, line })), { known: new Set(known) });
  return { ...body, shape: body.segments.map((s) => (s.kind === 'own' ? `own: ${s.text}` : `quote (${body.quotes[s.quote]!.author}): ${body.quotes[s.quote]!.text}`)) };
};

describe('mail bodies', () => {
  it('keep an interleaved short reply as the writer’s words, and join the wrapped tail of a quoted line to its quote', () => {
    expect(read('> The first point is long enough to run past fifty characters.\nAgreed.\n> The second point is also long enough to matter here.\nAlso agreed.').shape).toEqual([
      'quote (null): The first point is long enough to run past fifty characters.',
      'own: Agreed.',
      'quote (null): The second point is also long enough to matter here.',
      'own: Also agreed.',
    ]);
    expect(read('> The quoted line runs past fifty characters and stops in the\nmiddle.\n> Then it goes on.\nMy reply.').shape).toEqual([
      'quote (null): The quoted line runs past fifty characters and stops in the\nmiddle.\nThen it goes on.',
      'own: My reply.',
    ]);
  });

  it('read a top-posted reply over an Outlook original, the signature above it dropped', () => {
    const b = read('Yes, by 1850.\n-- \nAnn Lee\n\n-----Original Message-----\nFrom: Bob Roe [mailto:bob@example.org]\nSent: Monday\nSubject: Re: engines\n\nWhen would the engine pay for itself?');
    expect(b.shape).toEqual(['own: Yes, by 1850.', 'quote (Bob Roe): When would the engine pay for itself?']);
    expect(b.signatureName).toBe('Ann Lee');
    expect(b.claims.filter((c) => c.kind === 'mail-signature')).toHaveLength(2);
  });

  it('unquote one level, or more when the first holds no words, and split a quote at an elision', () => {
    expect(read('Bob wrote:\n>> Alice said this first.\n> And Bob said this.\nOK.').shape).toEqual(['quote (Bob): > Alice said this first.\nAnd Bob said this.', 'own: OK.']);
    expect(read('>> Only the older words.\nFine.').shape).toEqual(['quote (null): Only the older words.', 'own: Fine.']);
    expect(read('> One part.\n> [...]\n> Another part.\nNo.').shape).toEqual(['quote (null): One part.', 'quote (null): Another part.', 'own: No.']);
  });

  it('read SuperCite initials before `>` as quote markers when two lines or more carry them', () => {
    expect(read('JS> The Swedes were never coming.\nJS> Not in 1630.\nThey were.').shape).toEqual(['quote (null): The Swedes were never coming.\nNot in 1630.', 'own: They were.']);
    expect(read('Note> this one line is not a quote.').shape).toEqual(['own: Note> this one line is not a quote.']);
  });

  it('read `>From ` as an escaped body line, and a digest-style `Name:` only for a known poster', () => {
    expect(read('I said so.\n>From the start, that was the plan.\nTruly.').shape).toEqual(['own: I said so.\nFrom the start, that was the plan.\nTruly.']);
    expect(read('Consider this:\n> A quoted book line.\nSee?').shape).toEqual(['own: Consider this:', 'quote (null): A quoted book line.', 'own: See?']);
    expect(read('Mary:\n> Her words.\nMine.', ['Mary Major']).shape).toEqual(['quote (Mary): Her words.', 'own: Mine.']);
  });
});

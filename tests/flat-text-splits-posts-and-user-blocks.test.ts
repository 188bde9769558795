import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../src/lib/index.js';

const fixture = (name: string) => path.resolve(__dirname, 'fixtures/flat-text', name);
const build = (...files: string[]) => buildArchive(files.map((f) => ({ file: f, text: readFileSync(fixture(f), 'utf8') })));

describe('flat-text captures: posts and user blocks', () => {
  const doc = build('user-blocks.txt').documents[0]!;

  it('takes the first line as the title and drops the closing Top line as page chrome', () => {
    expect(doc.format).toBe('plain-capture');
    expect(doc.title).toBe('WI: The Congress of Vienna fails');
    expect(doc.posts).toHaveLength(4);
    expect(doc.accounting.dropped['page-chrome']).toBe('Top\n'.length);
    expect(doc.posts.some((p) => p.text.includes('Top'))).toBe(false);
  });

  it('reads a user block with a name holding spaces, periods, underscores and digits, a rank, a join date and counters', () => {
    const p = doc.posts[0]!;
    expect(p.author).toBe('Mr. J.R. Smith_1815');
    expect(p.authorEvidence).toBe('user-block');
    expect(p.badges).toEqual(['Well-known member', 'Joined: Mar 3, 2012', 'Messages: 1,234', 'Reaction score: 55', 'Location: Vienna']);
    expect(p.line).toBe(3);
    expect(p.text.startsWith('Suppose the great powers')).toBe(true);
  });

  it('leaves a post without a user block unattributed and keeps a short body line as text', () => {
    const p = doc.posts[1]!;
    expect(p.author).toBeNull();
    expect(p.authorEvidence).toBeNull();
    expect(p.text).toContain('Short line here');
  });

  it('gives a "Last edited" line at the start of a chunk to the post before it, in both forms', () => {
    expect(doc.posts.map((p) => p.edited)).toEqual([false, true, true, false]);
    expect(doc.posts.some((p) => /Last edited/.test(p.text))).toBe(false);
  });

  it('reads Banned and Donor badges after a blank line', () => {
    const p = doc.posts[2]!;
    expect(p.author).toBe('Ann Other 2');
    expect(p.badges).toEqual(['Banned', 'Donor']);
  });

  it('does not take a name-like first line for a user block when no badges follow it', () => {
    const p = doc.posts[3]!;
    expect(p.author).toBeNull();
    expect(p.text.startsWith('Tsar Alexander')).toBe(true);
  });

  it('reads CRLF line endings and a byte-order mark like LF text', () => {
    const lf = readFileSync(fixture('user-blocks.txt'), 'utf8');
    const crlf = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
    const a = buildArchive([{ file: 'crlf.txt', text: crlf }]).documents[0]!;
    expect(a.posts.map((p) => [p.author, p.badges, p.edited, p.text])).toEqual(doc.posts.map((p) => [p.author, p.badges, p.edited, p.text]));
    expect(a.accounting.dropped['byte-order-mark']).toBe(1);
    expect(a.accounting.dropped['carriage-return']).toBe(lf.split('\n').length - 1);
  });

  it('starts a new post at a user block that stands inside a chunk after a blank line', () => {
    const text = 'Title line\n\nFirst_Poster\n\nBanned\nOpening words of the first post.\n\nSecond Poster\n\nDonor\nReply without a separator before it.\n\u00a0\nTop';
    const d = buildArchive([{ file: 'joined.txt', text }]).documents[0]!;
    expect(d.posts.map((p) => p.author)).toEqual(['First_Poster', 'Second Poster']);
    expect(d.diagnostics.map((x) => x.rule)).toContain('missing-separator');
  });
});

describe('flat-text captures: signed posts', () => {
  const doc = build('signature.txt').documents[0]!;

  it('attributes a post ending with a known name and removes the name from its words', () => {
    const p = doc.posts[1]!;
    expect(p.author).toBe('Old_Hand 42');
    expect(p.authorEvidence).toBe('signature');
    expect(p.text).not.toContain('Old_Hand');
    expect(doc.accounting.placedBy.signature).toBe('Old_Hand 42\n'.length);
  });

  it('leaves a post ending with an unknown name unattributed', () => {
    const p = doc.posts[2]!;
    expect(p.author).toBeNull();
    expect(p.text.endsWith('Bohemond')).toBe(true);
  });

  it('knows names from other documents of the archive', () => {
    const other = 'Another thread\n\nBohemond\n\nBanned\nAntioch is mine.\n\u00a0\nTop';
    const a = buildArchive([
      { file: 'signature.txt', text: readFileSync(fixture('signature.txt'), 'utf8') },
      { file: 'other.txt', text: other },
    ]);
    const p = a.documents[0]!.posts[2]!;
    expect(p.author).toBe('Bohemond');
    expect(p.authorEvidence).toBe('signature');
  });
});

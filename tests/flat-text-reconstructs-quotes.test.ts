import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../src/lib/index.js';
import type { Post } from '../src/lib/model.js';

const file = path.resolve(__dirname, 'fixtures/flat-text/quotes.txt');
const doc = buildArchive([{ file: 'quotes.txt', text: readFileSync(file, 'utf8') }]).documents[0]!;
const kinds = (p: Post) => p.segments.map((s) => (s.kind === 'own' ? 'own' : `quote>${p.quotes[s.quote]!.sourcePost}`));

describe('flat-text captures: reconstructed quotes', () => {
  it('finds nothing to quote in the first post', () => {
    expect(doc.posts[0]!.quotes).toEqual([]);
  });

  it('cuts a quoted paragraph into several quotes, each followed by an answer', () => {
    const p = doc.posts[1]!;
    expect(kinds(p)).toEqual(['quote>1', 'own', 'quote>1', 'own']);
    for (const q of p.quotes) {
      expect(q.reconstructed).toBe(true);
      expect(q.author).toBe('Philip_II');
      expect(q.sourceThread).toBeNull();
    }
    expect(p.quotes[0]!.line).toBe(10);
    expect(p.text.startsWith('That was never going to happen')).toBe(true);
  });

  it('does not take a short common phrase or a repeated link for a quote', () => {
    const p = doc.posts[1]!;
    const last = p.segments[p.segments.length - 1]!;
    expect(last.kind).toBe('own');
    expect(p.text).toContain('I agree.');
    expect(p.text).toContain('https://example.org/armada');
  });

  it('matches a quote re-wrapped with hard line breaks and double spaces', () => {
    const p = doc.posts[2]!;
    expect(kinds(p)[0]).toBe('quote>1');
    expect(p.quotes[0]!.text).toBe('Elizabeth rallies the  militia at Tilbury\nbut the militia are no match for\nveterans.');
  });

  it('keeps quoted text that no earlier post holds as own words', () => {
    const p = doc.posts[2]!;
    expect(p.quotes).toHaveLength(1);
    expect(p.text).toContain('Let tyrants fear');
  });

  it('links a quote to the post whose own words hold it, not to a post that quoted it', () => {
    const p = doc.posts[3]!;
    expect(kinds(p)).toEqual(['quote>1', 'own']);
  });

  it('claims quoted lines as quotes in the accounting', () => {
    const quoted = doc.posts.flatMap((p) => p.quotes).reduce((n, q) => n + q.text.length + 1, 0);
    expect(doc.accounting.placedBy.quote).toBe(quoted);
  });

  it('stays near-linear on a thread of 20,000 posts', () => {
    const vocab = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    const sentence = () => Array.from({ length: 30 }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ') + '.';
    const own: string[] = [];
    const chunks: string[] = ['A very long thread'];
    for (let n = 1; n <= 20000; n++) {
      const mine = sentence();
      const body = n > 1 && n % 3 === 0 ? `${own[n - 2]}\n${mine}` : mine;
      own.push(mine);
      chunks.push(body);
    }
    const t0 = performance.now();
    const big = buildArchive([{ file: 'big.txt', text: chunks.join('\n\u00a0\n') }]).documents[0]!;
    const ms = performance.now() - t0;
    expect(big.posts).toHaveLength(20000);
    const quoting = big.posts.filter((p) => p.quotes.length > 0);
    expect(quoting).toHaveLength(Math.floor(20000 / 3));
    expect(quoting.every((p) => p.quotes[0]!.sourcePost === p.n - 1)).toBe(true);
    expect(ms).toBeLessThan(30_000);
  });
});

/**
 * The raw data: each thread's capture as imported (same bytes), its
 * normalised Markdown (which imports again as the same posts and quote
 * links), the archive-wide JSON Lines file, the data page that lists them,
 * claims with their anchors, and the year pages.
 */
import { describe, expect, it, inject } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { attr, idsOf, readHtml, resolveLink, selectAll } from './helpers/html.js';
import { ROOT } from './helpers/site.js';
import { buildArchive, parseCapture } from '../src/lib/index';
import { findYears } from '../src/lib/research/years';
import { threadMarkdown } from '../src/lib/research/markdown';

const site = inject('site');
const index = JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8')) as { documents: { slug: string; title: string; format: string; posts: number }[] };
type Data = { file: string; posts: { n: number; author: string | null; text: string; quotes: { sourcePost: number | null; sourceThread: string | null }[] }[] };
const dataOf = (slug: string) => JSON.parse(readFileSync(join(site, `data/threads/${slug}.json`), 'utf8')) as Data;
const lines = readFileSync(join(site, 'data/posts.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));

describe('raw data files', () => {
  it('publish each capture file byte for byte as imported', () => {
    const published = readdirSync(join(site, 'data/captures'));
    expect(published).toHaveLength(index.documents.length);
    for (const d of index.documents) {
      const file = dataOf(d.slug).file;
      const name = published.find((p) => p.startsWith(`${d.slug}.`))!;
      expect(readFileSync(join(site, 'data/captures', name)).equals(readFileSync(resolve(ROOT, 'content', file))), d.slug).toBe(true);
    }
  });

  it('give each thread as Markdown that imports again as the same posts, authors and quote links', () => {
    for (const d of index.documents.filter((x) => x.format !== 'essay' && x.format !== 'unknown')) {
      const md = readFileSync(join(site, `data/threads/${d.slug}.md`), 'utf8');
      const doc = buildArchive([{ file: `${d.slug}.md`, text: md }]).documents[0]!;
      const data = dataOf(d.slug);
      expect(doc.format).toBe('markdown-export');
      expect(doc.title).toBe(d.title);
      expect(doc.posts.map((p) => p.author)).toEqual(data.posts.map((p) => p.author ?? '(author not named)'));
      const links = (ps: { n: number; quotes: { sourcePost: number | null }[] }[]) => ps.map((p) => p.quotes.map((q) => q.sourcePost));
      expect(links(doc.posts)).toEqual(links(data.posts.map((p) => ({ n: p.n, quotes: p.quotes.filter((q) => q.sourceThread === null) }))));
    }
  });

  it('escape structure in own words so Markdown does not split a post', () => {
    const md = threadMarkdown({ title: 'T', source: null, date: null, posts: [{ author: 'A', segments: [{ kind: 'own', text: 'one\n----------\n## B\ntwo' }] }, { author: 'B', segments: [{ kind: 'own', text: 'three' }] }] });
    const doc = parseCapture({ file: 't.md', text: md });
    expect(doc.posts.map((p) => p.author)).toEqual(['A', 'B']);
  });

  it('list every post once in posts.jsonl, with thread, number, author, quotes and own words', () => {
    expect(lines.length).toBe(index.documents.reduce((a, d) => a + d.posts, 0));
    expect(new Set(lines.map((l) => `${l.thread}/${l.n}`)).size).toBe(lines.length);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['thread', 'threadTitle', 'n', 'url', 'author', 'authorSlug', 'date', 'replyTo', 'quotes', 'text', 'claims', 'years', 'decades']);
      const p = dataOf(l.thread).posts.find((x) => x.n === l.n)!;
      expect(l.text).toBe(p.text);
      expect(l.author).toBe(p.author);
      expect(l.quotes.map((q: { sourcePost: number | null }) => q.sourcePost)).toEqual(p.quotes.map((q) => q.sourcePost));
      expect(l.years).toEqual(findYears(l.text).years);
    }
  });

  it('are all linked from the data page, which states the licence and the schema', () => {
    const tree = readHtml(join(site, 'data/index.html'));
    const hrefs = selectAll('main a', tree).map((a) => attr(a, 'href'));
    for (const h of hrefs) {
      const t = resolveLink(h, 'data/index.html')!;
      expect(existsSync(join(site, t.file)), h).toBe(true);
    }
    expect(hrefs).toContain('/data/posts.jsonl');
    expect(hrefs.filter((h) => h.startsWith('/data/captures/'))).toHaveLength(index.documents.length);
    expect(selectAll('#licence', tree)).toHaveLength(1);
    expect(selectAll('#schema + table tbody tr', tree).length).toBe(Object.keys(lines[0]).length);
  });
});

describe('claims and years on pages', () => {
  it('gives every claim of posts.jsonl an anchor post-N-cK on its thread page, listed on the thread map', () => {
    let claims = 0;
    const ids = new Map<string, Set<string>>();
    for (const l of lines) {
      for (const c of l.claims as { k: number; text: string }[]) {
        const page = `t/${l.thread}/${l.n > 50 ? `page/${Math.floor((l.n - 1) / 50) + 1}/` : ''}index.html`;
        if (!ids.has(page)) ids.set(page, idsOf(readHtml(join(site, page))));
        expect(ids.get(page)!.has(`post-${l.n}-c${c.k}`), `${page}#post-${l.n}-c${c.k}`).toBe(true);
        claims++;
      }
    }
    expect(claims).toBeGreaterThan(100);
    const big = index.documents.find((d) => d.title.startsWith('WI: Trotsky leads the USSR'))!;
    const map = readHtml(join(site, `t/${big.slug}/map/index.html`));
    const listed = selectAll('.claims-list li', map);
    expect(listed.length).toBe(lines.filter((l) => l.thread === big.slug).reduce((a, l) => a + l.claims.length, 0));
    for (const li of listed) expect(selectAll('.rule', li)[0]).toBeTruthy();
  });

  it('has a page per year that lists the posts naming it', () => {
    const years = new Map<number, number>();
    for (const l of lines) for (const y of l.years as number[]) years.set(y, (years.get(y) ?? 0) + 1);
    expect(years.size).toBeGreaterThan(10);
    for (const [y, n] of years) {
      const tree = readHtml(join(site, `years/${y}/index.html`));
      expect(selectAll('main li a', tree).length, String(y)).toBe(n);
    }
    expect(existsSync(join(site, 'years/1930s/index.html'))).toBe(true);
  });
});

describe('finding years', () => {
  it('takes years and decades, and leaves out addresses, amounts and reference numbers', () => {
    expect(findYears('In 1941, after the 1930s and the mid-1920s (1936-1938), not $1200, 1500%, 12,000, #1917, https://x.org/1925/01/ or 2150.')).toEqual({
      years: [1936, 1938, 1941],
      decades: [1920, 1930],
    });
    expect(findYears(undefined as unknown as string)).toEqual({ years: [], decades: [] });
  });
});

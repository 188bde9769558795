/**
 * "Cite this post / thread / essay": the formatted reference names the post,
 * and the downloads are valid CSL-JSON (against the CSL 1.0.2 data schema),
 * BibTeX (read back by an independent BibTeX parser) and RIS. The fast path
 * that formats a thread's post references once per shape gives the same text
 * as formatting each post on its own.
 */
import { describe, expect, it, inject } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import bibtex from 'bibtex-parse';
import { attr, readHtml, select, selectAll, toString } from './helpers/html.js';
import { ROOT } from './helpers/site.js';
import { buildArchive, decodeCapture } from '../src/lib/index';
import { cslItem, formatPostReference, formatReference } from '../src/lib/research/citation';

const site = inject('site');
const index = JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8')) as { documents: { slug: string; title: string; format: string }[] };
const big = index.documents.find((d) => d.title.startsWith('WI: Trotsky leads the USSR'))!;
const essay = index.documents.find((d) => d.format === 'essay')!;
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/research/csl-data.schema.json'), 'utf8')));

/** The citation block of a built page: its reference and its three downloads, decoded. */
function citeOf(page: string) {
  const tree = readHtml(join(site, page));
  const block = select('section.cite', tree);
  expect(block, `${page} has a citation`).toBeTruthy();
  const get = (format: string) => {
    const a = select(`a[data-format="${format}"]`, block!)!;
    const href = attr(a, 'href');
    expect(href.startsWith('data:')).toBe(true);
    expect(attr(a, 'download')).toMatch(/^whatif_\w+\.(json|bib|ris)$/);
    return decodeURIComponent(href.slice(href.indexOf(',') + 1));
  };
  return { text: toString(select('[data-citation]', block!)!), csl: JSON.parse(get('csl-json')), bib: get('bibtex'), ris: get('ris') };
}

describe('citations on the built site', () => {
  it('cites a known post with its author, number, thread, archive and address', () => {
    const c = citeOf(`t/${big.slug}/3/index.html`);
    expect(c.text).toContain('Ace009');
    expect(c.text).toContain('Post #3');
    expect(c.text).toContain(big.title);
    expect(c.text).toContain('What-If Archive');
    expect(c.text).toContain(`/t/${big.slug}/3/`);
    expect(c.csl).toHaveLength(1);
    expect(c.csl[0]).toMatchObject({ type: 'post', author: [{ literal: 'Ace009' }], archive: 'What-If Archive', genre: 'Forum post' });
    expect(c.csl[0].title).toBe(`Post #3 in “${big.title}”`);
    expect(c.csl[0].URL).toMatch(new RegExp(`^https?://[^/]+/t/${big.slug}/3/$`));
  });

  it('offers CSL-JSON that the CSL data schema accepts, on posts, threads and essays', () => {
    const pages = [`t/${big.slug}/3/index.html`, `t/${big.slug}/1/index.html`, `t/${big.slug}/map/index.html`, `essays/${essay.slug}/index.html`];
    for (const p of pages) {
      const { csl } = citeOf(p);
      expect(validate(csl), `${p}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(citeOf(`essays/${essay.slug}/index.html`).csl[0].type).toBe('article');
    expect(citeOf(`t/${big.slug}/map/index.html`).csl[0].type).toBe('webpage');
  });

  it('offers BibTeX that a BibTeX parser reads back with the same fields', () => {
    const { bib, csl } = citeOf(`t/${big.slug}/3/index.html`);
    const entries = bibtex.entries(bib) as Record<string, string>[];
    expect(entries).toHaveLength(1);
    const e = entries[0]!;
    expect(e.key).toBe(csl[0]['citation-key']);
    expect(e.type).toBe('misc');
    expect(e.AUTHOR).toBe('Ace009');
    expect(e.TITLE).toContain('Post \\#3');
    expect(e.URL).toBe(csl[0].URL);
    // Keys are unique across a thread's posts.
    const keys = new Set([1, 2, 3, 4, 5].map((n) => (bibtex.entries(citeOf(`t/${big.slug}/${n}/index.html`).bib) as { key: string }[])[0]!.key));
    expect(keys.size).toBe(5);
  });

  it('offers RIS records with a type, author, title, address and end', () => {
    const { ris } = citeOf(`t/${big.slug}/3/index.html`);
    const tags = ris.trim().split('\n').map((l) => /^([A-Z][A-Z0-9])  - ?(.*)$/.exec(l));
    expect(tags.every((m) => m !== null), ris).toBe(true);
    const get = (t: string) => tags.filter((m) => m![1] === t).map((m) => m![2]);
    expect(get('TY')[0]).toBeTruthy();
    expect(tags[0]![1]).toBe('TY');
    expect(tags[tags.length - 1]![1]).toBe('ER');
    expect(get('AU')).toEqual(['Ace009']);
    expect(get('TI')[0]).toContain('Post #3');
    expect(get('UR')[0]).toMatch(/\/3\/$/);
  });

  it('puts a citation on every post page', () => {
    const dir = join(site, 't', big.slug);
    const posts = readdirSync(dir).filter((n) => /^\d+$/.test(n));
    expect(posts.length).toBe(182);
    for (const n of posts.slice(0, 40)) expect(selectAll('section.cite a[download]', readHtml(join(dir, n, 'index.html')))).toHaveLength(3);
  });
});

describe('formatting post references once per thread shape', () => {
  it('gives exactly what formatting each post on its own gives, for every seed post', () => {
    const dir = resolve(ROOT, 'content');
    const files = readdirSync(dir).sort();
    const archive = buildArchive(files.map((f) => ({ file: f, text: decodeCapture(readFileSync(join(dir, f))).text ?? '' })));
    let checked = 0;
    for (const d of archive.documents) {
      for (const p of d.posts) {
        for (const date of [null, '2019-05-02']) {
          const s = { kind: 'post' as const, id: `whatif_${d.slug}_${p.n}`, title: d.title, n: p.n, author: p.author, forum: 'example.org', source: 'https://example.org/t/1', date, captured: '2024-03-01', url: `https://archive.example/t/${d.slug}/${p.n}/` };
          expect(formatPostReference(s)).toBe(formatReference(cslItem(s)));
          checked++;
        }
      }
    }
    // Titles and names citeproc changes (quotes, apostrophes, markup, ampersands) take the direct path and agree too.
    for (const [title, author] of [
      ["Lenin's \"Testament\" & <b>Trotsky</b>", "O'Brien"],
      ['WI: Trotsky wins — 1924', 'A <i>b</i>'],
      ['Plain title', null],
      ['A title ending in a stop.', 'David T.'],
      ['What if?', 'Ace009'],
    ] as const) {
      for (const date of [null, '2001-09']) {
        const s = { kind: 'post' as const, id: 'y', title, n: 3, author, forum: 'example.org', source: 'https://example.org/t/2', date, captured: null, url: 'https://archive.example/t/y/3/' };
        expect(formatPostReference(s)).toBe(formatReference(cslItem(s)));
      }
      const s = { kind: 'post' as const, id: 'x', title, n: 7, author, forum: null, source: null, date: null, captured: null, url: 'https://archive.example/t/x/7/' };
      expect(formatPostReference(s)).toBe(formatReference(cslItem(s)));
      checked++;
    }
    expect(checked).toBeGreaterThan(350);
  });
});

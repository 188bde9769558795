/**
 * `ARCHIVE_SITE=https://…` sets where the site is published: every page then
 * carries `<link rel="canonical">` and `og:url` with its full address, and
 * `sitemap-index.xml` lists the pages (not the `page/1/` redirects or the
 * go-to-post pages). Without it, no page claims an address and no sitemap is written.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from './helpers/site.js';
import { attr, filesOf, readHtml, select } from './helpers/html.js';

const SITE = 'https://archive.example.org';
let dir = '';
beforeAll(async () => {
  ({ outDir: dir } = await buildSite({ outDir: '.tmp/site-published', env: { ARCHIVE_SITE: SITE } }));
});

interface Index {
  documents: { format: string; posts: number; url: string }[];
}

describe('a published site', () => {
  it('gives every page its canonical address and og:url', () => {
    const pages = filesOf(dir, 'index.html').filter((f) => !f.startsWith('pagefind/') && !/\/page\/1\/index\.html$/.test(f));
    expect(pages.length).toBeGreaterThan(100);
    for (const f of pages) {
      const tree = readHtml(join(dir, f));
      const url = `${SITE}/${f.replace(/index\.html$/, '')}`;
      expect(attr(select('link[rel="canonical"]', tree)!, 'href'), f).toBe(url);
      expect(attr(select('meta[property="og:url"]', tree)!, 'content'), f).toBe(url);
    }
  });
  it('points the page/1/ redirect’s canonical link at the thread', () => {
    const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as Index;
    const big = index.documents.filter((d) => d.format !== 'essay').sort((a, b) => b.posts - a.posts)[0]!;
    const tree = readHtml(join(dir, big.url, 'page/1/index.html'));
    expect(attr(select('link[rel="canonical"]', tree)!, 'href')).toBe(`${SITE}${big.url}`);
  });
  it('writes a sitemap of the pages', () => {
    expect(existsSync(join(dir, 'sitemap-index.xml'))).toBe(true);
    const xml = filesOf(dir, '.xml').filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as Index;
    for (const d of index.documents) expect(locs).toContain(`${SITE}${d.url}`);
    expect(locs).toContain(`${SITE}/about/`);
    expect(locs.filter((l) => /\/page\/1\/$|\/go\/$/.test(l))).toEqual([]);
  });
});

describe('a site with no address', () => {
  it('claims none and writes no sitemap', () => {
    const site = inject('site');
    expect(existsSync(join(site, 'sitemap-index.xml'))).toBe(false);
    expect(select('link[rel="canonical"]', readHtml(join(site, 'index.html')))).toBeFalsy();
  });
});

/**
 * Atom feeds: the archive's (threads as they are added) and each author's,
 * read by a feed parser, with the elements RFC 4287 requires, entries that
 * link to built pages, and `<link rel="alternate">` on the pages they belong to.
 */
import { describe, expect, it, inject } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { attr, readHtml, select } from './helpers/html.js';
import { atomFeed } from '../src/lib/research/feeds';

const site = inject('site');
const index = JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8')) as { documents: { slug: string; title: string }[]; authors: { slug: string; name: string; posts: number }[] };
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** The RFC 4287 checks a parser does not make: required elements, one `updated` in RFC 3339, absolute ids and links. */
function checkAtom(text: string): { entries: { id: string; link: string; updated: string; title: string }[] } {
  const doc = xml.parse(text) as Record<string, any>;
  const feed = doc.feed;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
  for (const k of ['id', 'title', 'updated']) expect(feed[k], `feed ${k}`).toBeTruthy();
  expect(String(feed.updated)).toMatch(rfc3339);
  const links = [feed.link].flat();
  expect(links.some((l: any) => l['@rel'] === 'self')).toBe(true);
  const entries = [feed.entry ?? []].flat();
  const hasFeedAuthor = Boolean(feed.author);
  const out = entries.map((e: any) => {
    for (const k of ['id', 'title', 'updated']) expect(e[k], `entry ${k}`).toBeTruthy();
    expect(String(e.updated)).toMatch(rfc3339);
    expect(hasFeedAuthor || Boolean(e.author?.name), 'every entry has an author').toBe(true);
    expect(String(e.id)).toMatch(/^(?:https?|tag):/);
    const link = [e.link].flat()[0]['@href'];
    expect(link).toMatch(/^https?:\/\//);
    return { id: String(e.id), link, updated: String(e.updated), title: String(typeof e.title === 'object' ? e.title['#text'] : e.title) };
  });
  expect(new Set(out.map((e: { id: string }) => e.id)).size).toBe(out.length);
  return { entries: out };
}

/** The built file an absolute link of the feed names. */
function fileOf(link: string): string {
  const path = new URL(link).pathname;
  return join(site, path.endsWith('/') ? `${path}index.html` : path);
}

describe('the archive feed', () => {
  const text = readFileSync(join(site, 'feeds/archive.xml'), 'utf8');

  it('is Atom that a feed parser reads, with every thread and essay as an entry', () => {
    const feed = parseFeed(text);
    expect(feed.meta.type).toBe('atom');
    expect(feed.items).toHaveLength(index.documents.length);
    expect(feed.items.map((i) => i.title).sort()).toEqual(index.documents.map((d) => d.title).sort());
  });

  it('has the elements Atom requires, and entries that link to built pages, newest first', () => {
    const { entries } = checkAtom(text);
    for (const e of entries) expect(existsSync(fileOf(e.link)), e.link).toBe(true);
    const dates = entries.map((e) => e.updated);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('is linked as alternate from the front page', () => {
    const link = select('link[rel="alternate"][type="application/atom+xml"]', readHtml(join(site, 'index.html')));
    expect(link).toBeTruthy();
    expect(existsSync(join(site, attr(link!, 'href')))).toBe(true);
  });
});

describe('author feeds', () => {
  it('exist for every author, list their posts, and are linked from the author page', () => {
    for (const a of index.authors) {
      const text = readFileSync(join(site, `feeds/authors/${a.slug}.xml`), 'utf8');
      const feed = parseFeed(text);
      expect(feed.items.length).toBe(Math.min(50, a.posts));
      const { entries } = checkAtom(text);
      for (const e of entries.slice(0, 5)) expect(existsSync(fileOf(e.link)), e.link).toBe(true);
      const link = select('link[rel="alternate"][type="application/atom+xml"]', readHtml(join(site, `authors/${a.slug}/index.html`)));
      expect(attr(link!, 'href')).toBe(`/feeds/authors/${a.slug}.xml`);
    }
  });
});

describe('feed text', () => {
  it('keeps markup in titles and summaries as text', () => {
    const text = atomFeed({
      id: 'https://a.example/feeds/x.xml',
      title: 'T',
      self: 'https://a.example/feeds/x.xml',
      page: 'https://a.example/',
      description: 'd',
      entries: [{ id: 'https://a.example/t/1/', title: '<script>alert(1)</script> ]]> & co', link: 'https://a.example/t/1/', updated: '2024-03-01', summary: '<img src=x onerror=alert(1)>', author: 'A <b>' }],
    });
    const feed = parseFeed(text);
    expect(feed.items[0]!.title).toBe('<script>alert(1)</script> ]]> & co');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img');
    checkAtom(text);
  });
});

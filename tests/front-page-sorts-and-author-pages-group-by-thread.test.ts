/**
 * The front page lists threads by title, with links (no JavaScript) to the
 * same list by size (`/by/size/`) and, when captures are dated, by date
 * (`/by/date/`); essays are marked as such. An author page lists the author's
 * posts under the thread they are in.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attr, readHtml, select, selectAll, toString } from './helpers/html.js';

interface Index {
  documents: { slug: string; title: string; format: string; posts: number; url: string }[];
  authors: { name: string; slug: string; posts: number; url: string }[];
}
const dir = inject('site');
const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as Index;
const titlesOf = (file: string) => selectAll('.thread-list > li > h2 > a', readHtml(join(dir, file))).map((a) => toString(a));

describe('the front page', () => {
  it('links to its other sort orders, marking the one shown', () => {
    const tree = readHtml(join(dir, 'index.html'));
    expect(toString(select('.sort [aria-current="page"]', tree)!)).toBe('Title');
    const links = selectAll('.sort a', tree).map((a) => attr(a, 'href'));
    expect(links).toContain('/by/size/');
    const size = readHtml(join(dir, 'by/size/index.html'));
    expect(toString(select('.sort [aria-current="page"]', size)!)).toBe('Size');
    expect(selectAll('.sort a', size).map((a) => attr(a, 'href'))).toContain('/');
  });
  it('sorts by size: most posts first', () => {
    const titles = titlesOf('by/size/index.html');
    expect(titles.length).toBe(index.documents.length);
    const posts = titles.map((t) => index.documents.find((d) => d.title === t)!.posts);
    expect(posts).toEqual([...posts].sort((a, b) => b - a));
    expect(new Set(titles)).toEqual(new Set(titlesOf('index.html')));
  });
  it('sorts by date only when captures are dated', () => {
    const dated = readFileSync(join(dir, 'index.html'), 'utf8').includes('captured 2');
    expect(existsSync(join(dir, 'by/date/index.html'))).toBe(dated);
    if (dated) {
      const dates = selectAll('.thread-list > li > .meta', readHtml(join(dir, 'by/date/index.html'))).map((m) => /captured (\S+)/.exec(toString(m))?.[1] ?? '');
      expect(dates).toEqual([...dates].sort((a, b) => b.localeCompare(a)));
    }
  });
  it('marks essays as essays', () => {
    const items = selectAll('.thread-list > li', readHtml(join(dir, 'index.html')));
    for (const d of index.documents) {
      const li = items.find((l) => attr(select('h2 > a', l)!, 'href') === d.url)!;
      expect(Boolean(select('.kind', li)), d.title).toBe(d.format === 'essay');
    }
  });
});

describe('an author page', () => {
  it('lists the posts under the thread they are in', () => {
    const author = [...index.authors].sort((a, b) => b.posts - a.posts).find((a) => a.posts > 1)!;
    const groups = selectAll('.author-threads > li', readHtml(join(dir, author.url, 'index.html')));
    expect(groups.length).toBeGreaterThan(0);
    let posts = 0;
    for (const g of groups) {
      const thread = attr(select('h3 > a', g)!, 'href');
      const links = selectAll('.excerpt-list > li > a:first-child', g).map((a) => attr(a, 'href'));
      expect(toString(select('h3 .meta', g)!)).toBe(`(${links.length} ${links.length === 1 ? 'post' : 'posts'})`);
      for (const l of links) expect(l.startsWith(thread)).toBe(true);
      posts += links.length;
    }
    expect(posts).toBe(author.posts);
  });
});

/**
 * The built archive, as a reader uses it: every post has a permalink page,
 * every quote's ↑ and every "Quoted by" link lands on an existing anchor, and
 * the JSON data files say what the pages show.
 */
import { describe, expect, it, inject } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attr, filesOf, idsOf, readHtml, resolveLink, selectAll, select, toString } from './helpers/html.js';

const site = inject('site');
const index = JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8')) as {
  documents: { slug: string; title: string; format: string; posts: number; data: string }[];
  authors: { name: string; slug: string; aliases: string[] }[];
};
type ThreadData = { slug: string; title: string; posts: { n: number; author: string | null; text: string; quotes: { sourcePost: number | null }[]; quotedBy: { thread: string; n: number }[] }[] };
const threads = index.documents.filter((d) => d.format !== 'essay' && d.format !== 'unknown');
const data = new Map<string, ThreadData>(threads.map((d) => [d.slug, JSON.parse(readFileSync(join(site, `data/threads/${d.slug}.json`), 'utf8')) as ThreadData]));
const pages = filesOf(site, '.html');

describe('the built site', () => {
  it('lists every document of content/ in the data index', () => {
    expect(index.documents.length).toBe(5);
    const total = threads.reduce((a, d) => a + d.posts, 0);
    expect(total).toBeGreaterThanOrEqual(182);
  });

  it('has a permalink page for every post, showing that post', () => {
    let checked = 0;
    for (const [slug, t] of data) {
      for (const p of t.posts) {
        const file = join(site, `t/${slug}/${p.n}/index.html`);
        expect(existsSync(file), `permalink of ${slug} #${p.n}`).toBe(true);
        const tree = readHtml(file);
        const post = select('article#post', tree);
        expect(post, `${slug} #${p.n} has the post`).toBeTruthy();
        expect(attr(post!, 'dataPost')).toBe(`${slug}/${p.n}`);
        expect(select('meta[property="og:description"]', tree)).toBeTruthy();
        checked++;
      }
    }
    expect(checked).toBe(threads.reduce((a, d) => a + d.posts, 0));
  });

  it('makes every ↑ link and every Quoted-by link land on an existing anchor', () => {
    const idCache = new Map<string, Set<string>>();
    const ids = (file: string) => {
      let s = idCache.get(file);
      if (!s) idCache.set(file, (s = existsSync(join(site, file)) ? idsOf(readHtml(join(site, file))) : new Set()));
      return s;
    };
    let arrows = 0;
    let backlinks = 0;
    for (const page of pages) {
      const tree = readHtml(join(site, page));
      const links = [...selectAll('a.qh', tree).map((a) => ['arrow', a] as const), ...selectAll('.qb a', tree).map((a) => ['back', a] as const)];
      for (const [kind, a] of links) {
        const target = resolveLink(attr(a, 'href'), page);
        expect(target, `${page}: ${attr(a, 'href')}`).not.toBeNull();
        expect(existsSync(join(site, target!.file)), `${page}: ${attr(a, 'href')} names a page`).toBe(true);
        expect(target!.hash, `${page}: ${attr(a, 'href')} has an anchor`).toMatch(/^post-\d+$/);
        expect(ids(target!.file).has(target!.hash), `${page}: ${attr(a, 'href')} lands on an anchor`).toBe(true);
        if (kind === 'arrow') arrows++;
        else backlinks++;
      }
    }
    // Seed 004 alone has 137 quotes, each shown on its thread page and its permalink page;
    // every quoting post is listed once under each post it quotes.
    expect(arrows).toBeGreaterThanOrEqual(137 * 2);
    const pairs = [...data.values()].reduce((a, t) => a + t.posts.reduce((b, p) => b + new Set(p.quotedBy.map((r) => `${r.thread}/${r.n}`)).size, 0), 0);
    expect(pairs).toBeGreaterThanOrEqual(130);
    expect(backlinks).toBeGreaterThanOrEqual(pairs);
  });

  it('links each quote of seed 004 to the post the data file names as its source', () => {
    const t = [...data.values()].find((d) => d.title.startsWith('WI: Trotsky leads the USSR'))!;
    expect(t).toBeTruthy();
    for (const p of t.posts) {
      const page = `t/${t.slug}/${p.n}/index.html`;
      const tree = readHtml(join(site, page));
      const post = select('article#post', tree)!;
      const arrows = selectAll('a.qh', post).map((a) => resolveLink(attr(a, 'href'), page)!.hash);
      expect(arrows).toEqual(p.quotes.filter((q) => q.sourcePost !== null).map((q) => `post-${q.sourcePost}`));
    }
  });

  it('shows on each thread page the posts and authors its data file lists', () => {
    for (const [slug, t] of data) {
      const shown: { n: number; author: string | null }[] = [];
      for (const page of pages.filter((p) => p === `t/${slug}/index.html` || p.startsWith(`t/${slug}/page/`))) {
        for (const art of selectAll('article.post', readHtml(join(site, page)))) {
          const a = select('.who', art);
          shown.push({ n: Number(attr(art, 'id').replace('post-', '')), author: a && a.tagName === 'a' ? toString(a) : null });
        }
      }
      shown.sort((a, b) => a.n - b.n);
      expect(shown).toEqual(t.posts.map((p) => ({ n: p.n, author: p.author })));
    }
  });

  it('gives every author of the data index a page listing their posts', () => {
    for (const a of index.authors) {
      const file = join(site, `authors/${a.slug}/index.html`);
      expect(existsSync(file), a.name).toBe(true);
      expect(toString(select('h1', readHtml(file))!)).toBe(a.name);
    }
    const pen = index.authors.find((a) => a.aliases.includes('Pen'));
    expect(pen?.name).toBe('Library of Alexandria');
  });
});

/**
 * No broken internal link or anchor anywhere in the built site, at `/` and
 * under `/archive/`: every `href`, `src` and form `action` of every HTML file
 * that points into the site is resolved against the base path to a built file,
 * and every `#fragment` to an element id of the target page. Also no id is
 * used twice on a page (an anchor must be unambiguous).
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { filesOf } from './helpers/html.js';
import { ROOT } from './helpers/site.js';

/** What one page holds: its ids (with counts) and its outgoing URLs. */
interface PageFacts {
  ids: Map<string, number>;
  links: { attr: string; url: string }[];
}

function factsOf(tree: Root): PageFacts {
  const ids = new Map<string, number>();
  const links: PageFacts['links'] = [];
  visit(tree, 'element', (el: Element) => {
    const p = el.properties ?? {};
    if (typeof p.id === 'string' && p.id) ids.set(p.id, (ids.get(p.id) ?? 0) + 1);
    // `name` anchors count as targets too.
    if (el.tagName === 'a' && typeof p.name === 'string') ids.set(p.name, (ids.get(p.name) ?? 0) + 1);
    for (const [prop, attr] of [
      ['href', 'href'],
      ['src', 'src'],
      ['action', 'action'],
    ] as const) {
      const v = p[prop];
      if (typeof v === 'string') links.push({ attr: `${el.tagName}[${attr}]`, url: v });
    }
  });
  return { ids, links };
}

/** The file a site path names (`x/` → `x/index.html`), or null when none is built. */
function fileFor(dir: string, path: string): string | null {
  const direct = join(dir, path);
  if (path === '' || path.endsWith('/')) return existsSync(join(direct, 'index.html')) ? join(path, 'index.html') : null;
  if (existsSync(direct) && statSync(direct).isFile()) return path;
  return null;
}

function checkSite(dir: string, base: string): string[] {
  const pages = filesOf(dir, '.html');
  const facts = new Map<string, PageFacts>();
  for (const f of pages) facts.set(f, factsOf(fromHtml(readFileSync(join(dir, f), 'utf8'))));
  const broken: string[] = [];
  for (const [from, page] of facts) {
    for (const [id, n] of page.ids) if (n > 1) broken.push(`${from}: id "${id}" is used ${n} times`);
    const pageUrl = new URL(`http://site.test${base}${from.replace(/index\.html$/, '')}`);
    for (const { attr, url } of page.links) {
      if (/^(?:mailto|tel|data|blob|javascript):/i.test(url)) {
        if (/^javascript:/i.test(url)) broken.push(`${from}: ${attr} holds a script URL`);
        continue;
      }
      let target: URL;
      try {
        target = new URL(url, pageUrl);
      } catch {
        broken.push(`${from}: ${attr}="${url}" is not a URL`);
        continue;
      }
      if (target.host !== 'site.test') continue; // another site
      const path = decodeURIComponent(target.pathname);
      if (!path.startsWith(base)) {
        broken.push(`${from}: ${attr}="${url}" leaves the base path ${base}`);
        continue;
      }
      const file = fileFor(dir, path.slice(base.length));
      if (!file) {
        broken.push(`${from}: ${attr}="${url}" → nothing is built at ${path}`);
        continue;
      }
      const hash = decodeURIComponent(target.hash.slice(1));
      if (!hash || hash === 'top') continue;
      const there = facts.get(file.split('\\').join('/'));
      if (!there) {
        broken.push(`${from}: ${attr}="${url}" has an anchor, but ${file} is not a page`);
        continue;
      }
      if (!there.ids.has(hash)) broken.push(`${from}: ${attr}="${url}" → no id "${hash}" in ${file}`);
    }
  }
  return broken;
}

describe('links of the built site', () => {
  it('all resolve, with their anchors, at /', () => {
    const broken = checkSite(inject('site'), '/');
    expect(broken.slice(0, 30), `${broken.length} broken`).toEqual([]);
  });

  it('all resolve, with their anchors, under /archive/', () => {
    const broken = checkSite(inject('siteArchive'), '/archive/');
    expect(broken.slice(0, 30), `${broken.length} broken`).toEqual([]);
  });

  it('the checker catches broken links, missing anchors, duplicate ids and links out of the base', () => {
    const dir = join(ROOT, '.tmp/link-checker-fixture');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<a href="a/#ok">ok</a><a href="a/#missing">m</a><a href="/archive/nowhere/">n</a><a href="/elsewhere/">o</a><a href="https://example.org/">x</a><p id="d"></p><p id="d"></p>');
    writeFileSync(join(dir, 'a/index.html'), '<h2 id="ok">ok</h2><a href="../">up</a><a href="#ok">self</a>');
    const broken = checkSite(dir, '/archive/');
    expect(broken).toEqual([
      'index.html: id "d" is used 2 times',
      'index.html: a[href]="a/#missing" → no id "missing" in a/index.html',
      'index.html: a[href]="/archive/nowhere/" → nothing is built at /archive/nowhere/',
      'index.html: a[href]="/elsewhere/" leaves the base path /archive/',
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});

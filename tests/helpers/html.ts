/**
 * Reading built HTML in tests: parse with hast-util-from-html, query with CSS
 * selectors (hast-util-select), and walk the files of a built site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';

export { select, selectAll, toString };

/** Parses an HTML file. */
export function readHtml(file: string): Root {
  return fromHtml(readFileSync(file, 'utf8'));
}

/** Every file below `dir` whose name ends with `ext`, as paths relative to `dir` with `/`. */
export function filesOf(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ext)) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** An element's attribute as a string ('' when absent). */
export function attr(el: Element, name: string): string {
  const v = el.properties?.[name];
  return Array.isArray(v) ? v.join(' ') : v == null ? '' : String(v);
}

/** Every element id in a tree. */
export function idsOf(tree: Root): Set<string> {
  return new Set(selectAll('[id]', tree).map((e) => attr(e, 'id')));
}

/**
 * Resolves a link found on page `from` (a path relative to the site root,
 * like `t/x/index.html`) against the site's base, to the built file it names
 * and its fragment. Returns null for links to other hosts.
 */
export function resolveLink(href: string, from: string, base = '/'): { file: string; hash: string } | null {
  const pageUrl = new URL(`http://site${base}${from.replace(/index\.html$/, '')}`);
  const url = new URL(href, pageUrl);
  if (url.host !== 'site') return null;
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) return { file: `__outside_base__${path}`, hash: url.hash.slice(1) };
  path = path.slice(base.length);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return { file: path, hash: decodeURIComponent(url.hash.slice(1)) };
}

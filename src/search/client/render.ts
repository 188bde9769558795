/**
 * Search results as elements a reader can scan: the headline names the place
 * ("thread title · #N"), then who wrote it ("Ace009, quoting Library of
 * Alexandria (as Pen)"), then an excerpt around the best-matching words, then
 * the posts that quote those words. Each result is an element with
 * `data-search-result` whose first link is the result's exact place.
 */
import type { AuthorHit, Hit, RecordShow } from './engine.js';
import { excerptWindow } from './engine.js';

/** Builds an element with text or element children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** A link inside the site: `path` is relative to the site root (`/t/…`), `base` the site's base path. */
export function siteHref(base: string, path: string, highlight: string[] = []): string {
  const [p, hash] = path.split('#');
  const qs = highlight.map((t) => `pf_highlight=${encodeURIComponent(t)}`).join('&');
  return `${base}${p!.replace(/^\//, '')}${qs ? `?${qs}` : ''}${hash ? `#${hash}` : ''}`;
}

/** Who wrote the words of a hit, in a reader's words: `Ace009, quoting Library of Alexandria (as Pen)`. */
export function byline(h: Hit, r: RecordShow): string {
  const s = r.show[h.index] ?? {};
  const as = s.as ? ` (as ${s.as})` : '';
  if (h.kind === 'essay') return s.s ? `Essay · ${s.s}` : 'Essay';
  if (h.kind === 'claim') return `${s.an ?? 'Unknown author'}${as}: a what-if, as found by a rule`;
  if (h.kind === 'quote') {
    const by = h.range !== undefined ? s.qn?.[h.range] : s.byn;
    return `${by ?? 'Someone'}, quoting ${s.an || 'someone'}${as}`;
  }
  return `${s.an ?? 'Unknown author'}${as}`;
}

/** The headline of a hit: where it stands, `thread title · #N` (a quote from another thread names that thread by its slug). */
export function headline(h: Hit, r: RecordShow): string {
  const title = r.titles[h.thread] ?? h.thread;
  return h.kind === 'essay' ? title : `${title} · #${h.n}`;
}

/** The excerpt: about 32 words around the best-matching window, matched words marked. */
export function excerpt(h: Hit, words: readonly string[]): Node[] {
  const [from, to] = excerptWindow(h);
  const marked = new Set(h.marks);
  const out: Node[] = [];
  if (from > h.from) out.push(document.createTextNode('… '));
  for (let w = from; w < to && w < words.length; w++) {
    out.push(marked.has(w) ? el('mark', {}, words[w]!) : document.createTextNode(words[w]!));
    out.push(document.createTextNode(' '));
  }
  if (to < h.to) out.push(document.createTextNode('…'));
  return out;
}

/** One result element. */
export function renderHit(h: Hit, r: RecordShow, base: string, highlight: string[]): HTMLLIElement {
  const s = r.show[h.index] ?? {};
  const li = el('li', { className: `search-result ${h.kind}` });
  li.dataset.searchResult = h.kind;
  li.dataset.url = siteHref(base, h.url);
  li.dataset.thread = h.thread;
  li.dataset.author = h.item.a;
  const title = el('a', { href: siteHref(base, h.url, highlight) }, headline(h, r));
  li.append(el('h2', { className: 'result-title' }, title));
  const by = el('p', { className: 'result-by' }, byline(h, r));
  if (h.item.d) by.append(' · ', el('time', { dateTime: h.item.d }, h.item.d.slice(0, 10)));
  li.append(by);
  li.append(el('p', { className: 'result-excerpt' }, ...excerpt(h, r.words)));
  const source = h.source ?? s.src;
  if (h.kind === 'quote' && source) {
    li.append(el('p', { className: 'result-more' }, 'From ', el('a', { href: siteHref(base, source, highlight) }, `the post by ${s.an || 'its author'}`)));
  }
  if (h.quotedIn.length) {
    const p = el('p', { className: 'result-more' }, 'Quoted in ');
    h.quotedIn.forEach((q, i) => {
      if (i) p.append(', ');
      p.append(el('a', { href: siteHref(base, q.url, highlight) }, `#${q.n} ${s.qn?.[q.range] ?? ''}`.trim()));
    });
    li.append(p);
  }
  return li;
}

/** An author whose name matches: their page, post count, and a search of only their posts. */
export function renderAuthor(a: AuthorHit, base: string, onlyTheirs: string): HTMLLIElement {
  const li = el('li', { className: 'search-result author' });
  li.dataset.searchResult = 'author';
  li.dataset.url = siteHref(base, `/authors/${a.slug}/`);
  li.dataset.author = a.slug;
  li.append(el('h2', { className: 'result-title' }, el('a', { href: siteHref(base, `/authors/${a.slug}/`) }, a.name)));
  const about = el('p', { className: 'result-by' }, `Author · ${a.posts} ${a.posts === 1 ? 'post' : 'posts'}`);
  if (a.aliases.length) about.append(` · also posted as ${a.aliases.join(', ')}`);
  li.append(about, el('p', { className: 'result-more' }, el('a', { href: onlyTheirs }, `Only ${a.name}'s posts`)));
  return li;
}

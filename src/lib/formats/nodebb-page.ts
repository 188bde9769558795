/**
 * NodeBB topic pages. The page carries its posts twice: as markup
 * (`[component="post"]` with `data-pid` and `data-index`, the body in
 * `[component="post/content"]`, a reply marked by `[component="post/parent"]`)
 * and as JSON in `<script id="ajaxify-data">` (`posts[]` with `pid`, `content`
 * HTML, `timestampISO`, `toPid`, `user.username`), the more faithful source,
 * which is read when present (the markup copies are then dropped as
 * `duplicate-markup`). A quote is a blockquote after a
 * `@name said in <a href="/post/456">…</a>:` paragraph, which names its source.
 */
import type { Element, ElementContent } from 'hast';
import type { CaptureFormatPlugin } from './format.js';
import { all, attr, bestDate, joined, looksLikeHtml, one, pageFormat, textOf, type Board, type PagePost } from './html/page.js';
import { parseHtml } from './html/html-tree.js';

/** The paragraph before a blockquote that says who is quoted (`@name said in Topic:`), if any. */
function saidBefore(el: Element, parent: Element | null): Element | null {
  if (!parent) return null;
  const kids = parent.children.filter((c): c is Element => c.type === 'element');
  const prev = kids[kids.indexOf(el) - 1];
  return prev && prev.tagName === 'p' && /\bsaid(?: in\b.*)?:\s*$/i.test(textOf(prev)) ? prev : null;
}

const parents = new WeakMap<Element, Element>();
function indexParents(root: Element): void {
  for (const c of root.children) {
    if (c.type !== 'element') continue;
    parents.set(c, root);
    indexParents(c);
  }
}

const board: Board = {
  drops: [['duplicate-markup', '[component="post"]']],
  title: ['[component="post/header"] .topic-title', 'h1[component="post/header"]', 'h1.topic-title', '.topic-title'],
  quote: 'blockquote',
  readQuote(el) {
    const said = saidBefore(el, parents.get(el) ?? null);
    const link = said ? all('a[href]', said).find((a) => /\/post\/\d+/.test(attr(a, 'href'))) : undefined;
    const who = said ? textOf(said).replace(/\s+said(?: in\b.*)?:\s*$/i, '').replace(/^@/, '').trim() : '';
    return { author: who || null, sourceId: link ? (/\/post\/(\d+)/.exec(attr(link, 'href'))?.[1] ?? null) : null, header: said ? [said] : [], content: el };
  },
  posts(tree) {
    const json = one('script#ajaxify-data', tree);
    const data = json ? parseJson(textOf(json)) : null;
    if (data && Array.isArray(data.posts)) return fromJson(json!, data.posts as unknown[]);
    return all('[component="post"][data-pid]', tree).map((el) => {
      // The author link carries data-username (the `itemprop="author"` block around it holds the whole post header).
      const nameEl = one('a[data-username]', el) ?? one('[itemprop="author"] [itemprop="name"], .username', el);
      const time = one('.timeago[title], time[datetime]', el);
      const parent = one('[component="post/parent"]', el);
      const body = one('[component="post/content"]', el);
      if (body) indexParents(body);
      return {
        el,
        id: attr(el, 'dataPid') || null,
        author: attr(el, 'dataUsername') || (nameEl ? attr(nameEl, 'dataUsername') || attr(nameEl, 'content') || textOf(nameEl) : '') || null,
        authorEls: nameEl ? [nameEl] : [],
        date: bestDate([{ iso: time ? attr(time, 'title') || attr(time, 'dateTime') : null }, { epoch: attr(el, 'dataTimestamp') || null }]),
        dateEls: time ? [time] : [],
        body,
        signature: all('[component="post/signature"], .post-signature', el),
        replyToId: parent ? attr(parent, 'dataTopid') || attr(parent, 'dataParentPid') || /\/post\/(\d+)/.exec(attr(parent, 'href'))?.[1] || null : null,
      };
    });
  },
};

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Posts from the ajaxify-data JSON: each post's `content` HTML parsed as its body (positions fall on the script's lines). */
function fromJson(script: Element, posts: unknown[]): PagePost[] {
  return posts.flatMap((raw) => {
    if (!raw || typeof raw !== 'object') return [];
    const p = raw as Record<string, unknown>;
    const user = (p.user && typeof p.user === 'object' ? p.user : {}) as Record<string, unknown>;
    const root = parseHtml(str(p.content));
    // The body's nodes have positions inside the JSON string, not the page: only the body keeps one, the script's.
    const body: Element = { type: 'element', tagName: 'div', properties: {}, children: root.children as ElementContent[], position: script.position };
    unposition(body);
    indexParents(body);
    return [
      {
        el: script,
        id: str(p.pid) || null,
        author: str(user.username) || str(user.displayname) || null,
        authorEls: [],
        date: bestDate([{ iso: str(p.timestampISO) || null }, { epoch: str(p.timestamp) || null }]),
        dateEls: [],
        body,
        signature: [],
        replyToId: str(p.toPid) || null,
      },
    ];
  });
}

function unposition(el: Element): void {
  for (const c of el.children) {
    delete c.position;
    if (c.type === 'element') unposition(c);
  }
}

/** Confidence: 0.96 for an HTML page with NodeBB posts (`component="post"`) or its `ajaxify-data` script. */
export function detectNodebb(lines: readonly string[]): number {
  if (!looksLikeHtml(lines)) return 0;
  const t = joined(lines);
  return (/component="post"/.test(t) || /id="ajaxify-data"/.test(t)) ? 0.96 : 0;
}

/** Saved NodeBB topic pages (`nodebb-page`). */
export const nodebbPage: CaptureFormatPlugin = pageFormat('nodebb-page', 'saved NodeBB page', detectNodebb, board);

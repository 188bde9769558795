/**
 * phpBB 3 topic pages (prosilver and subsilver2 layouts): posts are `div.post`
 * with `id="p123"`, the author is `.author a.username` (or
 * `.username-coloured`), the date the `<time datetime>` of `p.author` (phpBB
 * 3.2+) or its text after `»`, the body `div.content`, the signature
 * `div.signature`. A quote is a `blockquote` with `<cite>Name wrote:</cite>`,
 * or `blockquote.uncited`; quotes name no post before phpBB 3.2, so text
 * matching finds their source (a `data-post-id` link, when present, is checked).
 */
import type { CaptureFormatPlugin } from './format.js';
import { all, attr, bestDate, joined, looksLikeHtml, one, pageFormat, textOf, type Board } from './html/page.js';
import { attributionName } from '../quotes/attribution.js';

const board: Board = {
  title: ['h2.topic-title', 'h2 a.topictitle', '.topic-title'],
  quote: 'blockquote',
  readQuote(el) {
    const cite = one('cite', el);
    const link = cite ? one('a[data-post-id], a[href*="p="]', cite) : null;
    const source = link ? attr(link, 'dataPostId') || /[?&]p=(\d+)/.exec(attr(link, 'href'))?.[1] || null : null;
    let name: string | null = null;
    if (cite) {
      const first = cite.children.find((c) => c.type === 'element' && c.tagName === 'a' && !attr(c, 'dataPostId') && !/[?&]p=\d/.test(attr(c, 'href')));
      const text = textOf(cite).replace(/\s*↑.*$/, '');
      name = (first ? textOf(first) : null) || attributionName(text.replace(/(wrote|a écrit|schrieb|escribió)\s*:.*$/i, '$1:')) || text.replace(/\s+wrote:?.*$/i, '').trim() || null;
    }
    const inner = el.children.find((c) => c.type === 'element' && c.tagName === 'div');
    return { author: name, sourceId: source, header: cite ? [cite] : [], content: inner && inner.type === 'element' ? inner : el };
  },
  posts(tree) {
    return all('div.post[id^="p"]', tree)
      .filter((el) => /^p\d+$/.test(attr(el, 'id')))
      .map((el) => {
        const author = one('p.author', el);
        const nameEl = one('.postprofile .username, .postprofile .username-coloured, .postauthor', el) ?? (author ? one('.username, .username-coloured', author) : null);
        const time = author ? one('time', author) : null;
        const shown = author ? textOf(author).replace(/^.*»\s*/, '') : '';
        return {
          el,
          id: attr(el, 'id').slice(1),
          author: textOf(nameEl) || null,
          authorEls: nameEl ? [nameEl] : [],
          date: bestDate([{ iso: time ? attr(time, 'dateTime') : null }, { shown: time ? textOf(time) : shown }]),
          dateEls: author ? [author] : [],
          body: one('div.content', el),
          signature: all('.signature', el),
          badges: all('.profile-rank', el),
          edited: all('.notice', el).filter((n) => /^\s*Last edited by/i.test(textOf(n))),
        };
      });
  },
};

/** Confidence: 0.95 for an HTML page with phpBB posts (`div.post` with `id="p123"` and a `postbody`). */
export function detectPhpbb(lines: readonly string[]): number {
  if (!looksLikeHtml(lines)) return 0;
  const t = joined(lines);
  return /id="p\d+"/.test(t) && /class="[^"]*\bpostbody\b/.test(t) && /class="[^"]*\bcontent\b/.test(t) ? 0.95 : 0;
}

/** Saved phpBB 3 topic pages (`phpbb-page`). */
export const phpbbPage: CaptureFormatPlugin = pageFormat('phpbb-page', 'saved phpBB page', detectPhpbb, board);

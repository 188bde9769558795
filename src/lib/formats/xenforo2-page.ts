/**
 * XenForo 2 thread pages, saved from a browser or fetched by a scraper: posts
 * are `article.message` with `data-author` and `data-content="post-123"`, the
 * date is `<time datetime>`, the body is `.message-body .bbWrapper`, the
 * signature `aside.message-signature`; a quote is
 * `blockquote.bbCodeBlock--quote` with `data-quote` (the name) and
 * `data-source="post: 456"` (its source, checked against the words).
 */
import type { CaptureFormatPlugin } from './format.js';
import { all, attr, bestDate, joined, looksLikeHtml, one, pageFormat, textOf, type Board } from './html/page.js';

const board: Board = {
  title: ['.p-title-value', 'h1.p-title'],
  quote: 'blockquote.bbCodeBlock--quote, .bbCodeBlock--quote',
  readQuote(el) {
    const source = /post:\s*(\d+)/.exec(attr(el, 'dataSource'))?.[1] ?? null;
    const title = one('.bbCodeBlock-title', el);
    const named = attr(el, 'dataQuote') || textOf(title).replace(/\s+said:.*$/i, '') || null;
    return { author: named, sourceId: source, header: title ? [title] : [], content: one('.bbCodeBlock-expandContent', el) ?? one('.bbCodeBlock-content', el) ?? el };
  },
  posts(tree) {
    return all('article.message[data-content^="post-"], .message--post[data-content^="post-"]', tree).map((el) => {
      const id = /post-(\d+)/.exec(attr(el, 'dataContent'))?.[1] ?? null;
      const nameEl = one('.message-name .username, .message-name', el);
      const time = one('.message-attribution time, time.u-dt', el);
      const body = one('.message-body .bbWrapper, .message-userContent .bbWrapper', el);
      return {
        el,
        id,
        author: attr(el, 'dataAuthor') || textOf(nameEl) || null,
        authorEls: nameEl ? [nameEl] : [],
        date: time ? bestDate([{ iso: attr(time, 'dateTime') }, { epoch: attr(time, 'dataTime') }, { shown: attr(time, 'title') || textOf(time) }]) : null,
        dateEls: time ? [time] : [],
        body,
        signature: all('.message-signature', el),
        badges: all('.message-userTitle, .message-userBanner', el),
        edited: all('.message-lastEdit', el),
      };
    });
  },
};

/** Confidence: 0.97 for an HTML page with XenForo 2 post articles (`data-content="post-…"`) and `bbWrapper` bodies. */
export function detectXenforo2(lines: readonly string[]): number {
  if (!looksLikeHtml(lines)) return 0;
  const t = joined(lines);
  return /data-content="post-\d+"/.test(t) && /bbWrapper/.test(t) ? 0.97 : 0;
}

/** Saved XenForo 2 thread pages (`xenforo2-page`). */
export const xenforo2Page: CaptureFormatPlugin = pageFormat('xenforo2-page', 'saved XenForo 2 page', detectXenforo2, board);

/**
 * XenForo 1 thread pages: posts are `li.message` with `id="post-123"` and
 * `data-author` (the class attribute may hold newlines and runs of spaces),
 * the body is `blockquote.messageText` (a `<blockquote>` that is not a quote),
 * dates are `.DateTime` (`data-time` epoch or a `title`); a quote is
 * `div.bbCodeQuote` with `data-author` and a link to `goto/post?id=456`.
 */
import type { CaptureFormatPlugin } from './format.js';
import { all, attr, bestDate, joined, looksLikeHtml, one, pageFormat, textOf, type Board } from './html/page.js';

const board: Board = {
  title: ['.titleBar h1', '#content .titleBar h1'],
  quote: '.bbCodeQuote',
  readQuote(el) {
    const link = one('a[href*="goto/post"], a.AttributionLink', el);
    const source = /[?&]id=(\d+)/.exec(attr(link ?? el, 'href'))?.[1] ?? null;
    const head = one('.attribution', el);
    const named = attr(el, 'dataAuthor') || textOf(head).replace(/\s+said:.*$/i, '') || null;
    const extra = all('.quoteExpand', el);
    return { author: named, sourceId: source, header: [...(head ? [head] : []), ...extra], content: one('.quote', el) ?? one('blockquote', el) ?? el };
  },
  posts(tree) {
    return all('li.message[id^="post-"]', tree).map((el) => {
      const nameEl = one('.messageUserInfo .username, .userText .username', el);
      const time = one('.messageMeta .DateTime, .DateTime', el);
      return {
        el,
        id: /^post-(\d+)$/.exec(attr(el, 'id'))?.[1] ?? null,
        author: attr(el, 'dataAuthor') || textOf(nameEl) || null,
        authorEls: nameEl ? [nameEl] : [],
        date: time ? bestDate([{ epoch: attr(time, 'dataTime') }, { shown: attr(time, 'title') || textOf(time) }]) : null,
        dateEls: time ? [time] : [],
        body: one('blockquote.messageText:not(.signature), .messageContent .messageText', el),
        signature: all('.signature', el),
        badges: all('.userTitle, .userBanner', el),
        edited: all('.editDate', el),
      };
    });
  },
};

/** Confidence: 0.96 for an HTML page with XenForo 1 `li.message` posts and `messageText` bodies. */
export function detectXenforo1(lines: readonly string[]): number {
  if (!looksLikeHtml(lines)) return 0;
  const t = joined(lines);
  return /id="post-\d+"/.test(t) && /\bmessageText\b/.test(t) && /data-author=/.test(t) ? 0.96 : 0;
}

/** Saved XenForo 1 thread pages (`xenforo1-page`). */
export const xenforo1Page: CaptureFormatPlugin = pageFormat('xenforo1-page', 'saved XenForo 1 page', detectXenforo1, board);

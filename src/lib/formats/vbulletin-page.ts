/**
 * vBulletin 3, 4 and 5 thread pages. Posts: vB3 `table#post123` (after a
 * `<!-- post #123 -->` comment) with the body in `#post_message_123`; vB4
 * `li#post_123` with `blockquote.postcontent`; vB5 `li.b-post[data-node-id]`.
 * Quotes are "Originally Posted by Name" boxes linking `showthread.php?p=456#post456`
 * (some boxes name nobody). Signatures stand in their own blocks (in vB4 a
 * `blockquote.signature`, in vB3 after a line of underscores). A post may show
 * several times (an epoch attribute, a `<time>` without offset, a displayed
 * local time): the one with an explicit zone wins, and no zone is invented.
 */
import type { CaptureFormatPlugin } from './format.js';
import type { Element } from 'hast';
import { all, attr, bestDate, joined, looksLikeHtml, one, pageFormat, textOf, type Board, type PagePost } from './html/page.js';
import { numericOrder, readDate } from '../text/dates.js';

/** The source post id a quote box links to (`showthread.php?p=456#post456`, `…#post456`). */
function linkedPost(el: Element): string | null {
  for (const a of all('a[href]', el)) {
    const m = /[?&]p=(\d+)|#post_?(\d+)/.exec(attr(a, 'href'));
    if (m) return m[1] ?? m[2] ?? null;
  }
  return null;
}

const board: Board = {
  title: ['.threadtitle', 'h1.main-title', '.b-content-entry h1', 'td.navbar strong', 'h2.title'],
  quote: '.bbcode_container, div[style*="margin:20px"], div.quote_container',
  readQuote(el) {
    const by = one('.bbcode_postedby', el) ?? all('div', el).find((d) => /^\s*Originally Posted by/i.test(textOf(d)) && textOf(d).length < 120) ?? null;
    const label = all('.bbcode_description, .smallfont', el).filter((d) => /^\s*Quote:?\s*$/i.test(textOf(d)));
    const name = by ? (textOf(one('strong', by)) || textOf(by).replace(/^\s*Originally Posted by\s*/i, '')).trim() || null : null;
    const content = one('.message', el) ?? one('div[style*="italic"]', el) ?? one('.bbcode_quote', el) ?? el;
    return { author: name, sourceId: by ? linkedPost(by) : null, header: [...(by ? [by] : []), ...label, ...all('hr', content)], content };
  },
  posts(tree, html) {
    let posts: PagePost[] = all('li.b-post[data-node-id]', tree).map((el) => {
      const nameEl = one('.b-post__author .author a, .author a, .b-userinfo__details .author', el);
      const time = one('time[datetime], time', el);
      return {
        el,
        id: attr(el, 'dataNodeId') || null,
        author: textOf(nameEl) || null,
        authorEls: nameEl ? [nameEl] : [],
        date: bestDate([{ iso: time ? attr(time, 'dateTime') : null }, { epoch: attr(el, 'dataTimestamp') || null }, { shown: textOf(time) }]),
        dateEls: time ? [time] : [],
        body: one('.js-post__content-text, .b-post__content', el),
        signature: all('.b-post__signature, .js-post__signature', el),
      };
    });
    if (posts.length === 0) {
      posts = all('li[id^="post_"], table[id^="post"]', tree)
        .filter((el) => /^post_?\d+$/.test(attr(el, 'id')))
        .map((el) => {
          const id = /(\d+)$/.exec(attr(el, 'id'))?.[1] ?? null;
          const nameEl = one('a.username, a.bigusername, .username_container .username', el);
          // The displayed date: vB4 `.postdate .date`, vB3 the `td.thead` line that is not the post counter.
          const dateEl = all('.postdate .date, span.date, td.thead div.normal, td.thead', el).find((d) => readDate(shownDate(d), 'mdy') !== null || readDate(shownDate(d), 'dmy') !== null) ?? null;
          const shown = dateEl ? shownDate(dateEl) : '';
          const message = one(`#post_message_${id}`, el);
          const body = (message ? one('blockquote.postcontent', message) : null) ?? message ?? one('blockquote.postcontent', el);
          return {
            el,
            id,
            author: textOf(nameEl) || null,
            authorEls: nameEl ? [nameEl] : [],
            date: bestDate([{ epoch: dateEl ? attr(dateEl, 'dataTimestamp') || null : null }, { shown }]),
            dateEls: dateEl ? [dateEl] : [],
            body,
            signature: [...all('blockquote.signature, .signaturecontainer', el), ...vb3Signature(el, body)],
            badges: all('.usertitle', el),
            edited: all('.lastedited', el),
          };
        });
    }
    // All-numeric displayed dates (`03-10-2012`) are read in the order the page's unambiguous dates show.
    const shown = [...html.matchAll(/\b\d{1,2}-\d{1,2}-\d{4}\b/g)].map((m) => m[0]);
    const order = numericOrder(shown);
    if (order === 'dmy') {
      for (const p of posts) {
        const el = p.dateEls[0];
        if (el && (p.date === null || !/[+-]\d\d:\d\d$/.test(p.date))) p.date = readDate(shownDate(el), 'dmy') ?? p.date;
      }
    }
    return posts;
  },
};

/** A displayed date's text, without the post counter (`#2`) that shares its line. */
function shownDate(el: Element): string {
  return textOf(el).replace(/#\s*\d+/g, '').replace(/^[\s,]+|[\s,]+$/g, '');
}

/** A vB3 signature: the block after the message that opens with a line of underscores. */
function vb3Signature(post: Element, body: Element | null): Element[] {
  if (!body) return [];
  return all('div', post).filter((d) => d !== body && /^\s*_{10,}/.test(textOf(d)) && textOf(d).length < 2000);
}

/** Confidence: 0.96 for an HTML page with vBulletin post markers (`<!-- post #123 -->`, `post_message_123`, `li.b-post`). */
export function detectVbulletin(lines: readonly string[]): number {
  if (!looksLikeHtml(lines)) return 0;
  const t = joined(lines);
  const marked = /<!-- post #\d+ -->/.test(t) || /id="post_message_\d+"/.test(t) || (/\bb-post\b/.test(t) && /data-node-id=/.test(t));
  return marked ? 0.96 : 0;
}

/** Saved vBulletin 3, 4 and 5 thread pages (`vbulletin-page`). */
export const vbulletinPage: CaptureFormatPlugin = pageFormat('vbulletin-page', 'saved vBulletin page', detectVbulletin, board);

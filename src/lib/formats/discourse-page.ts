/**
 * Discourse topic pages, saved from the browser (`.topic-post` articles with
 * `data-post-number`, the body in `.cooked`, the date in `[data-time]`) or from
 * the crawler view that Discourse serves without JavaScript (`.crawler-post`
 * with `[itemprop=datePublished]`, `[itemprop=position]` and the body in
 * `[itemprop=text]`). A quote is `<aside class="quote" data-username
 * data-post data-topic>` around a `<blockquote>` (asides nest); its
 * `data-post` names the source post exactly when `data-topic` is this topic.
 * Posts keep Discourse's numbers (`post_number`, which may skip numbers).
 */
import type { CaptureFormatPlugin } from './format.js';
import type { Element, Root } from 'hast';
import { all, attr, bestDate, joined, looksLikeHtml, one, pageFormat, textOf, type Board } from './html/page.js';

let topic = '';

/** The topic id of the page: the first `data-topic-id`, or `/t/slug/123` in the canonical link. */
function topicOf(tree: Root): string {
  const withId = one('[data-topic-id]', tree);
  if (withId) return attr(withId, 'dataTopicId');
  const canonical = one('link[rel~=canonical]', tree);
  return /\/t\/[^/]+\/(\d+)/.exec(canonical ? attr(canonical, 'href') : '')?.[1] ?? '';
}

const board: Board = {
  title: ['#topic-title .fancy-title', '#topic-title h1', 'h1[itemprop=headline]', '#topic-title a'],
  quote: 'aside.quote',
  readQuote(el: Element) {
    const title = one('.title', el);
    const post = attr(el, 'dataPost');
    const t = attr(el, 'dataTopic');
    const source = post ? (t && topic && t !== topic ? `topic-${t}-${post}` : post) : null;
    const name = attr(el, 'dataUsername') || textOf(title).replace(/:\s*$/, '') || null;
    return { author: name, sourceId: source, header: title ? [title] : [], content: one('blockquote', el) ?? el };
  },
  posts(tree) {
    topic = topicOf(tree);
    const browser = all('.topic-post article[data-post-number], article.topic-post[data-post-number], .topic-post[data-post-number], .topic-post article[id^="post_"]', tree);
    if (browser.length > 0) {
      return browser.map((el) => {
        const nameEl = one('.names .username a, .names .first a, .username a', el);
        const time = one('.post-date [data-time], [data-time], time[datetime]', el);
        const reply = one('.reply-to-tab', el);
        return {
          el,
          id: attr(el, 'dataPostNumber') || /^post_(\d+)$/.exec(attr(el, 'id'))?.[1] || null,
          number: Number(attr(el, 'dataPostNumber') || /^post_(\d+)$/.exec(attr(el, 'id'))?.[1]) || null,
          author: textOf(nameEl) || null,
          authorEls: nameEl ? [nameEl] : [],
          date: time ? bestDate([{ iso: attr(time, 'dateTime') || null }, { epoch: attr(time, 'dataTime') || null }, { shown: attr(time, 'title') }]) : null,
          dateEls: time ? [time] : [],
          body: one('.cooked', el),
          signature: [],
          replyToId: attr(el, 'dataReplyToPostNumber') || (reply ? /\/(\d+)\/?$/.exec(attr(one('a[href]', reply) ?? reply, 'href'))?.[1] : null) || null,
        };
      });
    }
    return all('.crawler-post, [itemprop=comment]', tree).map((el) => {
      const nameEl = one('.creator [itemprop=name], .creator a, [itemprop=author] [itemprop=name]', el);
      const time = one('[itemprop=datePublished]', el);
      const position = one('[itemprop=position]', el);
      return {
        el,
        id: textOf(position) || /^post_(\d+)$/.exec(attr(el, 'id'))?.[1] || null,
        number: Number(textOf(position) || /^post_(\d+)$/.exec(attr(el, 'id'))?.[1]) || null,
        author: textOf(nameEl) || null,
        authorEls: nameEl ? [nameEl] : [],
        date: time ? bestDate([{ iso: attr(time, 'dateTime') || attr(time, 'content') }, { shown: textOf(time) }]) : null,
        dateEls: time ? [time] : [],
        body: one('[itemprop=text], .post', el),
        signature: [],
      };
    });
  },
};

/** Confidence: 0.96 for an HTML page with Discourse posts (`topic-post` or `crawler-post`) and their bodies. */
export function detectDiscoursePage(lines: readonly string[]): number {
  if (!looksLikeHtml(lines)) return 0;
  const t = joined(lines);
  return /\b(?:topic-post|crawler-post)\b/.test(t) && /\bcooked\b|itemprop="text"/.test(t) ? 0.96 : 0;
}

/** Saved Discourse topic pages (`discourse-page`). */
export const discoursePage: CaptureFormatPlugin = pageFormat('discourse-page', 'saved Discourse page', detectDiscoursePage, board);

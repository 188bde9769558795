/**
 * Post-body HTML, rendered once per build: a post appears on its thread page,
 * its permalink page and beside the posts it quotes or that quote it, so each
 * own-words segment and each quote is rendered by the first page that needs it
 * and reused by the others.
 */
import { markdownToHtml, plainToHtml } from '../lib/text/render-html';

const cache = new Map<string, string>();

/** HTML of a text, rendered as flat text (`plain`) or Markdown, memoised under `key`. */
export function cachedHtml(key: string, text: string, plain: boolean): string {
  let html = cache.get(key);
  if (html === undefined) {
    html = plain ? plainToHtml(text) : markdownToHtml(text);
    cache.set(key, html);
  }
  return html;
}

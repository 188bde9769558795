/**
 * Mailing-list archive pages of Mailman's pipermail (and archivers that copy
 * its layout): one message per page, the subject in `<h1>`, the author in
 * `<b>`, the address (`john at example.org`) in a `mailto:` link whose query
 * carries `In-Reply-To`, the date in `<i>`, and the body as text in a `<pre>`
 * between `<!--beginarticle-->` and `<!--endarticle-->` comments. The body is
 * read like a mail body (`mail/mail-body.ts`): `>` quotes, attributions,
 * signatures. The previous/next and "Messages sorted by" lists are navigation.
 */
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Diagnostic, Post } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { isBlank } from '../text/text.js';
import { ownText } from '../text/segments.js';
import { parseHtml, linesOf, attr } from './html/html-tree.js';
import { DROP_RULES, looksLikeHtml, one, all, textOf } from './html/page.js';
import { authorFromAddress, baseSubject, mailDate } from './mail/headers.js';
import { readMailBody } from './mail/mail-body.js';

/** The elements between the `beginarticle` and `endarticle` comments, in document order. */
function article(tree: Root): { pres: Element[]; from: number; to: number } | null {
  let inside = false;
  let from = -1;
  let to = -1;
  const pres: Element[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'comment') {
      const v = node.value.trim().toLowerCase();
      if (v === 'beginarticle') {
        inside = true;
        from = linesOf(node)?.from ?? -1;
      } else if (v === 'endarticle') {
        inside = false;
        to = linesOf(node)?.to ?? -1;
      }
      return;
    }
    if (node.type === 'element' && inside && node.tagName === 'pre') {
      pres.push(node);
      return;
    }
    if (node.type === 'element' || node.type === 'root') for (const c of node.children) walk(c);
  };
  walk(tree);
  return from >= 0 ? { pres, from, to } : null;
}

/**
 * Reads a pipermail message page.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitPipermail(lines: string[], start: number, ledger: Ledger): FormatResult {
  const diagnostics: Diagnostic[] = [];
  const tree = parseHtml(lines.slice(start).join('\n'));
  const at = (el: Element | null, kind: string) => {
    const l = el ? linesOf(el) : null;
    if (l) ledger.claim(l.from + start, l.to + start, kind);
  };
  const h1 = one('h1', tree);
  const who = one('body > b, b', tree);
  const mailto = all('a[href^="mailto:"]', tree).find((a) => / at |@/.test(textOf(a))) ?? null;
  const when = one('body > i, i', tree);
  const art = article(tree);
  const rows: { text: string; line: number }[] = [];
  for (const pre of art?.pres ?? []) {
    const first = (linesOf(pre)?.from ?? 0) + start;
    // `<pre>` text keeps its lines: line k of the text is page line first + k (a newline right after `<pre>` is not text).
    const skip = /<pre[^>]*>\s*$/i.test(lines[first] ?? '') ? 1 : 0;
    toString(pre)
      .split('\n')
      .forEach((t, k) => rows.push({ text: t, line: first + k + skip }));
  }
  while (rows.length > 0 && isBlank(rows[rows.length - 1]!.text)) rows.pop();
  const query = mailto ? decodeURIComponent(attr(mailto, 'href').replace(/\+/g, ' ')) : '';
  const inReplyTo = /[?&]In-Reply-To=([^&]*)/i.exec(query)?.[1]?.trim() ?? null;
  const name = textOf(who);
  const author = name || (mailto ? authorFromAddress(textOf(mailto)) : null);
  const body = readMailBody(rows, { known: new Set(author ? [author] : []) });
  at(h1, 'title');
  at(who, 'author');
  at(mailto, 'author');
  at(when, 'post-header');
  for (const c of body.claims) ledger.claim(c.line, c.line, c.kind);
  for (const [rule, sel] of DROP_RULES) for (const el of all(sel, tree)) at(el, rule);
  for (const ul of all('ul', tree)) if (/Previous message|Next message|Messages sorted by/i.test(textOf(ul))) at(ul, 'navigation');
  at(one('head', tree), 'page-head');
  for (let i = start; i < lines.length; i++) if (!isBlank(lines[i] ?? '')) ledger.claim(i, i, 'page-markup');
  if (inReplyTo) {
    diagnostics.push({
      rule: 'reply-outside-capture',
      severity: 'info',
      message: `The message answers ${inReplyTo}, which is on another archive page; its reply link is not shown. Put the thread's messages in one mbox to link them.`,
      line: (mailto ? (linesOf(mailto)?.from ?? 0) : 0) + start + 1,
    });
  }
  const post: Post = {
    n: 1,
    author,
    authorEvidence: author ? 'heading' : null,
    badges: [],
    edited: false,
    date: mailDate(textOf(when)),
    replyTo: null,
    line: (linesOf(who ?? h1 ?? tree)?.from ?? 0) + start + 1,
    text: ownText(body.segments),
    segments: body.segments,
    quotes: body.quotes,
  };
  const title = textOf(h1) ? baseSubject(textOf(h1)) : null;
  return { title, posts: art ? [post] : [], diagnostics };
}

/** Confidence: 0.96 for an HTML page with pipermail's `<!--beginarticle-->` comment. */
export function detectPipermail(lines: readonly string[]): number {
  if (!looksLikeHtml(lines)) return 0;
  return lines.some((l) => /<!--\s*beginarticle\s*-->/i.test(l)) ? 0.96 : 0;
}

/** Mailing-list archive pages of pipermail (`pipermail-page`). */
export const pipermailPage: CaptureFormatPlugin = {
  name: 'pipermail-page',
  label: 'mailing-list archive page',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: false,
  signatures: false,
  detect: detectPipermail,
  split: splitPipermail,
};

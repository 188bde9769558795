/**
 * Discourse's `cooked` HTML (the rendered post, in the topic JSON, the topic
 * feed and the saved page) into the model: own-words Markdown segments and
 * quotes. A quote is `<aside class="quote" data-username data-post
 * data-topic>` around a `<blockquote>`; its `data-post` names the source post
 * exactly (unless `data-topic` names another topic). Asides nest: a quote
 * inside a quote stays in the outer quote's text as `Name said:` and a
 * blockquote, as in the other formats. Discourse's own furniture is dropped:
 * the quote's title bar (avatar, name, controls), image size captions;
 * emoji images become their `:code:`, mentions and hashtags their text, link
 * previews (oneboxes) a link. Never throws.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Quote, Segment } from '../../model.js';
import { attribute, classesOf, hastToMarkdown, isElement, parseHtmlFragment } from '../../text/html-markdown.js';

/** How to read a cooked post. */
export interface CookedOptions {
  /** The id of the topic the post belongs to, or null when unknown (then every `data-post` is taken to be of this topic). */
  topic: number | null;
  /** True when the capture holds the post numbered `n`; a quote of a post it lacks gets no source from `data-post`. */
  has: (n: number) => boolean;
  /** The 1-based capture line of an offset into the HTML (default: line 1). */
  lineOf?: (offset: number) => number;
}

/** A cooked post read into the model. */
export interface CookedBody {
  segments: Segment[];
  quotes: Quote[];
  /** Where each quote stands in the HTML (offsets), for line claims. */
  quoteSpans: { start: number; end: number }[];
  /** How many quotes name a post of another topic (shown without a source link). */
  otherTopic: number;
}

/** The top-level nodes of cooked HTML. */
export function cookedNodes(html: string): ElementContent[] {
  return parseHtmlFragment(html).children as ElementContent[];
}

/** A positive whole number from an attribute, or null. */
function wholeNumber(text: string | null): number | null {
  if (text === null || !/^\s*\d{1,9}\s*$/.test(text)) return null;
  const n = Number(text);
  return n > 0 ? n : null;
}

/** A paragraph element holding one text. */
const paragraph = (text: string): Element => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] });

/** The blockquote of a quote aside, or (markup that lost it) the aside's other children. */
function quoteContent(aside: Element): ElementContent[] {
  const bq = aside.children.find((c) => isElement(c, 'blockquote'));
  if (bq && isElement(bq)) return bq.children;
  return aside.children.filter((c) => !(isElement(c, 'div', 'title')));
}

/**
 * Discourse furniture removed or simplified, in place, below `nodes`; quote
 * asides inside them become `Name said:` and a blockquote.
 */
function tidy(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      out.push(node);
      continue;
    }
    const cls = classesOf(node);
    if (node.tagName === 'aside' && cls.includes('quote')) {
      const name = attribute(node, 'dataUsername');
      if (name) out.push(paragraph(`${name} said:`));
      out.push({ type: 'element', tagName: 'blockquote', properties: {}, children: tidy(quoteContent(node)) });
      continue;
    }
    if (node.tagName === 'aside' && cls.includes('onebox')) {
      // A link preview: the link is what the poster posted; the preview is the other site's text.
      const src = attribute(node, 'dataOneboxSrc') ?? firstLink(node);
      if (src) out.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: src }] }] });
      continue;
    }
    if (node.tagName === 'img' && cls.includes('emoji')) {
      out.push({ type: 'text', value: attribute(node, 'alt') ?? attribute(node, 'title') ?? '' });
      continue;
    }
    if (node.tagName === 'a' && (cls.includes('mention') || cls.includes('mention-group') || cls.some((c) => c.startsWith('hashtag')))) {
      out.push(...tidy(node.children));
      continue;
    }
    if (node.tagName === 'div' && (cls.includes('meta') || cls.includes('quote-controls'))) continue;
    node.children = tidy(node.children as ElementContent[]);
    out.push(node);
  }
  return out;
}

function firstLink(el: Element): string | null {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.tagName === 'a') {
      const href = attribute(c, 'href');
      if (href) return href;
    }
    const inner = firstLink(c);
    if (inner) return inner;
  }
  return null;
}

/**
 * Reads the top-level nodes of a cooked post into segments and quotes. Top-level
 * quote asides become quotes; everything between them, own words.
 */
export function readCooked(nodes: readonly ElementContent[] | Root, options: CookedOptions): CookedBody {
  const kids = (Array.isArray(nodes) ? nodes : (nodes as Root).children) as ElementContent[];
  const lineOf = options.lineOf ?? (() => 1);
  const body: CookedBody = { segments: [], quotes: [], quoteSpans: [], otherTopic: 0 };
  let run: ElementContent[] = [];
  const flush = () => {
    const start = run.find((n) => n.position)?.position?.start.offset ?? 0;
    const text = hastToMarkdown(tidy(run));
    if (text) body.segments.push({ kind: 'own', text, line: lineOf(start) });
    run = [];
  };
  for (const node of kids) {
    if (!(isElement(node, 'aside') && classesOf(node).includes('quote'))) {
      run.push(node);
      continue;
    }
    flush();
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const text = hastToMarkdown(tidy(quoteContent(node)));
    const post = wholeNumber(attribute(node, 'dataPost'));
    const topic = wholeNumber(attribute(node, 'dataTopic'));
    const elsewhere = topic !== null && options.topic !== null && topic !== options.topic;
    if (elsewhere) body.otherTopic++;
    body.quotes.push({
      author: attribute(node, 'dataUsername'),
      text,
      sourcePost: post !== null && !elsewhere && options.has(post) ? post : null,
      sourceThread: null,
      reconstructed: false,
      line: lineOf(start),
    });
    body.quoteSpans.push({ start, end });
    body.segments.push({ kind: 'quote', quote: body.quotes.length - 1 });
  }
  flush();
  return body;
}

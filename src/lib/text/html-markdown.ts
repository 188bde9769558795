/**
 * HTML from a capture (Discourse's `cooked` posts, feed items) into the
 * Markdown model the other formats use: rehype-parse reads it as the browser
 * would (a fragment, positions kept), hast-util-to-mdast converts it (scripts,
 * styles and other non-content elements are left out), and remark-stringify
 * with GFM writes Markdown. Text that looks like markup is escaped, so the
 * result goes through the same sanitising render path as any post
 * (`render-html.ts`, rehype-sanitize last). Never throws.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { toMdast } from 'hast-util-to-mdast';
import { toString } from 'hast-util-to-string';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdRoot } from 'mdast';

const htmlReader = unified().use(rehypeParse, { fragment: true });
const markdownWriter = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-', listItemIndent: 'one' });

/** Parses an HTML fragment to hast, with positions (offsets into `html`). Never throws: on failure, one text node. */
export function parseHtmlFragment(html: string): HastRoot {
  try {
    return htmlReader.parse(html) as HastRoot;
  } catch {
    return { type: 'root', children: [{ type: 'text', value: html }] };
  }
}

/** Markdown for hast nodes (a fragment's children or part of them), trimmed. Never throws: on failure, their plain text. */
export function hastToMarkdown(nodes: readonly ElementContent[]): string {
  const root: HastRoot = { type: 'root', children: [...nodes] };
  try {
    const md = toMdast(root) as MdRoot;
    return String(markdownWriter.stringify(md)).trim();
  } catch {
    try {
      return toString(root).trim();
    } catch {
      return '';
    }
  }
}

/** True when a hast node is an element named `tag` (any tag when omitted) whose class list holds `className` (when given). */
export function isElement(node: unknown, tag?: string, className?: string): node is Element {
  const el = node as Element | undefined;
  if (!el || el.type !== 'element' || (tag !== undefined && el.tagName !== tag)) return false;
  return className === undefined || classesOf(el).includes(className);
}

/** The class names of an element. */
export function classesOf(el: Element): string[] {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/).filter(Boolean) : [];
}

/** An attribute of an element as a string (`data-post` is read as `dataPost`), or null. */
export function attribute(el: Element, name: string): string | null {
  const v = el.properties?.[name];
  if (v === undefined || v === null || v === false) return null;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

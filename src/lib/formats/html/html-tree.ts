/**
 * HTML through unified: rehype-parse to a hast tree (with source positions),
 * and hast to Markdown with hast-util-to-mdast and remark-stringify (with
 * remark-gfm for tables and strike-through), so that post bodies of saved pages
 * and HTML mail join the same Markdown model as the other formats. Scripts,
 * styles and other non-content elements never reach the Markdown: hast-util-to-mdast
 * keeps text and structure only, and the page's HTML is never shown as HTML.
 * Pure; never throws.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import { toMdast } from 'hast-util-to-mdast';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Root as MdRoot } from 'mdast';

const parser = unified().use(rehypeParse);
const stringifier = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' });

/** Parses an HTML document (or fragment) to hast, with positions. Never throws. */
export function parseHtml(html: string): HastRoot {
  try {
    return parser.parse(html) as HastRoot;
  } catch {
    return { type: 'root', children: [{ type: 'text', value: html }] };
  }
}

/** The Markdown of a hast node's content (trimmed; '' when it holds no text). Never throws. */
export function hastToMarkdown(node: HastNodes | readonly ElementContent[]): string {
  try {
    const root: HastRoot = Array.isArray(node)
      ? { type: 'root', children: [...(node as ElementContent[])] }
      : (node as HastNodes).type === 'root'
        ? (node as HastRoot)
        : { type: 'root', children: [node as ElementContent] };
    const md = toMdast(root, { newlines: false }) as MdRoot;
    return String(stringifier.stringify(md))
      .replace(/\\\n(?:[ \t]*\\\n)+/g, '\n\n') // two line breaks in a row (`<br><br>`) end a paragraph
      .replace(/\\\n(?=[ \t]*\n|$)/g, '\n') // a line break that ends a paragraph is none
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch {
    return '';
  }
}

/** An element's attribute as text ('' when absent; lists such as `class` joined by spaces). */
export function attr(el: Element, name: string): string {
  const v = el.properties?.[name];
  if (v === undefined || v === null || v === false) return '';
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** The 0-based first and last source lines of a node, or null when it has no position. */
export function linesOf(node: HastNodes): { from: number; to: number } | null {
  const p = node.position;
  if (!p?.start || !p.end) return null;
  return { from: p.start.line - 1, to: p.end.line - 1 };
}

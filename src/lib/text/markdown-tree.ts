/**
 * The Markdown reader shared by the importer stages: remark-parse + remark-gfm
 * to mdast, with positions, and helpers to find `Name said:` + blockquote quotes.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Parses Markdown to mdast (positions kept). Never throws. */
export function parseMarkdown(source: string): Root {
  try {
    return parser.parse(source) as Root;
  } catch {
    return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: source }] }] };
  }
}

/** The attribution of an explicit quote: `Name said:` alone in a paragraph. */
const SAID = /^\s*(.*?\S)\s+said:\s*$/su;

/** The author named by a `Name said:` paragraph, or null when the node is not one. */
export function attributionOf(node: RootContent | undefined): string | null {
  if (!node || node.type !== 'paragraph') return null;
  const text = toString(node);
  if (text.includes('\n') || text.length > 120) return null;
  const m = SAID.exec(text);
  return m ? (m[1] ?? null) : null;
}

/**
 * The words a quote attributes to its source: the blockquote's text without
 * quotes nested in it (those are someone else's words) and without their attributions.
 */
export function quotedOwnText(node: RootContent): string {
  if (node.type !== 'blockquote') return toString(node);
  const parts: string[] = [];
  const kids = node.children;
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i] as RootContent;
    if (kid.type === 'blockquote') continue;
    if (attributionOf(kid) !== null && kids[i + 1]?.type === 'blockquote') continue;
    parts.push(toString(kid));
  }
  return parts.join('\n\n');
}

/** Strips the `>` markers of a blockquote's source lines, one level deep. */
export function unquote(source: string): string {
  return source
    .split('\n')
    .map((l) => l.replace(/^ {0,3}> ?/, ''))
    .join('\n');
}

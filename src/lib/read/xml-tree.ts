/**
 * XML read into xast (unified's XML tree, through xast-util-from-xml and
 * @rgrove/parse-xml), with positions, for capture formats that come as XML
 * (feeds). Never throws: a file that is not well-formed XML gives no tree and
 * the parser's message and line.
 */
import { fromXml } from 'xast-util-from-xml';
import type { Element, Root } from 'xast';

/** An XML text read into a tree, or the error that stopped the parser. */
export interface XmlTree {
  root: Root | null;
  error: { message: string; line: number | null } | null;
}

/** Parses XML text. Never throws. */
export function parseXmlTree(text: string): XmlTree {
  try {
    return { root: fromXml(text), error: null };
  } catch (e) {
    const err = e as { reason?: string; message?: string; line?: number };
    return { root: null, error: { message: String(err.reason ?? err.message ?? e), line: typeof err.line === 'number' ? err.line : null } };
  }
}

/** The child elements of a node named `name` (all child elements when omitted). */
export function childElements(node: Root | Element | undefined, name?: string): Element[] {
  if (!node) return [];
  const kids = node.children as readonly (Root | Element)['children'][number][];
  return kids.filter((c): c is Element => c.type === 'element' && (name === undefined || c.name === name));
}

/** The first child element named `name`, or undefined. */
export function childElement(node: Root | Element | undefined, name: string): Element | undefined {
  return childElements(node, name)[0];
}

/** The text of an element: its text and CDATA, entities decoded, at any depth. */
export function textOf(node: Element | undefined): string {
  if (!node) return '';
  let out = '';
  for (const c of node.children) {
    if (c.type === 'text' || c.type === 'cdata') out += c.value;
    else if (c.type === 'element') out += textOf(c);
  }
  return out;
}

/**
 * Where the content of an element that holds a single CDATA section starts in
 * the file (its first character after `<![CDATA[`), so positions in that
 * content map back to the file; null when the content is not one CDATA section.
 */
export function cdataOffset(node: Element | undefined): number | null {
  const parts = (node?.children ?? []).filter((c) => !(c.type === 'text' && /^\s*$/.test(c.value)));
  const only = parts.length === 1 ? parts[0] : undefined;
  const start = only?.type === 'cdata' ? only.position?.start.offset : undefined;
  return start === undefined ? null : start + '<![CDATA['.length;
}

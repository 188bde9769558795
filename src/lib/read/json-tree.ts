/**
 * JSON read with the position of every value, for capture formats that come
 * as JSON (reddit, Discourse): jsonc-parser's tolerant parser, so a truncated
 * or damaged file still yields what precedes the damage, and positions let
 * the ledger account for every line. Never throws.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import type { SpanClaim } from '../accounting/offset-claims.js';
import { lineLocator } from '../text/text.js';

/** A JSON value with its place in the text (`offset`, `length`), as jsonc-parser gives it. */
export type JsonNode = Node;

/** A JSON text read into a tree, with what went wrong in it. */
export interface JsonTree {
  /** The top value, or undefined when the text holds none. */
  root: JsonNode | undefined;
  /** Syntax errors, in text order: what the parser expected, and where (character offset). */
  errors: { message: string; offset: number }[];
}

/** Reads JSON text into a tree (trailing commas and comments tolerated). Never throws. */
export function parseJsonTree(text: string): JsonTree {
  const raw: { error: number; offset: number; length: number }[] = [];
  try {
    const root = parseTree(text, raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
    return { root, errors: raw.map((e) => ({ message: printParseErrorCode(e.error), offset: e.offset })) };
  } catch (e) {
    return { root: undefined, errors: [{ message: (e as Error).message, offset: 0 }] };
  }
}

/** The value node of `key` in an object node, or undefined. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k?.value === key) return v;
  }
  return undefined;
}

/** The value node at a path of keys and indices, or undefined. */
export function at(node: JsonNode | undefined, ...path: (string | number)[]): JsonNode | undefined {
  let cur = node;
  for (const step of path) cur = typeof step === 'number' ? (cur?.type === 'array' ? cur.children?.[step] : undefined) : member(cur, step);
  return cur;
}

/** The elements of an array node (none for anything else). */
export function elements(node: JsonNode | undefined): JsonNode[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** The plain value of a node (undefined for none). Never throws. */
export function valueOf(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  try {
    return getNodeValue(node);
  } catch {
    return undefined;
  }
}

/** The string at `key` of an object node, or null when absent or not a string. */
export function stringAt(node: JsonNode | undefined, key: string): string | null {
  const v = member(node, key);
  return v?.type === 'string' && typeof v.value === 'string' ? v.value : null;
}

/** The number at `key` of an object node, or null when absent or not a number. */
export function numberAt(node: JsonNode | undefined, key: string): number | null {
  const v = member(node, key);
  return v?.type === 'number' && typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : null;
}

/** The whole `"key": value` span of the member `key` (for accounting), or undefined. */
export function memberSpan(node: JsonNode | undefined, key: string): { start: number; end: number } | undefined {
  const v = member(node, key);
  const prop = v?.parent;
  return prop ? { start: prop.offset, end: prop.offset + prop.length } : undefined;
}

/**
 * The diagnostic for a damaged JSON capture (null when it parsed cleanly):
 * where the first error is, and that what precedes it was imported.
 * @param lineOf the 1-based capture line of a character offset
 * @param what what the file is, for the message (for example "reddit thread JSON")
 */
export function jsonDamage(tree: JsonTree, lineOf: (offset: number) => number, what: string): Diagnostic | null {
  const first = tree.errors[0];
  if (!first) return null;
  return {
    rule: 'json-damaged',
    severity: 'warning',
    message: `The ${what} is not valid JSON from line ${lineOf(first.offset)} on (${first.message}${tree.errors.length > 1 ? `, and ${tree.errors.length - 1} more errors` : ''}). What could be read was imported; posts after the damage may be missing, so save the file again if you can.`,
    line: lineOf(first.offset),
  };
}

/** A JSON capture as a format reads it: the text from the first line after the front matter, its tree, and the line claims gathered while reading. */
export interface JsonCapture {
  /** The capture's text from line `start` on. */
  text: string;
  tree: JsonTree;
  /** The 1-based capture line of a character offset into `text`. */
  lineOf: (offset: number) => number;
  /** The `json-damaged` diagnostic, or null when the JSON is valid. */
  damage: Diagnostic | null;
  /** Line claims gathered so far, for `claimSpans`. */
  claims: SpanClaim[];
  /** Claims the lines of the member `key` of an object node (its `"key": value` span) for `kind`. */
  claim: (node: JsonNode | undefined, key: string, kind: string) => void;
}

/**
 * Reads the JSON of a capture from 0-based line `start` (after the front matter).
 * @param what what the file is, for the damage message (for example "reddit thread JSON")
 */
export function readJsonCapture(lines: readonly string[], start: number, what: string): JsonCapture {
  const text = lines.slice(start).join('\n');
  const locate = lineLocator(text);
  const lineOf = (offset: number) => start + locate(offset) + 1;
  const tree = parseJsonTree(text);
  const claims: SpanClaim[] = [];
  return {
    text,
    tree,
    lineOf,
    damage: jsonDamage(tree, lineOf, what),
    claims,
    claim(node, key, kind) {
      const span = memberSpan(node, key);
      if (span) claims.push({ ...span, kind });
    },
  };
}

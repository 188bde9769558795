/**
 * HTML for post bodies: Markdown through unified (remark-parse + remark-gfm →
 * remark-rehype → rehype-sanitize → rehype-stringify), and flat text as
 * paragraphs. No raw HTML passes: raw HTML in Markdown is shown as the text
 * it is (so a post that talks about `<script>` keeps its words), images become
 * links (remote images would track readers), links to anything but web and
 * mail addresses become their words and address as text, footnotes are shown
 * as written (their ids would repeat across a page's posts), and the sanitizer
 * runs last, with GitHub's schema (no scripts, styles, event handlers or
 * `javascript:` URLs).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import type { Root as MdRoot, PhrasingContent, Nodes, Parents } from 'mdast';

const schema = {
  ...defaultSchema,
  // Links open in place; images become links (a capture's images are remote and may track readers).
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['img', 'picture', 'source', 'video', 'audio', 'input'].includes(t)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

/** Link targets kept as links: web and mail addresses. Anything else is shown as text. */
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/** Containers whose children are blocks: raw HTML there becomes a paragraph of text. */
const FLOW = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * A remark plugin that keeps what the sanitizer would silently drop: raw HTML
 * becomes literal text, and images become links to the image (labelled with
 * their alt text), so nothing of a post disappears and nothing is fetched.
 */
function keepAsText() {
  return (tree: MdRoot) => {
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (d) => {
      if (!definitions.has(d.identifier)) definitions.set(d.identifier, d.url);
    });
    visit(tree, (n, index, up) => {
      const node = n as Nodes;
      const parent = up as Parents | undefined;
      if (!parent || index === undefined) return undefined;
      if (node.type === 'html') {
        const text = { type: 'text' as const, value: node.value };
        parent.children[index] = (FLOW.has(parent.type) ? { type: 'paragraph', children: [text] } : text) as never;
        return SKIP;
      }
      if (node.type === 'link' && !SAFE_URL.test(node.url.trim())) {
        // A link the sanitizer would disarm (script, data or relative URL): its words, then its address as text.
        const words = node.children.length === 1 && node.children[0]?.type === 'text' ? node.children[0].value : null;
        (parent.children as PhrasingContent[]).splice(index, 1, ...node.children, ...(words === node.url ? [] : [{ type: 'text' as const, value: ` (${node.url})` }]));
        return index;
      }
      if (node.type === 'linkReference') {
        const url = definitions.get(node.identifier);
        if (url !== undefined && !SAFE_URL.test(url.trim())) {
          (parent.children as PhrasingContent[]).splice(index, 1, ...node.children, { type: 'text', value: ` (${url})` });
          return index;
        }
        return undefined;
      }
      if (node.type === 'image') {
        const label = node.alt || node.url;
        parent.children[index] = { type: 'link', url: node.url, title: node.title ?? null, children: [{ type: 'text', value: `[image: ${label}]` }] } as never;
        return index; // visit the link: an image of a script URL becomes text
      }
      if (node.type === 'footnoteReference') {
        // Footnote ids would repeat across the posts of a page: a footnote is shown as written.
        parent.children[index] = { type: 'text', value: `[^${node.label ?? node.identifier}]` } as never;
        return SKIP;
      }
      if (node.type === 'footnoteDefinition') {
        const [first, ...rest] = node.children;
        const mark = { type: 'text' as const, value: `[^${node.label ?? node.identifier}]: ` };
        const lead = first?.type === 'paragraph' ? [{ ...first, children: [mark, ...first.children] }] : [{ type: 'paragraph', children: [mark] }, ...(first ? [first] : [])];
        parent.children.splice(index, 1, ...(lead as never[]), ...(rest as never[]));
        return index;
      }
      if (node.type === 'imageReference') {
        parent.children[index] = { type: 'linkReference', identifier: node.identifier, label: node.label, referenceType: node.referenceType, children: [{ type: 'text', value: `[image: ${node.alt ?? node.label ?? ''}]` }] } as never;
        return index; // visit the link reference: one to a script URL becomes text
      }
      return undefined;
    });
  };
}

const markdownPipeline = unified().use(remarkParse).use(remarkGfm).use(keepAsText).use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify).freeze();
const treePipeline = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify).freeze();

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Characters and sequences that may start Markdown syntax, an entity or a GFM autolink. */
const SYNTAX = /[*_`[\]<>#|~\\&@]|:\/\/|www\./i;
/** Line openings that may start a block other than a paragraph (list, heading underline, code). */
const BLOCK_START = /^(?: {4}|\t| {0,3}(?:[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|=+\s*$|-+\s*$))/;

/**
 * True when Markdown source holds no syntax at all, only paragraphs of words
 * (most posts): such text needs no Markdown parse, and its paragraphs are the
 * blank-line-separated blocks. Conservative: any character that could start
 * syntax, an entity or an autolink sends the text through the full parser.
 */
export function isPlainProse(markdown: string): boolean {
  if (SYNTAX.test(markdown)) return false;
  for (const line of markdown.split('\n')) if (BLOCK_START.test(line) || / {2,}$/.test(line)) return false;
  return true;
}

/** The mdast of plain prose: one paragraph per blank-line-separated block, lines trimmed. */
function proseTree(markdown: string): MdRoot {
  const tree: MdRoot = { type: 'root', children: [] };
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    const value = block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n');
    if (value) tree.children.push({ type: 'paragraph', children: [{ type: 'text', value }] });
  }
  return tree;
}

/**
 * Renders Markdown to safe HTML. Never throws: on failure the text is shown escaped.
 * Plain prose skips the Markdown parse (see `isPlainProse`) but still goes
 * through remark-rehype, the sanitizer and the stringifier.
 */
export function markdownToHtml(markdown: string): string {
  try {
    if (isPlainProse(markdown)) return String(treePipeline.stringify(treePipeline.runSync(proseTree(markdown) as never) as never));
    return String(markdownPipeline.processSync(markdown));
  } catch {
    return `<p>${escapeHtml(markdown)}</p>`;
  }
}

const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

function phrasing(line: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: 'text', value: line.slice(last, at) });
    out.push({ type: 'link', url: m[0], children: [{ type: 'text', value: m[0] }] });
    last = at + m[0].length;
  }
  if (last < line.length) out.push({ type: 'text', value: line.slice(last) });
  return out;
}

/** A bullet line of flat text (`• option`), as forum polls and lists are copied. */
const BULLET = /^\s*•\s+(\S.*)$/;

/**
 * A block of flat text holding bullet lines: the lines before the first bullet
 * as a paragraph, then a list whose items are the bullet lines, each with the
 * lines under it (a poll option and its `Votes:` line) joined by line breaks.
 */
function bulletBlock(lines: readonly string[], firstBullet: number): MdRoot['children'] {
  const out: MdRoot['children'] = [];
  const withBreaks = (rows: readonly string[]): PhrasingContent[] =>
    rows.flatMap((l, i) => [...(i > 0 ? [{ type: 'break' as const }] : []), ...phrasing(l.trim())]);
  if (firstBullet > 0) out.push({ type: 'paragraph', children: withBreaks(lines.slice(0, firstBullet)) });
  const items: string[][] = [];
  for (const l of lines.slice(firstBullet)) {
    const m = BULLET.exec(l);
    if (m) items.push([m[1]!]);
    else items[items.length - 1]!.push(l);
  }
  out.push({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((rows) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: withBreaks(rows) }] })),
  });
  return out;
}

/**
 * Renders flat text (a forum page's text copied as is) to safe HTML: each
 * blank-line-separated block is a paragraph; inside a block, a hard-wrapped
 * run of lines (as mail-style text is) is joined, long lines are paragraphs of
 * their own, and other line breaks are kept.
 * Bullet lines (`• option`, as polls are copied) become a list.
 * Bare URLs become links. Never throws.
 */
export function plainToHtml(text: string): string {
  try {
    const blocks = String(text).split(/\n[ \t\u00a0]*\n+/).filter((b) => b.trim() !== '');
    const tree: MdRoot = { type: 'root', children: [] };
    for (const block of blocks) {
      const lines = block.split('\n').map((l) => l.replace(/[ \t\u00a0]+$/, ''));
      const firstBullet = lines.findIndex((l) => BULLET.test(l));
      if (firstBullet >= 0) {
        tree.children.push(...bulletBlock(lines, firstBullet));
        continue;
      }
      const wrapped = lines.length >= 3 && lines.slice(0, -1).every((l) => l.length >= 40 && l.length <= 80);
      if (!wrapped && lines.some((l) => l.length > 100)) {
        // Forum text: each line was a paragraph of its own.
        for (const l of lines) if (l.trim()) tree.children.push({ type: 'paragraph', children: phrasing(l) });
        continue;
      }
      const children: PhrasingContent[] = [];
      lines.forEach((l, i) => {
        if (i > 0) children.push(wrapped ? { type: 'text', value: ' ' } : { type: 'break' });
        children.push(...phrasing(l));
      });
      tree.children.push({ type: 'paragraph', children });
    }
    const hast = treePipeline.runSync(tree as never);
    return String(treePipeline.stringify(hast as never));
  } catch {
    return `<p>${escapeHtml(text)}</p>`;
  }
}

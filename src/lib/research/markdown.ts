/**
 * A thread as normalised Markdown, in the archive's own Markdown export
 * format (`# Title`, `## Author` per post, posts separated by a line of ten
 * dashes, a quote as `Name said:` and a `> ` blockquote), with YAML front
 * matter for its title, source and capture date. The importer reads it back
 * as the same posts, authors and quote links, whatever the capture's format.
 */

/** A piece of a post: own words, or a quote with the name it is attributed to. */
export type MarkdownSegment = { kind: 'own'; text: string } | { kind: 'quote'; author: string | null; text: string };

/** What the Markdown needs of a thread. */
export interface MarkdownThread {
  title: string;
  source: string | null;
  date: string | null;
  posts: { author: string | null; segments: MarkdownSegment[] }[];
}

/** The heading given to a post whose author the capture does not name. */
export const UNNAMED = '(author not named)';

const SEPARATOR = '----------';

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function yaml(value: string): string {
  return JSON.stringify(value);
}

/** One line of text: line breaks and leading `#` would change the structure, so they are flattened or escaped. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^#/, '\\#');
}

function blockquote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => (l.trim() === '' ? '>' : `> ${l}`))
    .join('\n');
}

/** Own words, with any line that would read as a post separator or heading escaped. */
function own(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => (/^\s*-{10,}\s*$/.test(l) ? `\\${l.trim()}` : /^##?\s/.test(l) ? `\\${l}` : l))
    .join('\n');
}

/** The thread as normalised Markdown. Pure; never throws. */
export function threadMarkdown(t: MarkdownThread): string {
  const head = ['---', `title: ${yaml(t.title)}`, 'format: markdown-export'];
  if (t.source) head.push(`source: ${yaml(t.source)}`);
  if (t.date) head.push(`date: ${yaml(t.date)}`);
  head.push('---', '', `# ${oneLine(t.title)}`, '');
  const posts = t.posts.map((p) => {
    const body = p.segments
      .map((s) => (s.kind === 'own' ? own(s.text) : `${oneLine(s.author ?? UNNAMED)} said:\n\n${blockquote(s.text)}`))
      .filter((s) => s !== '')
      .join('\n\n');
    return `## ${oneLine(p.author ?? UNNAMED)}\n\n${body}\n\n${SEPARATOR}\n`;
  });
  return `${head.join('\n')}\n${posts.join('\n')}`;
}

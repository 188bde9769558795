/**
 * Renders a generated thread as a Markdown export capture: `# Title`, then
 * posts `## Author` separated by a line of ten dashes, quotes as
 * `Name said:` followed by a `> ` blockquote of an earlier post's own words.
 */
import { paragraphLines, wordCount, type Paragraph } from './prose.js';
import { authorOf, castFor, pickSentences, pickSource, type Context, type PostTruth, type ThreadOutput, type Written } from './thread.js';

/** Own paragraphs as Markdown: lines joined by newlines, paragraphs by a blank line. */
function renderParagraphs(ps: readonly Paragraph[]): string {
  return ps.map((p) => paragraphLines(p).join('\n')).join('\n\n');
}

/** Paragraphs as a blockquote: every line prefixed `> `, blank lines inside as `> ` (trailing space kept). */
function blockquote(ps: readonly Paragraph[]): string {
  return ps.map((p) => paragraphLines(p).map((l) => `> ${l}`).join('\n')).join('\n> \n');
}

/** What follows a blockquote before the reply: 3 blank lines, 2, or 2 and a line holding one space, as in real exports. */
function gapAfterQuote(ctx: Context): string {
  const r = ctx.rng.next();
  return r < 0.55 ? '\n\n\n\n' : r < 0.95 ? '\n\n\n' : '\n\n\n \n';
}

/**
 * Generates one Markdown export thread of `length` posts.
 * @param frontMatter text put before the title ('' for none)
 */
export function markdownThread(ctx: Context, title: string, length: number, frontMatter: string): ThreadOutput {
  const { rng, prose } = ctx;
  const cast = castFor(ctx, length);
  const written: Written[] = [];
  const truths: PostTruth[] = [];
  const chunks: string[] = [];
  let previous = null;
  for (let i = 0; i < length; i++) {
    const person = authorOf(ctx, cast, i, previous);
    previous = person;
    const own: Paragraph[] = [];
    const quotes: number[] = [];
    const parts: string[] = [];
    const wanted = i > 0 && rng.chance(0.42) ? (rng.chance(0.7) ? 1 : rng.chance(0.65) ? 2 : rng.int(3, 4)) : 0;
    if (wanted > 0 && rng.chance(0.15)) {
      const lead = prose.body(true, 0.6);
      own.push(...lead);
      parts.push(renderParagraphs(lead));
    }
    for (let q = 0; q < wanted; q++) {
      const src = pickSource(ctx, written, person);
      if (!src) break;
      let quoted: Paragraph[] | null = null;
      if (rng.chance(0.4) && src.own.length <= 3) quoted = src.own;
      else {
        const run = pickSentences(rng, src);
        quoted = run ? [[run]] : src.own;
      }
      const old = src.person.oldName !== null && rng.chance(0.5);
      const name = old ? src.person.oldName! : src.person.name;
      if (old) {
        ctx.quotes.explicitOldName++;
        ctx.renamedUsed.add(src.person.id);
      } else ctx.quotes.explicit++;
      const reply = prose.body(true, 0.7);
      own.push(...reply);
      quotes.push(src.n);
      parts.push(`${name} said:\n\n\n${blockquote(quoted)}${gapAfterQuote(ctx)}${renderParagraphs(reply)}`);
    }
    if (parts.length === 0 || quotes.length === 0) {
      const body = prose.body(true);
      own.push(...body);
      parts.push(renderParagraphs(body));
    }
    chunks.push(`## ${person.name}\n\n${parts.join('\n\n\n')}\n\n\n----------\n`);
    ctx.shown.add(person.name);
    ctx.named.add(person.id);
    ctx.posting.add(person.id);
    written.push({ n: i + 1, person, own, words: wordCount(own) });
    truths.push({ author: person.name, evidence: 'heading', edited: false, quotes });
  }
  return { text: `${frontMatter}# ${title}\n\n\n\n${chunks.join('\n\n\n')}\n`, posts: truths };
}

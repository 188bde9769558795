/**
 * Renders a generated thread as a flat-text capture (text copied from a forum
 * page): the title line, a blank line, then posts separated by a line holding
 * only a no-break space, and `Top` at the end. Some posts open with a user
 * block (name, blank line, badges); most do not. Quotes carry no markers: the
 * quoted passage of an earlier post is simply repeated before the answer.
 */
import { sentenceLength, wordCount, type Paragraph } from './prose.js';
import { authorOf, castFor, MIN_QUOTE_WORDS, pickSource, sentenceWords, type Context, type PostTruth, type ThreadOutput, type Written } from './thread.js';

/** The line separating posts. */
export const NBSP_LINE = '\u00a0';

/** Splits sentences into `k` consecutive runs of at least `min` words each, or null. */
function cut(ss: readonly string[], k: number, min: number): string[][] | null {
  const runs: string[][] = [];
  let cur: string[] = [];
  const total = sentenceWords(ss);
  const target = total / k;
  let words = 0;
  for (const s of ss) {
    cur.push(s);
    words += sentenceLength(s);
    if (runs.length < k - 1 && words >= target && sentenceWords(cur) >= min) {
      runs.push(cur);
      cur = [];
      words = 0;
    }
  }
  if (cur.length) runs.push(cur);
  return runs.length === k && runs.every((r) => sentenceWords(r) >= min) ? runs : null;
}

/**
 * Generates one flat-text thread of `length` posts.
 * @param frontMatter text put before the title line ('' for none)
 */
export function plainThread(ctx: Context, title: string, length: number, frontMatter: string): ThreadOutput {
  const { rng, prose } = ctx;
  const cast = castFor(ctx, length);
  const written: Written[] = [];
  const truths: PostTruth[] = [];
  const chunks: string[] = [];
  let previous = null;
  let editedBefore = false;
  for (let i = 0; i < length; i++) {
    const person = authorOf(ctx, cast, i, previous);
    previous = person;
    const own: Paragraph[] = [];
    const quotes: number[] = [];
    const pieces: string[] = [];
    const say = (ps: Paragraph[]): string => {
      own.push(...ps);
      return ps.map((p) => p.map((l) => l.join(' ')).join(' ')).join(rng.chance(0.7) ? '\n' : '\n\n');
    };
    const groups = i > 0 && rng.chance(0.4) ? (rng.chance(0.8) ? 1 : 2) : 0;
    if (groups > 0 && rng.chance(0.2)) pieces.push(say(prose.body(false, 0.6)));
    for (let g = 0; g < groups; g++) {
      const src = pickSource(ctx, written, person);
      if (!src) break;
      const join = rng.chance(0.85) ? '\n' : '\n\n';
      const para = rng.pick(src.own)[0]!;
      const r = rng.next();
      if (r < 0.15 && src.own.length <= 2) {
        ctx.quotes.plainWholePost++;
        quotes.push(src.n);
        pieces.push(`${src.own.map((p) => p[0]!.join(' ')).join('\n')}${join}${say(prose.body(false, 0.5))}`);
        continue;
      }
      const runs = r < 0.55 && para.length >= 2 ? cut(para, Math.min(para.length, rng.int(1, 3)), MIN_QUOTE_WORDS) : null;
      if (runs && (runs.length > 1 || runs[0]!.length < para.length)) {
        // Part of a paragraph: one or several cuts, each followed by its answer.
        const kept = runs.length === 1 ? [runs[0]!.slice(0, rng.int(1, runs[0]!.length - 1))] : runs;
        for (const run of kept) {
          if (sentenceWords(run) < MIN_QUOTE_WORDS) continue;
          ctx.quotes.plainPart++;
          quotes.push(src.n);
          pieces.push(`${run.join(' ')}${join}${say(prose.body(false, 0.4))}`);
        }
        continue;
      }
      if (sentenceWords(para) < MIN_QUOTE_WORDS) continue;
      ctx.quotes.plainParagraph++;
      quotes.push(src.n);
      pieces.push(`${para.join(' ')}${join}${say(prose.body(false, 0.5))}`);
    }
    if (quotes.length === 0) pieces.push(say(prose.body(false)));
    const userBlock = rng.chance(0.3) || (person.signs && !ctx.shown.has(person.name));
    const edited = i > 0 && i < length - 1 && rng.chance(0.06);
    let chunk = editedBefore ? 'Last edited:\n' : '';
    if (userBlock) {
      chunk += `${i === 0 ? '' : '\n'}${person.name}\n\n${person.badges.join('\n')}\n`;
      ctx.shown.add(person.name);
    }
    chunk += pieces.join(rng.chance(0.6) ? '\n' : '\n\n');
    if (person.signs) chunk += `\n\n${person.name}`;
    chunks.push(chunk);
    editedBefore = edited;
    const author = userBlock || person.signs ? person.name : null;
    if (author) ctx.named.add(person.id);
    ctx.posting.add(person.id);
    written.push({ n: i + 1, person, own, words: wordCount(own) });
    truths.push({ author, evidence: userBlock ? 'user-block' : person.signs ? 'signature' : null, edited, quotes });
  }
  return { text: `${frontMatter}${title}\n\n${chunks.join(`\n${NBSP_LINE}\n`)}\n${NBSP_LINE}\nTop`, posts: truths };
}

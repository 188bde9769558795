/**
 * Discourse's `raw` post source (the Markdown a poster typed, as the topic
 * feed's channel description and the JSON's `raw` give it): Markdown with
 * BBCode quotes, `[quote="name, post:3, topic:45"] … [/quote]`, which may
 * nest. Top-level quotes become quotes whose `post:` names the source; a
 * quote inside a quote stays in its text as `name said:` and a blockquote.
 * Never throws.
 */
import type { Quote, Segment } from '../../model.js';

/** A `[quote]` or `[quote="…"]` opening tag, or a `[/quote]` closing one. */
const TAG = /\[quote(?:=(?:"([^"\]]*)"|([^\]]*)))?\]|\[\/quote\]/gi;

/** What a quote tag's parameters say: `name, post:3, topic:45` (any order after the name). */
export function quoteParams(params: string | undefined): { name: string | null; post: number | null; topic: number | null } {
  const parts = (params ?? '').split(',').map((p) => p.trim());
  const field = (key: string) => {
    const hit = parts.find((p) => p.toLowerCase().startsWith(`${key}:`));
    const n = hit ? Number(hit.slice(key.length + 1).trim()) : NaN;
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const name = parts[0] && !/^\w+:/.test(parts[0]) ? parts[0] : null;
  return { name, post: field('post'), topic: field('topic') };
}

/** A quote of the raw source: its tag's parameters and its text (nested quotes already turned into blockquotes). */
interface RawQuote {
  params: string | undefined;
  text: string;
}

/** Markdown blockquote of a text (every line prefixed with `> `). */
const blockquote = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');

/** Splits raw source into own-text pieces and top-level quotes, in order. Unclosed quotes run to the end; a stray `[/quote]` stays as text. */
function scan(raw: string): ({ own: string } | { quote: RawQuote })[] {
  const out: ({ own: string } | { quote: RawQuote })[] = [];
  // One frame per open quote: its opening tag, and the text gathered in it so far.
  const stack: { params: string | undefined; text: string }[] = [];
  let last = 0;
  const add = (s: string) => {
    const top = stack[stack.length - 1];
    // After a nested quote (which ends with a blank line), the text goes on without another.
    if (top) top.text += top.text.endsWith('\n\n') ? s.replace(/^\n+/, '') : s;
    else if (s) out.push({ own: s });
  };
  for (const m of raw.matchAll(TAG)) {
    const at = m.index ?? 0;
    add(raw.slice(last, at));
    last = at + m[0].length;
    if (!m[0].startsWith('[/')) {
      stack.push({ params: m[1] ?? m[2], text: '' });
      continue;
    }
    const done = stack.pop();
    if (!done) {
      add(m[0]);
      continue;
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      const { name } = quoteParams(done.params);
      parent.text += `\n\n${name ? `${name} said:\n\n` : ''}${blockquote(done.text.trim())}\n\n`;
    } else out.push({ quote: { params: done.params, text: done.text.trim() } });
  }
  add(raw.slice(last));
  while (stack.length > 0) {
    const open = stack.pop()!;
    const parent = stack[stack.length - 1];
    if (parent) parent.text += `\n\n${blockquote(open.text.trim())}`;
    else out.push({ quote: { params: open.params, text: open.text.trim() } });
  }
  return out;
}

/**
 * Reads raw post source into segments and quotes.
 * @param options.topic the topic's id (a quote naming another topic gets no source), or null
 * @param options.has true when the capture holds post `n`
 * @param options.line the 1-based capture line of the whole source
 */
export function readRaw(raw: string, options: { topic: number | null; has: (n: number) => boolean; line: number }): { segments: Segment[]; quotes: Quote[] } {
  const segments: Segment[] = [];
  const quotes: Quote[] = [];
  for (const piece of scan(String(raw ?? ''))) {
    if ('own' in piece) {
      const text = piece.own.trim();
      if (text) segments.push({ kind: 'own', text, line: options.line });
      continue;
    }
    const { name, post, topic } = quoteParams(piece.quote.params);
    const elsewhere = topic !== null && options.topic !== null && topic !== options.topic;
    quotes.push({
      author: name,
      text: piece.quote.text,
      sourcePost: post !== null && !elsewhere && options.has(post) ? post : null,
      sourceThread: null,
      reconstructed: false,
      line: options.line,
    });
    segments.push({ kind: 'quote', quote: quotes.length - 1 });
  }
  return { segments, quotes };
}

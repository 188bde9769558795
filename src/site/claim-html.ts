/**
 * A post's own words as HTML with each claim wrapped in
 * `<span class="claim" id="post-N-cK">` (the id on thread pages only), so a
 * claim has an anchor on its post. Markers are put into the text before it is
 * rendered and turned into tags after; when a claim's markers do not come
 * back as text inside one element (a claim running into a link address, or
 * across emphasis), its anchor is an empty span at the start of the segment.
 */
import { cachedHtml } from './render-cache';
import { claimsOf } from './research';
import type { PostEntry } from './archive';

const OPEN = '\u2e28';
const CLOSE = '\u2e29';

/** Own-words segment `i` of a post as HTML, with its claims marked. `anchors`: give each claim its `post-N-cK` id. */
export function ownHtml(post: PostEntry, i: number, plain: boolean, anchors: boolean): string {
  const segs = post.data.segments;
  const seg = segs[i];
  if (!seg || seg.kind !== 'own') return '';
  const claims = (post.data as { claims?: { start: number; end: number }[] }).claims ?? [];
  if (claims.length === 0) return cachedHtml(`${post.id}#${i}`, seg.text, plain);
  // Where this segment sits in the post's own words (own segments joined by blank lines).
  let at = 0;
  for (let j = 0; j < i; j++) {
    const s = segs[j]!;
    if (s.kind === 'own') at += s.text.length + 2;
  }
  const end = at + seg.text.length;
  const views = claimsOf(post);
  const mine = claims.map((c, j) => ({ ...c, view: views[j]! })).filter((c) => c.start >= at && c.end <= end);
  if (mine.length === 0 || seg.text.includes(OPEN) || seg.text.includes(CLOSE)) return cachedHtml(`${post.id}#${i}`, seg.text, plain);
  let text = '';
  let last = 0;
  for (const c of mine) {
    text += seg.text.slice(last, c.start - at) + OPEN + seg.text.slice(c.start - at, c.end - at) + CLOSE;
    last = c.end - at;
  }
  text += seg.text.slice(last);
  const html = cachedHtml(`${post.id}#${i}#claims`, text, plain);
  return placeSpans(html, mine.map((c) => c.view), anchors, () => cachedHtml(`${post.id}#${i}`, seg.text, plain));
}

function placeSpans(html: string, claims: { k: number; anchor: string }[], anchors: boolean, unmarked: () => string): string {
  const parts = html.split(OPEN);
  if (parts.length !== claims.length + 1) return fallback(unmarked(), claims, anchors);
  let out = parts[0]!;
  const lost: typeof claims = [];
  for (let j = 0; j < claims.length; j++) {
    const c = claims[j]!;
    const part = parts[j + 1]!;
    const close = part.indexOf(CLOSE);
    const inner = close >= 0 ? part.slice(0, close) : '';
    // Kept short: a thread page can hold hundreds of claims. The map page says which rule found each.
    const attrs = anchors ? `id="${c.anchor}" class="claim"` : 'class="claim"';
    if (close >= 0 && balanced(inner) && !insideTag(out)) out += `<span ${attrs}>${inner}</span>${part.slice(close + 1)}`;
    else {
      lost.push(c);
      out += part.replace(CLOSE, '');
    }
  }
  if (out.includes(OPEN) || out.includes(CLOSE) || lost.length === claims.length && lost.length > 0) return fallback(unmarked(), claims, anchors);
  if (lost.length > 0 && anchors) out = lost.map((c) => `<span id="${c.anchor}"></span>`).join('') + out;
  return out;
}

function fallback(html: string, claims: { anchor: string }[], anchors: boolean): string {
  return anchors ? claims.map((c) => `<span id="${c.anchor}"></span>`).join('') + html : html;
}

/** True when an HTML fragment opens and closes the same elements (void elements aside) and holds no marker inside a tag. */
function balanced(fragment: string): boolean {
  const stack: string[] = [];
  for (const m of fragment.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (m[3] || /^(?:br|hr|img|wbr|input)$/.test(name)) continue;
    if (m[1]) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0 && !/<[^>]*$/.test(fragment);
}

/** True when the HTML so far ends inside a tag (a marker landed in an attribute). */
function insideTag(html: string): boolean {
  return html.lastIndexOf('<') > html.lastIndexOf('>');
}

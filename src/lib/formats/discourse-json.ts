/**
 * Discourse topics as the topic JSON (`/t/<id>.json`, `/t/<id>/posts.json`):
 * `post_stream.posts[]`, each with `username`, `name`, `post_number`,
 * `created_at`, `reply_to_post_number` and the rendered post, `cooked`.
 *
 * Discourse numbers its posts, so a post's number is its `post_number`
 * (numbers may be skipped: deleted posts are left out), and posts go in that
 * order whatever the file order. `reply_to_post_number` gives `replyTo`.
 * Quotes are `aside.quote` in the cooked HTML (see `discourse/cooked.ts`),
 * whose `data-post` names the source exactly. Moderator notices ("closed this
 * topic", post type 3) are not posts. The JSON holds at most a page of
 * posts: when `post_stream.stream` lists more, the rest are reported missing.
 */
import type { Diagnostic, Post } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { at, elements, member, numberAt, readJsonCapture, stringAt, type JsonNode } from '../read/json-tree.js';
import { claimSpans } from '../accounting/offset-claims.js';
import { cookedNodes, readCooked } from './discourse/cooked.js';
import { readRaw } from './discourse/raw.js';
import { checkQuoteSources } from './discourse/checks.js';
import { assignNumbers } from './discourse/numbering.js';
import { isoFromTimestamp } from '../text/timestamps.js';
import { makePost } from './common/post.js';
import { headText } from '../text/head.js';

/** Discourse's post type for moderator notices ("closed this topic", "split this topic"), which are not posts. */
const SMALL_ACTION = 3;

/** The topic object, wherever the file keeps it (`{post_stream}` or `{topic: {post_stream}}`). */
function topicOf(root: JsonNode | undefined): JsonNode | undefined {
  if (member(root, 'post_stream')) return root;
  const inner = member(root, 'topic');
  return member(inner, 'post_stream') ? inner : undefined;
}

/**
 * Splits Discourse topic JSON into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the front matter
 * @param ledger records which lines went where
 */
export function splitDiscourseJson(lines: string[], start: number, ledger: Ledger): FormatResult {
  const { text, tree, lineOf, damage, claims, claim } = readJsonCapture(lines, start, 'Discourse topic JSON');
  const diagnostics: Diagnostic[] = damage ? [damage] : [];
  const topic = topicOf(tree.root);
  const all = elements(at(topic, 'post_stream', 'posts')).filter((p) => p.type === 'object');
  const notices = all.filter((p) => numberAt(p, 'post_type') === SMALL_ACTION);
  const kept = all.filter((p) => !notices.includes(p));
  const numbered = assignNumbers(
    kept.map((p) => numberAt(p, 'post_number')),
    kept.map((p) => lineOf(p.offset)),
    'post_number',
  );
  diagnostics.push(...numbered.diagnostics);
  const entries = kept.map((node, i) => ({ node, n: numbered.numbers[i]! })).sort((a, b) => a.n - b.n);
  const present = new Set(entries.map((e) => e.n));
  const has = (n: number) => present.has(n);
  const topicId = numberAt(topic, 'id') ?? (all[0] ? numberAt(all[0], 'topic_id') : null);
  let otherTopic = 0;
  let orphans = 0;
  const posts: Post[] = entries.map(({ node, n }) => {
    const cooked = stringAt(node, 'cooked');
    const raw = stringAt(node, 'raw');
    const bodyKey = cooked !== null && (cooked.trim() || raw === null) ? 'cooked' : 'raw';
    claim(node, bodyKey, 'post');
    const bodyLine = lineOf(member(node, bodyKey)?.offset ?? node.offset);
    let body: { segments: Post['segments']; quotes: Post['quotes'] };
    if (bodyKey === 'cooked') {
      const read = readCooked(cookedNodes(cooked ?? ''), { topic: topicId, has, lineOf: () => bodyLine });
      otherTopic += read.otherTopic;
      body = read;
    } else body = readRaw(raw ?? '', { topic: topicId, has, line: bodyLine });
    const username = stringAt(node, 'username');
    const name = stringAt(node, 'name');
    const author = username?.trim() ? username.trim() : name?.trim() ? name.trim() : null;
    claim(node, 'username', 'author');
    const badges: string[] = [];
    if (name?.trim() && name.trim() !== author) {
      badges.push(name.trim());
      claim(node, 'name', 'badge');
    }
    const userTitle = stringAt(node, 'user_title');
    if (userTitle?.trim()) {
      badges.push(userTitle.trim());
      claim(node, 'user_title', 'badge');
    }
    const date = isoFromTimestamp(stringAt(node, 'created_at'));
    if (date) claim(node, 'created_at', 'post-date');
    const version = numberAt(node, 'version');
    const edited = version !== null && version > 1;
    if (edited) claim(node, 'version', 'edited-marker');
    const parent = numberAt(node, 'reply_to_post_number');
    let replyTo: number | null = null;
    if (parent !== null && parent !== n) {
      if (present.has(parent)) {
        replyTo = parent;
        claim(node, 'reply_to_post_number', 'reply-to');
      } else orphans++;
    }
    return makePost({ n, author, badges, edited, date, replyTo, line: lineOf(node.offset), segments: body.segments, quotes: body.quotes });
  });
  const titleKey = stringAt(topic, 'title') !== null ? 'title' : 'fancy_title';
  const title = stringAt(topic, titleKey);
  claim(topic, titleKey, 'title');
  for (const p of notices) claims.push({ start: p.offset, end: p.offset + p.length, kind: 'moderator-notice' });
  claimSpans(ledger, text, start, claims, { structure: 'json-structure', other: 'json-field' });
  diagnostics.push(...checkQuoteSources(posts, otherTopic));
  diagnostics.push(...notes({ topic, all: all.length, notices: notices.length, orphans, lineOf }));
  if (title?.trim()) return { title: title.trim(), posts, diagnostics };
  // posts.json holds no title: the topic's slug, made readable, stands in for it.
  const slug = kept.map((p) => stringAt(p, 'topic_slug')).find((x) => x?.trim());
  return { title: slug ? slug.replace(/[-_]+/g, ' ').trim() : null, titleInferred: true, posts, diagnostics };
}

/** What the reader should know: posts the JSON did not load, moderator notices left out, replies to posts not in the capture. */
function notes(c: { topic: JsonNode | undefined; all: number; notices: number; orphans: number; lineOf: (o: number) => number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const streamNode = at(c.topic, 'post_stream', 'stream');
  const stream = elements(streamNode).length;
  if (stream > c.all) {
    const missing = stream - c.all;
    out.push({
      rule: 'posts-not-loaded',
      severity: 'warning',
      message: `The topic lists ${stream} posts (post_stream.stream) but the capture holds ${c.all}: Discourse's topic JSON carries one page of posts at a time, so ${missing} post${missing === 1 ? ' is' : 's are'} not in the archive. Save the others (for example with /t/<id>/posts.json?post_ids[]=…) and import them too.`,
      line: c.lineOf(streamNode?.offset ?? 0),
    });
  }
  if (c.notices > 0) {
    out.push({
      rule: 'moderator-notice',
      severity: 'info',
      message: `${c.notices} moderator notice${c.notices === 1 ? '' : 's'} ("closed this topic" and the like, post type 3) ${c.notices === 1 ? 'is' : 'are'} not a post and ${c.notices === 1 ? 'was' : 'were'} left out; post numbers are Discourse's own, so no other post moves.`,
      line: null,
    });
  }
  if (c.orphans > 0) {
    out.push({
      rule: 'reply-parent-missing',
      severity: 'info',
      message: `${c.orphans} post${c.orphans === 1 ? ' answers a post' : 's answer posts'} that ${c.orphans === 1 ? 'is' : 'are'} not in the capture (reply_to_post_number). ${c.orphans === 1 ? 'It is' : 'They are'} shown as replying to nothing.`,
      line: null,
    });
  }
  return out;
}

/**
 * Confidence that lines are Discourse topic JSON: 0.95 when the text is JSON
 * with a `post_stream` and posts carrying `post_number` and `cooked` (or
 * `raw`), else 0.
 */
export function detectDiscourseJson(lines: readonly string[]): number {
  const head = headText(lines);
  if (!/^\s*\{/.test(head)) return 0;
  return /"post_stream"\s*:/.test(head) && /"post_number"\s*:/.test(head) && /"(?:cooked|raw)"\s*:/.test(head) ? 0.95 : 0;
}

/** Discourse topic JSON (`discourse-json`). */
export const discourseJson: CaptureFormatPlugin = {
  name: 'discourse-json',
  label: 'Discourse topic JSON',
  kind: 'thread',
  markdown: true,
  reconstructQuotes: false,
  signatures: false,
  oneLine: true,
  detect: detectDiscourseJson,
  split: splitDiscourseJson,
};

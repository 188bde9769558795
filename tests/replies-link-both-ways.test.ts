/**
 * Replies are linked both ways, as a reader sees them: a post that answers
 * another shows "in reply to #3 Name" (on thread and permalink pages), its
 * parent lists "Replies: #5, #7", every such link lands on the post, and the
 * data files carry `replyTo` and `replies`. Formats that number their posts
 * (Discourse) keep those numbers, gaps included: thread pages, permalinks and
 * previous/next links follow them. Built from the reddit JSON, Discourse JSON
 * and Discourse feed fixtures, plus a topic whose numbers skip a whole page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, ROOT } from './helpers/site.js';
import { attr, filesOf, idsOf, readHtml, resolveLink, select, selectAll, toString } from './helpers/html.js';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { crossLinks, postKey } from '../src/lib/cross-links.js';
import type { Archive, Post } from '../src/lib/model.js';

const CONTENT = join(ROOT, '.tmp/content-replies');
let site = '';

/** A Discourse topic whose posts are numbered 1, 2 and 120 (posts 3–119 are not in the capture), 120 answering 2. */
function gappedTopic(): string {
  const post = (n: number, user: string, text: string, replyTo: number | null) => ({ id: 7000 + n, username: user, name: '', created_at: '2022-01-0' + (n === 120 ? 3 : n) + 'T08:00:00.000Z', cooked: `<p>${text}</p>`, post_number: n, post_type: 1, reply_to_post_number: replyTo, version: 1, topic_id: 77 });
  return JSON.stringify({
    id: 77,
    title: 'What if the Library of Pergamon had outlived Alexandria?',
    post_stream: {
      posts: [
        post(1, 'attalid', 'Parchment was invented for this library, or so the story goes.', null),
        post(2, 'eumenes_ii', 'The story is late and probably wrong, but Pergamon did have the second collection of the world.', 1),
        post(120, 'antony_gift', 'Antony gave its scrolls to Cleopatra, which is why nothing survived at Pergamon itself.', 2),
      ],
    },
  });
}

beforeAll(async () => {
  rmSync(CONTENT, { recursive: true, force: true });
  mkdirSync(CONTENT, { recursive: true });
  for (const f of ['reddit-json/thread.json', 'discourse-json/topic.json', 'discourse-rss/topic.rss']) cpSync(join(ROOT, 'tests/fixtures', f), join(CONTENT, f.replace('/', '-')));
  writeFileSync(join(CONTENT, 'gapped.json'), gappedTopic());
  ({ outDir: site } = await buildSite({ outDir: '.tmp/site-replies', content: '.tmp/content-replies' }));
});

/** The data file and folder of the thread whose title starts with `title`. */
function thread(title: string): { slug: string; data: { posts: { n: number; author: string | null; replyTo: number | null; replies: number[] }[] } } {
  const index = JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8')) as { documents: { slug: string; title: string }[] };
  const slug = index.documents.find((d) => d.title.startsWith(title))!.slug;
  return { slug, data: JSON.parse(readFileSync(join(site, `data/threads/${slug}.json`), 'utf8')) };
}

describe('replies', () => {
  it('are listed forward in thread order even when a parent stands after its replies', () => {
    const post = (n: number, replyTo: number | null): Post => ({ n, author: null, authorEvidence: null, badges: [], edited: false, date: null, replyTo, line: n, text: '', segments: [], quotes: [] });
    const doc = { slug: 's', posts: [post(1, 3), post(2, 3), post(3, null), post(4, 1), post(5, 9), post(6, 6)] };
    const links = crossLinks({ documents: [doc], authors: [], sharedPassages: [] } as unknown as Archive);
    expect(links.replies.get(postKey('s', 3))).toEqual([1, 2]);
    expect(links.replies.get(postKey('s', 1))).toEqual([4]);
    expect(links.replies.has(postKey('s', 9))).toBe(false);
    expect(links.replies.has(postKey('s', 6))).toBe(false);
  });

  it('are carried by the data files', () => {
    const r = thread('What if the Library of Alexandria').data;
    expect(r.posts.map((p) => [p.n, p.replyTo, p.replies])).toEqual([
      [1, null, [2, 6]],
      [2, 1, [3, 5]],
      [3, 2, [4]],
      [4, 3, []],
      [5, 2, []],
      [6, 1, []],
    ]);
    const d = thread('What if Byzantium').data;
    expect(d.posts.map((p) => [p.n, p.replyTo, p.replies])).toEqual([
      [1, null, []],
      [2, null, [3]],
      [3, 2, [6]],
      [6, 3, []],
      [7, null, []],
    ]);
  });

  it('are shown on thread pages as "in reply to #n Name" and "Replies: #n", with links that land on the posts', () => {
    const { slug } = thread('What if the Library of Alexandria');
    const page = `t/${slug}/index.html`;
    const tree = readHtml(join(site, page));
    const ids = idsOf(tree);
    const p3 = select('article#post-3', tree)!;
    const re = select('header .re', p3)!;
    expect(toString(re)).toBe('in reply to #2 scroll_keeper');
    const p2 = select('article#post-2', tree)!;
    expect(toString(select('footer .rp', p2)!)).toBe('Replies: #3, #5');
    for (const a of [...selectAll('.re a', tree), ...selectAll('.rp a', tree)]) {
      const to = resolveLink(attr(a, 'href'), page);
      expect(to?.file).toBe(page);
      expect(ids.has(to!.hash), attr(a, 'href')).toBe(true);
    }
  });

  it('are shown on permalink pages, with links into the thread', () => {
    const { slug } = thread('What if the Library of Alexandria');
    const page = `t/${slug}/5/index.html`;
    const tree = readHtml(join(site, page));
    const a = select('article#post .re a', tree)!;
    expect(toString(a)).toBe('#2 scroll_keeper');
    expect(resolveLink(attr(a, 'href'), page)).toEqual({ file: `t/${slug}/index.html`, hash: 'post-2' });
  });
});

describe('pages with replies, from JSON and feeds', () => {
  it('pass html-validate', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const f of filesOf(site, '.html').filter((x) => x.startsWith('t/'))) {
      const report = await validator.validateString(readFileSync(join(site, f), 'utf8'), join(ROOT, 'site', f));
      for (const r of report.results) for (const m of r.messages) if (m.severity === 2) problems.push(`${f}:${m.line}:${m.column} [${m.ruleId}] ${m.message}`);
    }
    expect(problems.slice(0, 20), `${problems.length} errors`).toEqual([]);
  });
});

describe('posts that keep their own numbers', () => {
  it('get permalinks under those numbers, and previous/next links that skip the gaps', () => {
    const { slug } = thread('What if Byzantium');
    for (const n of [1, 2, 3, 6, 7]) expect(existsSync(join(site, `t/${slug}/${n}/index.html`)), `#${n}`).toBe(true);
    for (const n of [4, 5]) expect(existsSync(join(site, `t/${slug}/${n}/index.html`)), `#${n}`).toBe(false);
    const tree = readHtml(join(site, `t/${slug}/6/index.html`));
    expect(selectAll('.prevnext a', tree).map((a) => [attr(a, 'rel'), toString(a)])).toEqual([
      ['prev', '← #3 varangian_guard'],
      ['next', '#7 Psellos_1078 →'],
    ]);
    expect(toString(select('h1', tree)!)).toBe('Post #6 of 7 by komnenos_fan');
  });

  it('stand on the thread page their number falls on, and a page the capture has no post for says so', () => {
    const { slug } = thread('What if the Library of Pergamon');
    const p1 = readHtml(join(site, `t/${slug}/index.html`));
    expect(selectAll('article.post', p1).map((a) => attr(a, 'id'))).toEqual(['post-1', 'post-2']);
    const p2 = readHtml(join(site, `t/${slug}/page/2/index.html`));
    expect(selectAll('article.post', p2)).toEqual([]);
    expect(toString(select('.posts .note', p2)!)).toBe('The capture holds none of the posts numbered 51 to 100.');
    const p3 = readHtml(join(site, `t/${slug}/page/3/index.html`));
    expect(selectAll('article.post', p3).map((a) => attr(a, 'id'))).toEqual(['post-120']);
    expect(toString(select('article#post-120 .re', p3)!)).toBe('in reply to #2 eumenes_ii');
    // Every link to a post of this thread, on any of its pages, lands on an anchor that exists.
    for (const page of filesOf(join(site, `t/${slug}`), '.html').map((f) => `t/${slug}/${f}`)) {
      for (const a of selectAll('main a[href*="#post-"]', readHtml(join(site, page)))) {
        const to = resolveLink(attr(a, 'href'), page)!;
        expect(idsOf(readHtml(join(site, to.file))).has(to.hash), `${page} → ${attr(a, 'href')}`).toBe(true);
      }
    }
  });
});

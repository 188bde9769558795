/**
 * The benchmark's Hugo peer (scripts/bench/peer-hugo.ts) writes the corpus of
 * a posts.jsonl as a Hugo site with our pages at our URLs: a thread of 120
 * posts is 3 thread pages (/t/<slug>/, /page/2/, /page/3/) and 120 post pages,
 * each author has a page listing their posts. When hugo is installed, Hugo
 * builds exactly that many pages and Pagefind indexes every post once; when it
 * is not, the peer is skipped with a reason, not an error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath, planHugoSite, readPostsJsonl, runHugoPeer, writeHugoSite, type PeerPost } from '../scripts/bench/peer-hugo.js';

const LONG = 'the-long-harvest-debate';
const SHORT = 'a-short-exchange-on-canals';

/** A corpus of two threads: 120 posts by two named authors and an unknown one, and 3 posts; one post quotes Hugo's shortcode syntax. */
function corpus(): PeerPost[] {
  const names = [
    ['Orchard Keeper', 'orchard-keeper'],
    ['Millwright', 'millwright'],
    [null, null],
  ] as const;
  const long = Array.from({ length: 120 }, (_, i): PeerPost => {
    const [author, authorSlug] = names[i % 3]!;
    return { thread: LONG, threadTitle: 'The long harvest debate', n: i + 1, author, authorSlug, text: `Post ${i + 1} argues that the *harvest* of year ${1800 + i} decided it.`, date: i % 2 ? '2004-05-06' : null };
  });
  const short = [1, 2, 3].map((n): PeerPost => ({ thread: SHORT, threadTitle: 'A short exchange on canals', n, author: 'Millwright', authorSlug: 'millwright', text: n === 2 ? 'In Hugo one writes {{< canal >}} for a shortcode.' : `Canal post ${n}.`, date: null }));
  return [...long, ...short];
}

let dir = '';
let jsonl = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peer-hugo-'));
  jsonl = join(dir, 'posts.jsonl');
  writeFileSync(jsonl, `${corpus().map((p) => JSON.stringify({ ...p, url: `/t/${p.thread}/${p.n}/`, quotes: [] })).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The JSON front matter of a content file. */
function front(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return JSON.parse(text.slice(0, text.indexOf('\n}\n') + 2)) as Record<string, unknown>;
}

describe('the Hugo peer of the benchmark', () => {
  it('writes a content file per thread and per post, with our URLs and the thread page of each post', async () => {
    const posts = await readPostsJsonl(jsonl);
    expect(posts).toHaveLength(123);
    const site = join(dir, 'site');
    const plan = writeHugoSite(posts, site);
    expect(plan.expected).toEqual({ front: 1, authorsIndex: 1, authors: 2, threadPages: 3 + 1, pageOneRedirects: 2, posts: 123, total: 133 });
    expect(front(join(site, 'content/t', LONG, '_index.md')).url).toBe(`/t/${LONG}/`);
    const postFiles = readdirSync(join(site, 'content/t', LONG)).filter((f) => /^\d+\.md$/.test(f));
    expect(postFiles).toHaveLength(120);
    for (const [n, page] of [[1, `/t/${LONG}/`], [50, `/t/${LONG}/`], [51, `/t/${LONG}/page/2/`], [120, `/t/${LONG}/page/3/`]] as const) {
      const fm = front(join(site, 'content/t', LONG, `${n}.md`));
      expect(fm.url).toBe(`/t/${LONG}/${n}/`);
      expect(fm.threadPage).toBe(page);
    }
    expect(front(join(site, 'content/t', LONG, '3.md')).authors).toBeUndefined();
    expect(front(join(site, 'content/t', LONG, '1.md')).authors).toEqual(['orchard-keeper']);
    expect(front(join(site, 'content/authors/millwright/_index.md'))).toMatchObject({ title: 'Millwright', url: '/authors/millwright/' });
    expect(readFileSync(join(site, 'content/t', SHORT, '2.md'), 'utf8')).not.toContain('{{<');
  });

  it('names the line and the field when posts.jsonl is not ours', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(corpus()[0])}\n{"thread":"x","threadTitle":"X","n":0,"text":""}\n`);
    await expect(readPostsJsonl(bad)).rejects.toThrow(/bad\.jsonl line 2: `n` is not a post number.*rebuild the site/);
  });

  it('is skipped with a reason, not an error, when hugo is not on PATH', async () => {
    const path = process.env.PATH;
    const said: string[] = [];
    process.env.PATH = dir;
    try {
      expect(await runHugoPeer({ postsJsonl: jsonl, work: join(dir, 'skipped'), log: (l) => said.push(l) })).toBeNull();
    } finally {
      process.env.PATH = path;
    }
    expect(said.join('\n')).toMatch(/skipped: `hugo` is not on PATH.*Install Hugo/);
  });

  it('builds with hugo to exactly those pages, and Pagefind indexes each post once', async (ctx) => {
    if (!findOnPath('hugo')) {
      process.stdout.write('peer-benchmark test: hugo is not on PATH, so the Hugo build is not checked (install hugo to check it)\n');
      ctx.skip();
    }
    const said: string[] = [];
    const r = await runHugoPeer({ postsJsonl: jsonl, work: join(dir, 'peer'), log: (l) => said.push(l) });
    expect(r, said.join('\n')).not.toBeNull();
    const pub = join(r!.site, 'public');
    expect(r!.pages, said.join('\n')).toBe(planHugoSite(corpus()).expected.total);
    for (const page of ['index.html', `t/${LONG}/index.html`, `t/${LONG}/page/2/index.html`, `t/${LONG}/page/3/index.html`, `t/${LONG}/120/index.html`, 'authors/index.html', 'authors/orchard-keeper/index.html']) {
      expect(existsSync(join(pub, page)), page).toBe(true);
    }
    expect(existsSync(join(pub, `t/${LONG}/page/4/index.html`))).toBe(false);
    expect(existsSync(join(pub, 't/index.html')), 'the /t/ section is no page of ours').toBe(false);
    expect(readdirSync(join(pub, 't', LONG)).filter((d) => /^\d+$/.test(d))).toHaveLength(120);
    const page2 = readFileSync(join(pub, `t/${LONG}/page/2/index.html`), 'utf8');
    expect(page2).toContain('id="post-51"');
    expect(page2).toContain('<em>harvest</em> of year 1850');
    expect(page2).not.toContain('id="post-101"');
    const author = readFileSync(join(pub, 'authors/millwright/index.html'), 'utf8');
    expect(author).toContain(`href="/t/${LONG}/2/"`);
    expect(author).toContain(`href="/t/${SHORT}/1/"`);
    expect(readFileSync(join(pub, `t/${SHORT}/2/index.html`), 'utf8')).toContain('{{&lt; canal &gt;}}');
    expect(r!.pagefindIndexed).toBe(123);
    expect(r!.hugoMs).toBeGreaterThan(0);
    expect(r!.peakSum).toBeGreaterThan(0);
    expect(r!.memory.byProcess.map((p) => p.name)).toContain('hugo');
  });
});

/**
 * An archive over time, built as a publisher builds it: one content folder,
 * one output folder, three builds.
 *
 * 1. Two seed threads, the first capture of two threads, a capture that will
 *    be withdrawn and one that will be deleted.
 * 2. Re-captures: a grown, edited copy; a page 2; and a continuation published
 *    as a thread of its own in build 1, joined to its thread by `thread:`.
 * 3. `removals.yaml`: three accounts (one listed by an alias only), one post,
 *    one capture; and a capture file deleted.
 *
 * After each build, every post URL published before still answers (the same
 * post, or a "withdrawn" page for a withdrawn thread), and after the last,
 * nothing of the removed people is anywhere in the output: not in pages, data
 * files or the search index (Pagefind's gzipped files are decompressed).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSite, ROOT } from './helpers/site.js';
import { filesOf, idsOf, readHtml, select, toString } from './helpers/html.js';
import { buildArchive } from '../src/lib/index.js';

const content = resolve(ROOT, '.tmp/keeping-content');
const out = '.tmp/keeping-site';
const fixtures = resolve(ROOT, 'tests/fixtures/recaptures');
const seeds = resolve(ROOT, 'content');
const REMOVED_ACCOUNTS = ['Johnrankins', 'Pen', 'trurle'];

interface DataPost {
  n: number;
  url: string;
  author: string | null;
  text: string;
  removed: string | null;
}
interface DataThread {
  slug: string;
  url: string;
  posts: DataPost[];
}

/** Every thread's data file in a built site. */
function threadsOf(site: string): DataThread[] {
  const index = JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8')) as { documents: { slug: string }[] };
  return index.documents.map((d) => JSON.parse(readFileSync(join(site, 'data/threads', `${d.slug}.json`), 'utf8')) as DataThread);
}

/** A built page by its URL path. */
const page = (site: string, url: string) => join(site, url.replace(/^\//, ''), 'index.html');
/** The thread page and anchor of post n (50 posts a page). */
const inThread = (slug: string, n: number) => ({ url: n <= 50 ? `/t/${slug}/` : `/t/${slug}/page/${Math.ceil(n / 50)}/`, id: `post-${n}` });

/** Every post URL of a built site: permalink → author as shown. */
function postUrls(site: string): Map<string, string | null> {
  const urls = new Map<string, string | null>();
  for (const t of threadsOf(site)) for (const p of t.posts) urls.set(p.url, p.author);
  return urls;
}

/** Checks that a post URL answers with its post: its permalink page and its anchor on its thread page. */
function expectPost(site: string, url: string): void {
  const [, slug, n] = /^\/t\/([^/]+)\/(\d+)\/$/.exec(url)!;
  expect(existsSync(page(site, url)), url).toBe(true);
  const at = inThread(slug!, Number(n));
  expect(idsOf(readHtml(page(site, at.url))).has(at.id), `${at.url}#${at.id}`).toBe(true);
}

/** Lower-case words of a text, HTML entities decoded, as one space-separated string. */
function wordsOf(text: string): string {
  return text
    .replace(/&#x27;|&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu)
    ?.join(' ') ?? '';
}

/** The text of every file of a built site (gzipped files, such as Pagefind's index and fragments, decompressed; HTML also without its tags), and its path. */
function siteText(site: string): { file: string; text: string }[] {
  return filesOf(site, '').map((file) => {
    const bytes = readFileSync(join(site, file));
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    const text = raw.toString('utf8');
    // Markup is not words: an <em> inside a sentence must not hide it from the phrase search.
    return { file, text: `${file}\n${file.endsWith('.html') ? `${text}\n${text.replace(/<[^>]*>/g, ' ')}` : text}` };
  });
}

function setUpBuild1(): void {
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(content, 'later'), { recursive: true });
  for (const f of ['001_70d4a6b82208a621.txt', '004_01001c22f2644516.txt']) copyFileSync(join(seeds, f), join(content, f));
  for (const f of ['armada-first.md', 'manzikert-page-1.txt']) copyFileSync(join(fixtures, f), join(content, f));
  // Published as a thread of its own first; build 2 adds its `thread:` line, and it joins the Armada thread.
  writeFileSync(join(content, 'armada-retitled.md'), readFileSync(join(fixtures, 'armada-retitled.md'), 'utf8').replace('thread: armada-in-kent\n', ''));
  const thread = (title: string, n: number, topic: string) =>
    `# ${title}\n\n${Array.from({ length: n }, (_, i) => `## Poster${i % 4}\n\nReply ${i + 1} on ${topic}, with its own point number ${i + 1}.`).join('\n\n----------\n\n')}\n`;
  writeFileSync(join(content, 'later/withdrawn-thread.md'), thread('WI the Hanseatic League keeps Bergen', 3, 'the Kontor at Bergen'));
  // Words of an account that will be removed, copied into another thread without quote marks, and quoted inside a quote.
  const theirs = buildArchive([{ file: 'x.md', text: readFileSync(join(seeds, '004_01001c22f2644516.txt'), 'utf8') }])
    .documents[0]!.posts.filter((p) => p.author === 'Johnrankins')
    .map((p) => p.text.split(/\s+/))
    .find((ws) => ws.length >= 30)!;
  writeFileSync(
    join(content, 'elsewhere.md'),
    [
      '# WI the Soviet Union keeps the NEP',
      `## Hollis\n\nSomeone put it well in another thread: ${theirs.slice(0, 20).join(' ')}\n\nI agree with that.`,
      `## Marten\n\nHollis said:\n\n> Johnrankins said:\n>\n> > ${theirs.slice(20, 25).join(' ')}\n>\n> That is the crux of it.\n\nThe NEP survives only if the grain crisis of 1927 is handled differently.`,
    ].join('\n\n----------\n\n'),
  );
  writeFileSync(join(content, 'to-delete.md'), thread('WI Venice never loses Crete', 60, 'the siege of Candia'));
}

describe('keeping an archive', () => {
  const site = resolve(ROOT, out);
  let first: Map<string, string | null>;
  let second: Map<string, string | null>;
  let phrases: string[];
  let gone: { slug: string; urls: string[] }[];
  let seenBefore: { inFragments: number; inPages: number };

  beforeAll(async () => {
    setUpBuild1();
    await buildSite({ outDir: out, content });
    first = postUrls(site);
    // The distinctive phrases of the people who will ask to be removed: 8-word runs of their posts that
    // they did not take from an earlier post of the thread (those words belong to whoever wrote them first).
    const threads = threadsOf(site);
    const leaving = (p: DataPost) => REMOVED_ACCOUNTS.includes(p.author ?? '') || p.author === 'Library of Alexandria';
    phrases = [];
    for (const t of threads) {
      for (const p of t.posts) {
        if (!leaving(p)) continue;
        const earlier = t.posts.filter((o) => o.n < p.n && !leaving(o)).map((o) => wordsOf(o.text)).join(' | ');
        const ws = wordsOf(p.text).split(' ');
        for (let i = 0; i + 8 <= ws.length; i += 4) {
          const phrase = ws.slice(i, i + 8).join(' ');
          if (!earlier.includes(phrase)) phrases.push(phrase);
        }
      }
    }
    // The check below can see them: before the removal, each phrase is in the pages and in Pagefind's decompressed fragments.
    const before = siteText(site);
    const fragments = before.filter((f) => f.file.endsWith('.pf_fragment')).map((f) => wordsOf(f.text)).join(' | ');
    const pages = before.filter((f) => f.file.endsWith('.html')).map((f) => wordsOf(f.text)).join(' | ');
    seenBefore = { inFragments: phrases.filter((x) => fragments.includes(x)).length, inPages: phrases.filter((x) => pages.includes(x)).length };
    gone = threads
      .filter((t) => /hanseatic|venice/.test(t.slug))
      .map((t) => ({ slug: t.slug, urls: [t.url, '/t/' + t.slug + '/page/2/', ...t.posts.map((p) => p.url)].filter((u, i) => i !== 1 || t.posts.length > 50) }));

    for (const f of ['armada-later.md', 'armada-retitled.md', 'manzikert-page-2.txt']) copyFileSync(join(fixtures, f), join(content, f));
    await buildSite({ outDir: out, content, keepOutDir: true });
    second = postUrls(site);

    writeFileSync(
      join(content, 'removals.yaml'),
      [
        'authors:',
        '  - name: Johnrankins',
        '    reason: asked to be removed',
        '  - name: Pen            # an alias: the whole account goes',
        '  - name: trurle',
        'posts:',
        '  - thread: armada-in-kent',
        '    n: 2',
        'captures:',
        '  - file: later/withdrawn-thread.md',
        '',
      ].join('\n'),
    );
    unlinkSync(join(content, 'to-delete.md'));
    await buildSite({ outDir: out, content, keepOutDir: true });
  }, 600_000);

  it('keeps every post URL through re-captures, and adds the new posts after the published ones', () => {
    expect(first.size).toBeGreaterThan(250);
    const moved = [...first.keys()].filter((u) => u.includes('/armada-in-kent-continued-'));
    expect(moved).toHaveLength(3);
    for (const [url, author] of first) if (!moved.includes(url)) expect(second.get(url), url).toBe(author);
    // The thread that joined another by `thread:` answers at its old URLs with where its posts are now.
    moved.forEach((url, i) => {
      const html = readFileSync(page(site, url), 'utf8');
      expect(html, url).toContain(`<meta http-equiv="refresh" content="0; url=/t/armada-in-kent/${6 + i}/">`);
      expect(second.get(`/t/armada-in-kent/${6 + i}/`)).toBe(first.get(url));
    });
    const added = [...second.keys()].filter((u) => !first.has(u));
    const manzikert = [...first.keys()].find((u) => u.includes('manzikert'))!.split('/')[2];
    expect(added.sort()).toEqual([...[6, 7, 8].map((n) => `/t/armada-in-kent/${n}/`), ...[4, 5, 6].map((n) => `/t/${manzikert}/${n}/`)].sort());
  });

  it('keeps every post URL through removals: each answers with its post, or with a "withdrawn" page for a withdrawn thread', () => {
    const third = postUrls(site);
    const withdrawn = new Set(gone.flatMap((g) => g.urls));
    expect(withdrawn.size).toBe(3 + 1 + 60 + 2);
    for (const url of second.keys()) {
      if (withdrawn.has(url)) continue;
      expect(third.has(url), url).toBe(true);
      expectPost(site, url);
    }
    expect([...third.keys()].filter((u) => !second.has(u))).toEqual([]);
    for (const url of withdrawn) {
      const html = readHtml(page(site, url));
      expect(toString(select('h1', html)!), url).toMatch(/has been withdrawn/);
      expect(toString(html)).not.toMatch(/Hanseatic|Bergen|Venice|Candia/);
    }
    for (const g of gone) {
      expect(JSON.parse(readFileSync(join(site, 'data/threads', `${g.slug}.json`), 'utf8'))).toEqual({ slug: g.slug, withdrawn: true, movedTo: null });
    }
    const listed = JSON.parse(readFileSync(join(site, 'data/withdrawn.json'), 'utf8')) as { withdrawn: string[] };
    expect(new Set(listed.withdrawn)).toEqual(withdrawn);
    // The record in the content folder remembers them for every later build.
    const record = JSON.parse(readFileSync(join(content, 'published.json'), 'utf8')) as { threads: Record<string, { withdrawn?: boolean }> };
    for (const g of gone) expect(record.threads[g.slug]?.withdrawn, g.slug).toBe(true);
  });

  it('shows a removed author\'s posts as "Removed at the author\'s request" by "a former member", numbers kept', () => {
    const threads = threadsOf(site);
    const seed = threads.find((t) => t.slug.startsWith('wi-trotsky-leads'))!;
    const removed = seed.posts.filter((p) => p.removed === 'author');
    expect(removed.length).toBe(27 + 4);
    for (const p of removed) expect(p).toMatchObject({ author: 'a former member', text: '' });
    const html = readHtml(page(site, removed[0]!.url));
    expect(toString(select('h1', html)!)).toContain('a former member');
    expect(toString(select('article.post', html)!)).toContain("Removed at the author's request.");
    const one = threads.find((t) => t.slug === 'armada-in-kent')!.posts[1]!;
    expect(one).toMatchObject({ n: 2, author: 'Mistral', removed: 'post', text: '' });
    expect(toString(readHtml(page(site, one.url)))).toContain('Removed from the archive.');
    // Their author pages are gone, and no author list names them.
    for (const slug of ['johnrankins', 'library-of-alexandria', 'trurle']) expect(existsSync(join(site, 'authors', slug)), slug).toBe(false);
  });

  it('leaves nothing of the removed people anywhere in the output: names, words, quotes, search index', () => {
    expect(phrases.length).toBeGreaterThan(100);
    expect(seenBefore).toEqual({ inFragments: phrases.length, inPages: phrases.length });
    const files = siteText(site);
    expect(files.some((f) => f.file.endsWith('.pf_fragment'))).toBe(true);
    const names = [/johnrankins/i, /library of alexandria/i, /\bPen\b/, /trurle/i];
    const found: string[] = [];
    for (const { file, text } of files) {
      for (const re of names) if (re.test(text)) found.push(`${file}: ${re}`);
      const words = wordsOf(text);
      for (const phrase of phrases) if (words.includes(phrase)) found.push(`${file}: "${phrase}"`);
    }
    expect(found).toEqual([]);
    // Their words copied into another thread, and quoted inside a quote, are gone; the rest of those posts stays.
    const elsewhere = threadsOf(site).find((t) => t.slug.startsWith('wi-the-soviet-union-keeps-the-nep'))!;
    expect(elsewhere.posts[0]!.text).toMatch(/^Someone put it well in another thread: \[words removed at the author's request\]/);
    expect(elsewhere.posts[0]!.text).toContain('I agree with that.');
    const nested = toString(select('#post-2-q1', readHtml(page(site, elsewhere.url)))!);
    expect(nested).toContain('a former member said:');
    expect(nested).toContain("Removed at the author's request.");
    expect(nested).toContain('That is the crux of it.');
    // Their words quoted by others, explicitly (Markdown export) and reconstructed (flat text), are replaced.
    const quoted = files.filter((f) => f.file.startsWith('t/') && /<blockquote[^>]*>(?:(?!<\/blockquote>).)*Removed at the author(?:'|&#39;|&#x27;)s request/s.test(f.text));
    expect(quoted.length).toBeGreaterThan(20);
  });
});

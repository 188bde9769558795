/**
 * A thread captured more than once is one thread: a grown re-capture adds its
 * new posts after the published ones, an edited post keeps both texts, a post
 * deleted on the forum stays and says so, a page-2 capture continues page 1,
 * and `thread:` joins what matching cannot. Post numbers never move.
 * Fixtures: tests/fixtures/recaptures/.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive, type Archive, type ArchiveDocument, type CaptureInput } from '../src/lib/index.js';
import { emptyRecord, updateRecord } from '../src/lib/archive/published.js';
import { sourceKey, pageOfSource, titleKey } from '../src/lib/archive/thread-identity.js';

const dir = join(import.meta.dirname, 'fixtures/recaptures');
const fixture = (file: string): CaptureInput => ({ file, text: readFileSync(join(dir, file), 'utf8') });
const all = readdirSync(dir).sort().map(fixture);
const thread = (a: Archive, file: string) => a.documents.find((d) => d.file === file || d.captures?.some((c) => c.file === file))!;
const texts = (d: ArchiveDocument) => d.posts.map((p) => `${p.n} ${p.author}: ${p.text.split(' ').slice(0, 3).join(' ')}`);

describe('re-captures', () => {
  it('merge a grown capture: edited post shows the newer text with the older kept, a deleted post stays marked, new posts are appended', () => {
    const first = buildArchive([fixture('armada-first.md')]).documents[0]!;
    const a = buildArchive([fixture('armada-first.md'), fixture('armada-later.md')]);
    expect(a.documents).toHaveLength(1);
    const d = a.documents[0]!;
    expect(d.slug).toBe(first.slug);
    expect(d.posts.map((p) => [p.n, p.author])).toEqual([
      [1, 'Halvard'],
      [2, 'Mistral'],
      [3, 'Quillon'],
      [4, 'Halvard'],
      [5, 'Mistral'],
      [6, 'Ravelin'],
      [7, 'Halvard'],
    ]);
    // Every post first published keeps its number.
    for (const p of first.posts) expect(d.posts.find((x) => x.n === p.n)?.author).toBe(p.author);
    const edited = d.posts[2]!;
    expect(edited.text).toContain('Justin of Nassau');
    expect(edited.earlier).toEqual([{ file: 'armada-first.md', date: '2023-01-10', text: first.posts[2]!.text }]);
    expect(edited.capture).toBe('armada-later.md');
    expect(d.posts[3]!.gone).toEqual({ file: 'armada-later.md', date: '2024-02-01' });
    expect(d.posts.filter((p) => p.gone)).toHaveLength(1);
    // The new post's quote of the edited post points at its number in the thread.
    expect(d.posts[5]!.quotes.map((q) => q.sourcePost)).toEqual([3]);
    // The post deleted on the forum still quotes #2, and #2 is still quoted.
    expect(d.posts[3]!.quotes.map((q) => q.sourcePost)).toEqual([2]);
    const merged = d.diagnostics.find((x) => x.rule === 'recapture-merged')!;
    expect(merged.file).toBe('armada-later.md');
    expect(merged.message).toMatch(/adds 2 posts \(#6–#7\); 1 edited; 1 gone from the forum; 3 unchanged/);
    expect(merged.message).toContain('source URL');
    expect(d.captures!.map((c) => [c.file, c.added, c.edited, c.gone, c.numbers.join(',')])).toEqual([
      ['armada-first.md', 5, 0, 0, '1,2,3,4,5'],
      ['armada-later.md', 2, 1, 1, '1,2,3,5,6,7'],
    ]);
    expect(d.date).toBe('2024-02-01');
  });

  it('join a capture to a thread with front matter `thread:` when title and source cannot', () => {
    const alone = buildArchive([fixture('armada-first.md'), fixture('armada-retitled.md')].map((c) => (c.file === 'armada-retitled.md' ? { ...c, text: c.text.replace('thread: armada-in-kent\n', '') } : c)));
    expect(alone.documents).toHaveLength(2);
    const a = buildArchive(all);
    const d = thread(a, 'armada-retitled.md');
    expect(d.slug).toBe('armada-in-kent');
    expect(d.title).toBe('WI the Spanish Armada lands in Kent');
    expect(d.posts).toHaveLength(8);
    expect(d.posts[7]).toMatchObject({ n: 8, author: 'Quillon', capture: 'armada-retitled.md' });
    // The retitled capture starts mid-thread: the posts before it are not "gone".
    expect(d.posts.filter((p) => p.gone).map((p) => p.n)).toEqual([4]);
    expect(d.diagnostics.find((x) => x.file === 'armada-retitled.md' && x.rule === 'recapture-merged')!.message).toMatch(/front matter `thread:`.*adds 1 post \(#8\); 0 edited; 0 gone from the forum; 2 unchanged/);
    const unknown = buildArchive([{ ...fixture('armada-retitled.md'), text: fixture('armada-retitled.md').text.replace('armada-in-kent', 'no-such-thread') }]);
    expect(unknown.documents[0]!.diagnostics.find((x) => x.rule === 'recapture-thread-unknown')?.message).toContain('no-such-thread');
  });

  it('continue page 1 with a page-2 capture (posts 51–100), resolving quotes across the pages', () => {
    const post = (i: number) => `## Member${i % 7}\n\nPost ${i} on the Congress of Berlin: argument ${i} about the Straits, the Balkans and Bismarck's honest brokerage.`;
    const page = (from: number, source: string) =>
      `---\nsource: ${source}\n---\n# WI the Congress of Berlin fails\n\n${Array.from({ length: 50 }, (_, i) => post(from + i)).join('\n\n----------\n\n')}\n`;
    const p2 = page(51, 'https://board.example.net/threads/congress-of-berlin.90/page-2').replace(
      'Post 60 on',
      'Member4 said:\n\n> Post 4 on the Congress of Berlin: argument 4 about the Straits\n\nPost 60 on',
    );
    const a = buildArchive([
      { file: 'berlin/p2.md', text: p2 },
      { file: 'berlin/p1.md', text: page(1, 'https://board.example.net/threads/congress-of-berlin.90/') },
    ]);
    expect(a.documents).toHaveLength(1);
    const d = a.documents[0]!;
    expect(d.file).toBe('berlin/p1.md');
    expect(d.posts.map((p) => p.n)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(d.posts[50]!.text).toContain('Post 51 on');
    expect(d.posts[99]!.text).toContain('Post 100 on');
    expect(d.posts[59]!.quotes.map((q) => q.sourcePost)).toEqual([4]);
    expect(d.diagnostics.filter((x) => x.rule === 'quote-unresolved')).toEqual([]);
    expect(d.posts.some((p) => p.gone)).toBe(false);
    // A flat-text page 2 marked `part: 2` in its front matter.
    const m = thread(buildArchive(all), 'manzikert-page-2.txt');
    expect(texts(m)).toEqual([
      '1 Tzimiskes: Romanos keeps his',
      '2 Anna_K: Even a clean',
      '3 Tzimiskes: The plotting matters',
      '4 Varanger9: The Normans in',
      '5 Anna_K: Bari fell in',
      '6 Tzimiskes: Then the question',
    ]);
  });

  it('keep published numbers when an older capture arrives after a newer one was published', () => {
    const newer = buildArchive([fixture('armada-later.md')]);
    const published = updateRecord(emptyRecord(), newer.documents).record;
    // Without the record, the older capture would be merged first and take over the numbering.
    const both = buildArchive([fixture('armada-first.md'), fixture('armada-later.md')], { published });
    const d = both.documents[0]!;
    expect(d.file).toBe('armada-later.md');
    for (const p of newer.documents[0]!.posts) expect(d.posts[p.n - 1]).toMatchObject({ n: p.n, author: p.author, text: p.text });
    // Halvard's deleted post, only in the older capture, is appended; the older capture marks nothing gone.
    expect(d.posts[6]).toMatchObject({ n: 7, author: 'Halvard' });
    expect(d.posts.filter((p) => p.gone)).toEqual([]);
    // The older text of the edited post is kept as the earlier version.
    expect(d.posts[2]!.earlier?.map((e) => e.date)).toEqual(['2023-01-10']);
    expect(d.posts[2]!.text).toContain('Justin of Nassau');
  });

  it('keep published numbers when a thread published on its own joins another by `thread:`', () => {
    // The continuation without its first post: merged before the grown capture, its posts would take #6 and #7.
    const retitled = { ...fixture('armada-retitled.md'), text: fixture('armada-retitled.md').text.replace(/## Ravelin[^]*?----------\n\n/, '') };
    const retitledAlone = { ...retitled, text: retitled.text.replace('thread: armada-in-kent\n', '') };
    const before = buildArchive([fixture('armada-first.md'), fixture('armada-later.md'), retitledAlone]);
    expect(before.documents).toHaveLength(2);
    const published = updateRecord(emptyRecord(), before.documents).record;
    const after = buildArchive([fixture('armada-first.md'), fixture('armada-later.md'), retitled], { published });
    const d = thread(after, 'armada-retitled.md');
    for (const p of before.documents[0]!.posts) expect(d.posts[p.n - 1], `#${p.n}`).toMatchObject({ n: p.n, author: p.author, text: p.text });
    expect(d.captures!.map((c) => c.file)).toEqual(['armada-first.md', 'armada-later.md', 'armada-retitled.md']);
    expect(d.captures![2]!.numbers).toEqual([7, 8]);
    // Its former URLs point to where its posts are now.
    const gone = updateRecord(published, after.documents).gone;
    expect(gone).toEqual([expect.objectContaining({ slug: before.documents[1]!.slug, whole: true, movedTo: { slug: 'armada-in-kent', numbers: [7, 8] } })]);
  });

  it('keep apart threads that only share a title, or whose sources differ', () => {
    const one = fixture('armada-first.md').text.replace('slug: armada-in-kent\n', '');
    const differentSource = one.replace('.4411/', '.9999/');
    expect(buildArchive([{ file: 'a.md', text: one }, { file: 'b.md', text: differentSource }]).documents).toHaveLength(2);
    const otherPosts = one.replace(/^source:.*\n/m, '').replace(/Parma|Tercios|Supply|Stalling|negotiated/g, 'X');
    expect(buildArchive([{ file: 'a.md', text: one.replace(/^source:.*\n/m, '') }, { file: 'b.md', text: otherPosts }]).documents).toHaveLength(2);
  });

  it('account for every character of every capture', () => {
    const a = buildArchive(all);
    const sum = (r: Record<string, number>) => Object.values(r).reduce((x, y) => x + y, 0);
    const captures = a.documents.flatMap((d) => d.captures ?? []);
    expect(captures.map((c) => c.file).sort()).toEqual(all.map((c) => c.file).sort());
    for (const c of captures) {
      const source = all.find((x) => x.file === c.file)!.text.length;
      expect(c.accounting.source, c.file).toBe(source);
      expect(c.accounting.placed + sum(c.accounting.dropped), c.file).toBe(source);
      expect(c.accounting.dropped.unaccounted, c.file).toBeUndefined();
    }
  });
});

describe('recognising a thread', () => {
  it('normalises source URLs: scheme, www., trailing page, query string and fragment', () => {
    const key = sourceKey('https://forum.example.org/threads/wi-x.4411/');
    for (const url of [
      'http://www.forum.example.org/threads/wi-x.4411/',
      'https://forum.example.org/threads/wi-x.4411/page-3',
      'https://forum.example.org/threads/wi-x.4411/page-3?order=desc#post-12',
      '//FORUM.example.org/threads/wi-x.4411',
    ])
      expect(sourceKey(url), url).toBe(key);
    expect(sourceKey('https://forum.example.org/threads/wi-y.4412/')).not.toBe(key);
    // A script URL names its thread in the query: only paging parameters go.
    expect(sourceKey('https://board.example.net/viewtopic.php?t=12&start=50&sid=ab')).toBe(sourceKey('http://board.example.net/viewtopic.php?t=12'));
    expect(sourceKey('https://board.example.net/viewtopic.php?t=12')).not.toBe(sourceKey('https://board.example.net/viewtopic.php?t=13'));
    // A Discourse post number is not part of the topic.
    expect(sourceKey('https://talk.example.com/t/what-if/321/14')).toBe(sourceKey('https://talk.example.com/t/what-if/321'));
    expect(sourceKey('not a url')).toBeNull();
    expect(pageOfSource('https://forum.example.org/threads/wi-x.4411/page-3')).toBe(3);
    expect(pageOfSource('https://board.example.net/index.php?page=2')).toBe(2);
    expect(pageOfSource('https://forum.example.org/threads/wi-x.4411/')).toBeNull();
    expect(titleKey('Re: WI the Armada lands — Page 2')).toBe(titleKey('WI: the Armada lands'));
  });
});

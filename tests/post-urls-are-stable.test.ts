/**
 * A post's URL is its thread's slug and its number: both survive appending
 * posts to the thread and adding threads before it in sort order (by title or
 * by path), so permalinks and thread-page anchors stay valid. A build reads
 * the record of what the builds before it published (`published.json`); a
 * later build here gets the record of the earlier one (`rebuild`), which is
 * what keeps a re-capture that sorts first from taking over the thread.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive, type Archive, type CaptureInput } from '../src/lib/index.js';
import { urls } from '../src/lib/urls.js';
import { emptyRecord, updateRecord } from '../src/lib/archive/published.js';

const u = urls('/');

function markdownThread(title: string, posts: number, from = 0): string {
  const body = Array.from({ length: posts }, (_, i) => `## User${(from + i) % 5}\n\nPost ${from + i + 1} of the thread about ${title}, with its own words number ${from + i + 1}.`);
  return `# ${title}\n\n${body.join('\n\n----------\n\n')}\n`;
}

function flatThread(title: string, posts: number): string {
  const body = Array.from({ length: posts }, (_, i) => `User${i % 5}\n\nMember\nFlat post ${i + 1} about ${title}, in words of its own number ${i + 1}.`);
  return `${title}\n\n${body.join('\n\u00a0\n')}\n`;
}

/** Every post's URL (permalink and place in the thread pages), keyed by file and text. */
function postUrls(archive: Archive): Map<string, { permalink: string; inThread: string }> {
  const out = new Map<string, { permalink: string; inThread: string }>();
  for (const d of archive.documents) {
    for (const p of d.posts) out.set(`${d.file}\u0000${p.text}`, { permalink: u.post(d.slug, p.n), inThread: u.postInThread(d.slug, p.n) });
  }
  return out;
}

/** Builds `inputs` as a build after the one that made `before` does: with the record of what it published. */
function rebuild(before: Archive, inputs: CaptureInput[]): Archive {
  return buildArchive(inputs, { published: updateRecord(emptyRecord(), before.documents).record });
}

function expectKept(before: Archive, after: Archive): void {
  const a = postUrls(before);
  const b = postUrls(after);
  expect(a.size).toBeGreaterThan(0);
  for (const [key, url] of a) expect(b.get(key), key.replace('\u0000', ': ')).toEqual(url);
}

describe('post URLs', () => {
  const base: CaptureInput[] = [
    { file: 'm/battle-of-midway.md', text: markdownThread('Battle of Midway lost', 120) },
    { file: 'p/trotsky.txt', text: flatThread('Trotsky wins', 60) },
  ];

  it('survive appending posts to the thread (across page boundaries)', () => {
    const before = buildArchive(base);
    const appended = base.map((c) =>
      c.file.endsWith('.md') ? { ...c, text: `${c.text}\n----------\n\n${markdownThread('x', 40, 120).split('\n').slice(2).join('\n')}` } : { ...c, text: `${c.text.trimEnd()}\n\u00a0\nUser9\n\nMember\nA late reply to the flat thread.\n` },
    );
    const after = buildArchive(appended);
    expect(after.documents[0]!.posts.length).toBe(160);
    expect(after.documents[1]!.posts.length).toBe(61);
    expectKept(before, after);
    expect(after.documents.map((d) => d.slug)).toEqual(before.documents.map((d) => d.slug));
  });

  it('survive adding threads before it in sort order: an earlier title, an earlier path, the same title', () => {
    const before = buildArchive(base);
    const added = rebuild(before, [
      { file: 'a/aaa-first.md', text: markdownThread('Aardvarks win the war', 3) },
      { file: 'a/battle-copy.md', text: markdownThread('Battle of Midway lost', 3) },
      { file: 'a/zzz.txt', text: flatThread('Trotsky wins', 4) },
      ...base,
    ]);
    expectKept(before, added);
    const slugs = added.documents.map((d) => d.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    // The copies hold the threads' first posts: they are re-captures, merged into the threads published first.
    expect(added.documents.map((d) => d.file)).toEqual(['a/aaa-first.md', 'm/battle-of-midway.md', 'p/trotsky.txt']);
  });

  it('survive adding a same-titled, same-named file in a folder that sorts first', () => {
    const before = buildArchive([{ file: 'm/battle-of-midway.md', text: base[0]!.text }]);
    // Another thread with the same title: a thread of its own, with its own slug.
    const other = markdownThread('Battle of Midway lost', 4).replaceAll('Post ', 'Reply ');
    const after = rebuild(before, [{ file: 'a/battle-of-midway.md', text: other }, { file: 'm/battle-of-midway.md', text: base[0]!.text }]);
    expectKept(before, after);
    expect(after.documents).toHaveLength(2);
    expect(after.documents[0]!.slug).not.toBe(after.documents[1]!.slug);
    expect(after.documents.flatMap((d) => d.diagnostics.filter((x) => x.rule === 'duplicate-slug'))).toEqual([]);
    // A copy of the same thread: merged into the thread published first, whose URLs stay.
    const copy = rebuild(before, [{ file: 'a/battle-of-midway.md', text: base[0]!.text }, { file: 'm/battle-of-midway.md', text: base[0]!.text }]);
    expectKept(before, copy);
    expect(copy.documents.map((d) => d.file)).toEqual(['m/battle-of-midway.md']);
  });

  it('survive both at once, and a rebuild gives the same slugs and numbers', () => {
    const one = buildArchive(base);
    const two = buildArchive(base);
    expect(postUrls(two)).toEqual(postUrls(one));
    const grown = buildArchive([{ file: '0.md', text: markdownThread('A thread sorted first', 2) }, ...base.map((c) => ({ ...c, text: `${c.text}\n` }))]);
    expectKept(one, grown);
  });

  it('keep a post on the same thread page: the page is fixed by the number', () => {
    for (const n of [1, 49, 50, 51, 100, 101, 20_000]) expect(u.postInThread('s', n)).toBe(`${u.thread('s', Math.floor((n - 1) / 50) + 1)}#post-${n}`);
  });
});

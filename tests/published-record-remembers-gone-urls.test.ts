/**
 * The record of published URLs (`published.json`): what a build needs to know
 * about threads the content no longer has, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../src/lib/index.js';
import { emptyRecord, parseRecord, serialiseRecord, updateRecord } from '../src/lib/archive/published.js';

const thread = (title: string, n: number) =>
  `# ${title}\n\n${Array.from({ length: n }, (_, i) => `## Poster${i % 3}\n\nPoint ${i + 1} about ${title}, in words of its own.`).join('\n\n----------\n\n')}\n`;

describe('the record of published URLs', () => {
  it('remembers a thread that is gone, and the posts a thread lost, in every later build', () => {
    const one = buildArchive([
      { file: 'a.md', text: thread('WI Carthage wins at Zama', 120) },
      { file: 'b.md', text: thread('WI the Armada wins', 3) },
    ]);
    const first = updateRecord(emptyRecord(), one.documents);
    expect(first.gone).toEqual([]);
    const [a, b] = one.documents.map((d) => d.slug);
    const two = buildArchive([{ file: 'a.md', text: thread('WI Carthage wins at Zama', 40) }]);
    const second = updateRecord(parseRecord(serialiseRecord(first.record)).record, two.documents);
    expect(second.gone).toEqual([
      { slug: a, kind: 'thread', from: 41, to: 120, fromPage: 2, whole: false, movedTo: null },
      { slug: b, kind: 'thread', from: 1, to: 3, fromPage: 1, whole: true, movedTo: null },
    ]);
    expect(second.diagnostics.map((d) => d.rule)).toEqual(['published-thread-gone']);
    expect(second.diagnostics[0]!.message).toContain(`slug: ${b}`);
    // A third build still answers them, and says nothing new.
    const third = updateRecord(second.record, two.documents);
    expect(third.gone).toEqual(second.gone);
    expect(third.diagnostics).toEqual([]);
    expect(serialiseRecord(third.record)).toBe(serialiseRecord(second.record));
  });

  it('holds slugs, counts and files only, one thread a line, and survives a damaged file', () => {
    const text = serialiseRecord(updateRecord(emptyRecord(), buildArchive([{ file: 'a.md', text: thread('WI Carthage wins at Zama', 2) }]).documents).record);
    expect(text).not.toMatch(/Carthage wins|Poster|Point 1/);
    expect(text.split('\n').filter((l) => l.includes('"kind"'))).toHaveLength(1);
    expect(parseRecord('{ not json').diagnostics[0]).toMatchObject({ rule: 'published-record', severity: 'warning' });
    expect(parseRecord('{"threads": {"x": {"kind": "thread"}}}').diagnostics[0]!.message).toContain('1 entry of the wrong shape');
    expect(parseRecord(null)).toEqual({ record: emptyRecord(), diagnostics: [] });
  });
});

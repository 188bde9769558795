/**
 * Mail threads rendered as text or Markdown (list-archive pages, archives
 * published as Markdown with YAML or TOML front matter) import as threads:
 * one post per message heading or field group, replies from ids or from depth.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, summarise, expectAccounted } from './helpers/captures.js';

const fixture = (name: string) => path.resolve(__dirname, 'fixtures/mail-text', name);

describe('mail threads rendered as text', () => {
  it('reads a Markdown archive with TOML front matter, list-item fields, code-fenced bodies and reply depth by heading level', async () => {
    const doc = (await importFiles([fixture('archive-thread.md')])).documents[0]!;
    expect(doc.format).toBe('mail-text');
    expect(doc.title).toBe('WI: Hannibal marches on Rome after Cannae');
    expect(summarise(doc)).toEqual([
      { author: 'Livia Serra', date: '2020-04-30T19:02:11+02:00', replyTo: null, quotes: [] },
      { author: 'Quintus', date: '2020-04-30T21:40:00+02:00', replyTo: 1, quotes: [['Livia Serra', 1]] },
      { author: 'Livia Serra', date: '2020-05-01T07:55:42+02:00', replyTo: 2, quotes: [['Quintus', 2]] },
      { author: 'marcus.v', date: '2020-05-01T10:00:00+00:00', replyTo: 1, quotes: [] },
    ]);
    expect(doc.posts[0]!.text).not.toContain('```');
    expect(doc.accounting.placedBy['front-matter']).toBeGreaterThan(0);
    expectAccounted(doc);
  });

  it('reads a Usenet thread rendered as Markdown with arrows and ids, and imports a message whose newlines were lost as one post with a warning', async () => {
    const doc = (await importFiles([fixture('usenet-rendered.md')])).documents[0]!;
    expect(doc.title).toBe('WI: Trotsky succeeds Lenin');
    expect(summarise(doc)).toEqual([
      { author: 'Boris Sokolov', date: '2003-02-12T14:20:31-08:00', replyTo: null, quotes: [] },
      { author: 'Nadia K.', date: '2003-02-13T02:11:09+01:00', replyTo: 1, quotes: [['Boris Sokolov', 1]] },
      { author: 'Boris Sokolov', date: '2003-02-13T09:40:00-08:00', replyTo: 2, quotes: [] },
      { author: 'Ed Walsh', date: '2003-02-13T11:02:00-05:00', replyTo: 1, quotes: [['Boris Sokolov', 1]] },
    ]);
    const lost = doc.diagnostics.find((d) => d.rule === 'lost-newlines');
    expect(lost?.severity).toBe('warning');
    expect(lost?.line).toBe(doc.posts[2]!.segments[0]!.kind === 'own' ? (doc.posts[2]!.segments[0] as { line: number }).line : -1);
    expect(doc.posts[2]!.text).toContain('> still vote to keep the letter');
    expectAccounted(doc);
  });

  it('reads a list-archive message page, dropping its navigation chrome and signature', async () => {
    const doc = (await importFiles([fixture('list-archive-page.txt')])).documents[0]!;
    expect(doc.title).toBe("[whatif] Lincoln survives Ford's Theatre");
    expect(summarise(doc)).toEqual([{ author: 'Tom Okafor', date: '2021-03-06T08:02:51+00:00', replyTo: null, quotes: [['Mary Major', null]] }]);
    expect(doc.posts[0]!.text).toBe('Only if Congress funds it, and the Congress of 1868 was not going to\nfund anything Lincoln asked for twice.');
    expect(doc.accounting.dropped['page-chrome']).toBeGreaterThan(200);
    expectAccounted(doc);
  });
});

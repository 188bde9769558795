/**
 * Properties of the importer, for any input (fast-check): it returns without
 * throwing and accounts for every character of every capture
 * (`source === placed + sum(dropped)`, never `unaccounted`); decoding any
 * bytes never throws; rendering any text gives HTML with no script, handler or
 * script URL.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildArchive, decodeCapture, parseCapture, type ArchiveDocument } from '../src/lib/index.js';
import { markdownToHtml, plainToHtml } from '../src/lib/text/render-html.js';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';

/** Lines that steer the importer: format markers, front matter, quotes, user blocks, chrome. */
const MARKERS = [
  '',
  ' ',
  '\u00a0',
  '---',
  '...',
  '----------',
  '# Title of a thread',
  '## Alice',
  '## Bob ##',
  '##',
  'Alice said:',
  '> quoted words from before',
  '> > nested quote',
  '>',
  'Banned',
  'Member',
  'Joined: Mar 3, 2012',
  'Messages: 1,234',
  'Last edited: Jan 5, 2020',
  'Last edited by Bob: Jan 5, 2020',
  'Top',
  '- a list item',
  'title: "A title"',
  'format: plain-capture',
  'format: markdown-export',
  'format: essay',
  'slug: [x',
  '- yaml list',
  '```',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '| a | b |',
  '| --- | --- |',
  'The army marches on Moscow while the committee debates the grain quotas once more, and nobody in the room agrees.',
  'Trotsky wins the power struggle',
  '-- Alice',
  '\ufeff',
];

const line = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\r', '\n', '\u00a0', ' ', '>', '#', '-', 'a', '\t', '\u2028'), maxLength: 20 }) },
);

/** Capture-like text: lines from the vocabulary, joined by LF, CRLF or CR, maybe with a BOM. */
const captureText = fc
  .tuple(fc.boolean(), fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n'))
  .map(([bom, lines, eol]) => `${bom ? '\ufeff' : ''}${lines.join(eol)}`);

/** Any text at all: capture-like, or arbitrary strings of any code units. */
const anyText = fc.oneof(captureText, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-composite', maxLength: 300 }));

function expectAccounted(doc: ArchiveDocument): void {
  const a = doc.accounting;
  const dropped = Object.values(a.dropped).reduce((x, y) => x + y, 0);
  expect(a.source, doc.file).toBe(a.placed + dropped);
  expect(a.dropped.unaccounted, `unaccounted characters in ${doc.file}`).toBeUndefined();
  expect(Object.values(a.placedBy).every((n) => n > 0) && Object.values(a.dropped).every((n) => n > 0)).toBe(true);
}

const FORBIDDEN = new Set(['script', 'iframe', 'img', 'svg', 'object', 'embed', 'style', 'form', 'input', 'math', 'link', 'meta', 'base', 'video', 'audio', 'source', 'template']);

/** What in a fragment of HTML could run, load or clash: forbidden elements, handlers, script URLs, ids. */
function liveMarkup(html: string): string[] {
  const bad: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (el: Element) => {
    if (FORBIDDEN.has(el.tagName)) bad.push(`<${el.tagName}>`);
    for (const [k, v] of Object.entries(el.properties ?? {})) {
      if (/^on/i.test(k)) bad.push(`${el.tagName} ${k}`);
      // No ids either: a post's HTML is repeated on thread, permalink and context pages.
      if (k === 'id' || k === 'name') bad.push(`${el.tagName} ${k}`);
      if ((k === 'href' || k === 'src') && !/^(?:https?:\/\/|mailto:)/i.test(String(v).trim())) bad.push(`${el.tagName} ${k}=${String(v)}`);
    }
  });
  return bad;
}

const RUNS = Number(process.env.PROPERTY_RUNS || 1000);

describe('the importer, for any input', () => {
  it('parses any text without throwing, accounting for every character', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('a.md', 'b.txt', 'c'), (text, file) => {
        const doc = parseCapture({ file, text });
        expect(doc.accounting.source).toBe(text.length);
        expectAccounted(doc);
        for (const d of doc.diagnostics) expect(d.line === null || d.line >= 1).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('builds any set of captures without throwing, every document accounted for, slugs unique', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a.md', 'b.txt', 'x/a.md', 'y/a.md', 'c.md'), anyText), { minLength: 1, maxLength: 5 }), (inputs) => {
        const archive = buildArchive(inputs.map(([file, text]) => ({ file, text })));
        expect(archive.documents).toHaveLength(inputs.length);
        expect(new Set(archive.documents.map((d) => d.slug)).size).toBe(inputs.length);
        archive.documents.forEach((doc, i) => {
          expect(doc.accounting.source).toBe(inputs[i]![1].length);
          expectAccounted(doc);
          doc.posts.forEach((p, k) => expect(p.n).toBe(k + 1));
          for (const p of doc.posts) for (const q of p.quotes) expect(q.sourcePost === null || q.sourcePost < p.n || q.sourceThread !== null).toBe(true);
        });
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('decodes any bytes without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const d = decodeCapture(bytes);
        expect(d.text === null || typeof d.text === 'string').toBe(true);
        if (d.text !== null) expectAccounted(parseCapture({ file: 'bytes.txt', text: d.text }));
      }),
      { numRuns: RUNS },
    );
  });

  it('renders any text to HTML with no script, event handler, embedded content or script URL', () => {
    const hostile = fc.oneof(
      captureText,
      fc.array(fc.constantFrom('<script>', '</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '[a](', 'javascript:', 'data:text/html,', ')', '![b](', '"', "'", ' onmouseover=', '<', '>', '&#106;', 'alert(1)', '<iframe src=', '<a href=', '\n', '\n\n', '> ', '`', '[^1]', '[^1]: note', '[^x]:', '    code'), { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        for (const html of [markdownToHtml(text), plainToHtml(text)]) expect(liveMarkup(html), html).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

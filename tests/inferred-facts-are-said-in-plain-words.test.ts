/**
 * What the importer worked out is said in plain words, once: "Unknown
 * author"; one note per post at most ("The copy had no quote marks; the shaded
 * passages repeat #3 word for word", "Signed 'name' at the end"), linking to
 * the about page, which explains captures, formats, reconstructed quotes,
 * authors, titles, renamed accounts and shared passages; the signature line is
 * shown, dimmed; forum labels are shown as the forum's; no importer words.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attr, filesOf, idsOf, readHtml, resolveLink, select, selectAll, toString } from './helpers/html.js';

const dir = inject('site');
const pages = filesOf(dir, '.html').filter((f) => !f.startsWith('pagefind/'));
const threadPages = pages.filter((f) => /^t\/[^/]+\/(page\/\d+\/)?index\.html$/.test(f) && !/\/page\/1\//.test(f));

describe('plain words', () => {
  it('no page uses the importer’s words', () => {
    for (const f of pages) {
      const text = toString(readHtml(join(dir, f)));
      expect(text, f).not.toMatch(/Author not named in the capture|reconstructed from repeated text|author inferred from|has no title; this one was inferred/);
    }
  });
  it('a post without a name says "Unknown author"', () => {
    const unknown = threadPages.flatMap((f) => selectAll('.post .who.unknown', readHtml(join(dir, f))).map((e) => toString(e)));
    expect(unknown.length).toBeGreaterThan(0);
    expect(new Set(unknown)).toEqual(new Set(['Unknown author']));
  });
  it('a post has one note at most, and each note links to a section of the about page', () => {
    const about = idsOf(readHtml(join(dir, 'about/index.html')));
    let reconstructed = 0;
    let signed = 0;
    for (const f of threadPages) {
      for (const post of selectAll('article.post', readHtml(join(dir, f)))) {
        const notes = selectAll(':scope > .post-note', post);
        expect(notes.length, `${f} ${attr(post, 'id')}`).toBeLessThanOrEqual(1);
        const shaded = selectAll('blockquote.reconstructed', post);
        if (shaded.length > 0) {
          reconstructed++;
          expect(toString(notes[0]!).trim()).toMatch(/^The copy had no quote marks; the shaded passages repeat (#\d+)(, #\d+)*( and #\d+)? word for word\./);
        }
        if (select(':scope > .signature', post)) {
          signed++;
          const name = toString(select(':scope > .signature', post)!);
          expect(toString(notes[0]!)).toContain(`Signed ‘${name}’ at the end.`);
          expect(toString(select(':scope > header .who', post)!)).toBe(name);
        }
        for (const n of notes) {
          const link = resolveLink(attr(select('a', n)!, 'href'), f.replace(/index\.html$/, ''))!;
          expect(link.file).toBe('about/index.html');
          expect(about.has(link.hash), link.hash).toBe(true);
        }
      }
    }
    expect(reconstructed).toBeGreaterThan(0);
    expect(signed).toBeGreaterThan(0);
  });
  it('shared passages say what is shared', () => {
    const also = threadPages.flatMap((f) => selectAll('.post > footer .also', readHtml(join(dir, f))).map((e) => toString(e)));
    expect(also.length).toBeGreaterThan(0);
    for (const t of also) expect(t).toMatch(/^The same passage also appears in \S/);
  });
});

describe('the about page', () => {
  it('explains how the archive was made, a section per topic', () => {
    expect(existsSync(join(dir, 'about/index.html'))).toBe(true);
    const tree = readHtml(join(dir, 'about/index.html'));
    expect(toString(select('h1', tree)!)).toBe('How the archive was made');
    const ids = idsOf(tree);
    for (const id of ['captures', 'formats', 'reconstructed', 'authors', 'titles', 'aliases', 'shared']) expect(ids.has(id), id).toBe(true);
    // Linked from every page's footer.
    expect(selectAll('.site-footer a', readHtml(join(dir, 'index.html'))).some((a) => attr(a, 'href') === '/about/')).toBe(true);
  });
});

describe('the signature line', () => {
  it('is shown dimmed', () => {
    const css = filesOf(dir, '.css').map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(css).toMatch(/\.post \.signature\{[^}]*color:var\(--fg-soft\)/);
  });
});

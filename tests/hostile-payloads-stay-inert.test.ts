/**
 * Hostile input stays inert: captures whose bodies, titles, author names, front
 * matter and quotes carry XSS payloads (from the OWASP, PortSwigger and HTML5
 * Security cheat sheets; fixtures in `tests/fixtures/hostile/`, in the Markdown
 * export, the flat-text and the essay format, reddit and Discourse JSON, a
 * Discourse feed, a mailbox, a saved forum page, plus a capture of unknown
 * format and one holding only a title) are built into a site, and every
 * page is opened in headless Chromium: no dialog opens, no payload sets
 * `window.__xss`, no request leaves for another host, and the payloads' words
 * are still there as text. Data files and meta tags are checked too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSite, ROOT } from './helpers/site.js';
import { launchChromium } from './helpers/browser.js';
import { serve, type Served } from './helpers/serve.js';
import { filesOf, readHtml, selectAll, toString } from './helpers/html.js';
import { parseCapture } from '../src/lib/index.js';

const FIXTURES = join(ROOT, 'tests/fixtures/hostile');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Where a page let something through. */
interface Breach {
  page: string;
  what: string;
}

let dir = '';
let server: Served;
let browser: Browser;
const breaches: Breach[] = [];
const visited: string[] = [];

let page: Page;
let current = '';
const note = (what: string) => breaches.push({ page: current, what });

/** Opens a page (in one tab reused for speed) and records dialogs, foreign requests, `window.__xss` and live markup. */
async function visit(path: string, act?: (page: Page) => Promise<void>): Promise<string> {
  current = path;
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  if (!res || res.status() !== 200) note(`status ${res?.status()}`);
  if (act) await act(page);
  const xss = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  if (xss !== undefined) note(`window.__xss = ${String(xss)}`);
  // No element carries an event handler or a script URL, and nothing embeds or frames content.
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
        // A citation download (`<a download href="data:application/x-bibtex;…">`) is the one data: link the site writes: never HTML.
        const download = el.tagName === 'A' && el.hasAttribute('download') && /^data:application\/(?:vnd\.citationstyles\.csl\+json|x-bibtex|x-research-info-systems);/.test(a.value);
        if (/^(href|src|action|formaction|xlink:href|data|poster|srcdoc|background)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value) && !download) bad.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    // The debate map is the one SVG the site draws (its attributes are checked above like every element's).
    for (const el of Array.from(document.querySelectorAll('iframe, object, embed, img, svg:not([data-debate-map]), math, base, meta[http-equiv], body style, body link, form[action^="javascript"], template, noscript p'))) bad.push(`element ${el.tagName}`);
    for (const el of Array.from(document.querySelectorAll('script'))) if (/__xss|alert\(/.test(el.textContent ?? '')) bad.push('injected script element');
    return bad;
  });
  for (const f of found) note(f);
  visited.push(path);
  return page.evaluate(() => `${document.title}\n${document.body.innerText}`);
}

beforeAll(async () => {
  ({ outDir: dir } = await buildSite({ outDir: '.tmp/site-hostile', content: 'tests/fixtures/hostile' }));
  server = await serve(dir);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (d) => {
    note(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return;
    if (url.hostname !== '127.0.0.1') note(`request to ${r.url()}`);
  });
  page.on('popup', (p) => note(`popup ${p.url()}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile captures', () => {
  it('hold at least 50 payloads in the Markdown-export and the flat-text format', () => {
    const md = parseCapture({ file: 'payloads-markdown.md', text: fixture('payloads-markdown.md') });
    const flat = parseCapture({ file: 'payloads-flat.txt', text: fixture('payloads-flat.txt') });
    expect(md.format).toBe('markdown-export');
    expect(flat.format).toBe('plain-capture');
    const count = (s: string) => new Set(s.match(/Payload \d+:/g) ?? []).size;
    expect(count(fixture('payloads-markdown.md'))).toBeGreaterThanOrEqual(50);
    expect(count(fixture('payloads-flat.txt'))).toBeGreaterThanOrEqual(50);
    expect(md.posts.length).toBeGreaterThanOrEqual(50);
    expect(flat.posts.length).toBeGreaterThanOrEqual(50);
  });

  it('include a mailbox and a saved forum page whose names, subjects, bodies and quotes carry payloads', () => {
    expect(parseCapture({ file: 'payloads-mail.mbox', text: fixture('payloads-mail.mbox') }).format).toBe('mail');
    const page = parseCapture({ file: 'payloads-page.html', text: fixture('payloads-page.html') });
    expect(page.format).toBe('xenforo2-page');
    expect(page.posts.length).toBe(20);
    expect(page.posts.map((p) => p.text).join('\n')).not.toMatch(/<script|onerror=|<iframe/);
  });

  it('are caught by this test when they do run (a canary page)', async () => {
    writeFileSync(join(dir, 'canary.html'), '<!doctype html><title>c</title><img src="https://evil.example/c.png" onerror="alert(window.__xss=1)"><a href="javascript:alert(2)">x</a>');
    await visit('canary.html');
    rmSync(join(dir, 'canary.html'));
    const seen = breaches.splice(0).map((b) => b.what).join('\n');
    expect(seen).toMatch(/dialog alert/);
    expect(seen).toMatch(/window.__xss = 1/);
    expect(seen).toMatch(/request to https:\/\/evil.example/);
    expect(seen).toMatch(/IMG onerror/);
    expect(seen).toMatch(/javascript:alert\(2\)/);
    visited.length = 0;
  });

  it('run no script, open no dialog and fetch nothing from another host, on any page', async () => {
    // `t/<thread>/page/1/` is the archive's own redirect to the thread (a meta refresh): checked apart.
    const redirect = (p: string) => /^t\/[^/]+\/page\/1\/$/.test(p);
    const built = filesOf(dir, '.html').map((f) => f.replace(/index\.html$/, ''));
    for (const p of built.filter(redirect)) {
      const html = readFileSync(join(dir, p, 'index.html'), 'utf8');
      expect(html.match(/http-equiv=/g)?.length, p).toBe(1);
      expect(html, p).toContain(`http-equiv="refresh" content="0; url=/${p.replace(/page\/1\/$/, '')}"`);
    }
    const pages = built.filter((p) => !redirect(p));
    expect(pages.length).toBeGreaterThan(100);
    const texts = new Map<string, string>();
    for (const p of pages) texts.set(p, await visit(p));
    expect(breaches).toEqual([]);
    expect(visited.length).toBe(pages.length);
    // The payloads are shown as the text they are, not dropped.
    const all = [...texts.values()].join('\n');
    expect(all).toContain('<script>alert(window.__xss=1)</script>');
    expect(all).toContain('<img src=x onerror="alert(window.__xss=3)">');
    expect(all).toContain('<svg onload="alert(window.__xss=9)">');
    expect(all).toContain('markdown link (javascript:alert(window.__xss=52))');
    expect(all).toContain('ref link (javascript:alert(window.__xss=59))');
    expect(all).toContain('</title><script>alert(window.__xss=801)</script> Hostile <b>thread</b>');
    expect(all).toContain('<script>alert(window.__xss=821)</script> Flat');
    expect(all).toContain('<script>alert(window.__xss=834)</script>');
    expect(all).toContain('<script>alert(window.__xss=841)</script> not a known format');
    expect(all).toContain('<svg onload="alert(window.__xss=851)"> a title alone');
    expect(all).toContain('</title><script>alert(window.__xss=906)</script> Hostile reddit thread');
    expect(all).toContain('<img src=x onerror=alert(window.__xss=902)>');
    expect(all).toContain('<script>alert(window.__xss=930)</script>');
    expect(all).toContain('"><script>alert(window.__xss=933)</script>');
    expect(all).toContain('</title><script>alert(window.__xss=941)</script> Hostile feed');
  }, 400_000);

  it('stay inert when the page is used: links hovered and focused, search run', async () => {
    const thread = filesOf(dir, '.html').find((f) => /^t\/[^/]+\/index\.html$/.test(f) && readFileSync(join(dir, f), 'utf8').includes('Payload 37:'))!;
    await visit(thread.replace(/index\.html$/, ''), async () => {
      for (const a of (await page.$$('main article a, main article p')).slice(0, 200)) {
        await a.hover({ timeout: 500 }).catch(() => {});
        await a.focus().catch(() => {});
      }
    });
    if (existsSync(join(dir, 'search/index.html'))) {
      for (const q of ['script', 'alert', 'onerror', 'javascript']) {
        await visit(`search/?q=${q}`, async () => {
          await page.waitForSelector('[data-search-result]', { timeout: 15_000 });
        });
      }
    }
    expect(breaches).toEqual([]);
  }, 200_000);

  it('keep payloads as text in data files and meta tags', () => {
    for (const f of filesOf(dir, '.json')) {
      const raw = readFileSync(join(dir, f), 'utf8');
      expect(() => JSON.parse(raw), f).not.toThrow();
    }
    const data = filesOf(join(dir, 'data/threads'), '.json').map((f) => readFileSync(join(dir, 'data/threads', f), 'utf8'));
    expect(data.join('\n')).toContain(JSON.stringify('<script>alert(window.__xss=1)</script>').slice(1, -1));
    for (const f of filesOf(dir, '.html')) {
      const tree = readHtml(join(dir, f));
      // In head: one title, meta values are attribute text, no injected element.
      expect(selectAll('head title', tree).length, f).toBe(1);
      expect(selectAll('title', tree).filter((t) => !selectAll('svg[data-debate-map] title', tree).includes(t)).length, f).toBe(1);
      expect(selectAll('head img, head svg, head iframe, head base, head object, head embed', tree), f).toEqual([]);
      for (const sc of selectAll('script', tree)) expect(toString(sc), f).not.toMatch(/__xss|alert\(/);
      for (const m of selectAll('meta[content]', tree)) expect(Object.keys(m.properties).filter((k) => /^on/i.test(k)), f).toEqual([]);
    }
  });
});

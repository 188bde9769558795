/**
 * Detection picks the mail, rendered-mail and saved-page formats for their
 * captures, and none of them for the seeds or the other formats' fixtures.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCapture, detectFormat } from '../src/lib/index.js';
import { normaliseSource } from '../src/lib/text/text.js';

const dir = (d: string) => path.resolve(__dirname, 'fixtures', d);
const files = (d: string) => readdirSync(dir(d)).map((f) => path.join(dir(d), f));
const detected = (file: string) => detectFormat(normaliseSource(decodeCapture(readFileSync(file)).text ?? '').text.split('\n')).format?.name ?? 'unknown';

const MINE = new Set(['mail', 'mail-text', 'xenforo2-page', 'xenforo1-page', 'vbulletin-page', 'phpbb-page', 'nodebb-page', 'discourse-page', 'pipermail-page', 'html-page']);

describe('detection of mail and saved pages', () => {
  it('takes the mail format for mbox files and .eml messages', () => {
    for (const f of files('mail')) expect(detected(f), f).toBe('mail');
  });

  it('takes the rendered-mail format for mail threads as text or Markdown', () => {
    for (const f of files('mail-text')) expect(detected(f), f).toBe('mail-text');
  });

  it("takes each board's format for its saved pages, and the visible-text reading for an unknown board", () => {
    const expected: Record<string, string> = {
      'xenforo2.html': 'xenforo2-page',
      'xenforo1.html': 'xenforo1-page',
      'vbulletin3.html': 'vbulletin-page',
      'vbulletin4.html': 'vbulletin-page',
      'vbulletin5.html': 'vbulletin-page',
      'phpbb3.html': 'phpbb-page',
      'phpbb-windows-1252.html': 'phpbb-page',
      'nodebb.html': 'nodebb-page',
      'discourse.html': 'discourse-page',
      'pipermail.html': 'pipermail-page',
      'unknown-board.html': 'html-page',
    };
    for (const f of files('pages')) expect(detected(f), f).toBe(expected[path.basename(f)]);
  });

  it('takes none of these formats for the other fixtures or the seeds', () => {
    const others = ['flat-text', 'essay', 'hostile'].flatMap(files).filter((f) => !/payloads-(mail|page)/.test(f));
    const seeds = path.resolve(__dirname, '../../shared/seeds');
    if (existsSync(seeds)) others.push(...readdirSync(seeds).map((f) => path.join(seeds, f)));
    else console.log('shared/seeds not found: checking the fixtures only');
    for (const f of others) expect(MINE.has(detected(f)), `${f} → ${detected(f)}`).toBe(false);
  });
});

/**
 * Damaged mail and saved-page captures (cut off anywhere, lines lost) import
 * without throwing, and every character stays placed or dropped by a named rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCapture, parseCapture } from '../src/lib/index.js';

const dirs = ['mail', 'mail-text', 'pages'].map((d) => path.resolve(__dirname, 'fixtures', d));
const files = dirs.flatMap((d) => readdirSync(d).map((f) => path.join(d, f)));

/** A small deterministic generator, so a failure names the damage that caused it. */
function* damages(text: string): Generator<[string, string]> {
  const lines = text.split('\n');
  for (let k = 1; k <= 9; k++) yield [`cut at ${k}/10`, text.slice(0, Math.floor((text.length * k) / 10))];
  for (let k = 0; k < lines.length; k += Math.max(1, Math.floor(lines.length / 12))) yield [`line ${k + 1} lost`, [...lines.slice(0, k), ...lines.slice(k + 1)].join('\n')];
  yield ['every other line lost', lines.filter((_, i) => i % 2 === 0).join('\n')];
}

describe('damaged mail and saved pages', () => {
  it('import without throwing, with nothing unaccounted', () => {
    let tried = 0;
    for (const file of files) {
      const text = decodeCapture(readFileSync(file)).text ?? '';
      for (const [what, damaged] of damages(text)) {
        const doc = parseCapture({ file: path.basename(file), text: damaged });
        const sum = Object.values(doc.accounting.dropped).reduce((a, b) => a + b, 0);
        expect(doc.accounting.dropped.unaccounted, `${path.basename(file)}, ${what}`).toBeUndefined();
        expect(doc.accounting.placed + sum, `${path.basename(file)}, ${what}`).toBe(doc.accounting.source);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(200);
  });
});

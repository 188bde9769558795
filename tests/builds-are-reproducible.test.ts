/**
 * Two builds of the same content give byte-identical sites: the default site
 * (built by the global setup) is built again into another folder and every
 * file is compared, byte for byte, both ways.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from './helpers/site.js';
import { filesOf } from './helpers/html.js';

describe('the build', () => {
  it('is reproducible: two builds of the same content are byte-identical', async () => {
    const first = inject('site');
    const { outDir: second } = await buildSite({ outDir: '.tmp/site-again' });
    const a = filesOf(first, '');
    const b = filesOf(second, '');
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(50);
    const differing = a.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(second, f))));
    expect(differing).toEqual([]);
  }, 300_000);
});

/**
 * The benchmark, on a small generated corpus: the build from the corpus
 * succeeds and every figure is printed with a value.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { ROOT } from './helpers/site.js';

const run = promisify(execFile);
const FIGURES = [
  'posts',
  'ingest rate',
  'ingest time',
  'quote-resolution time',
  'astro build time',
  'pages built',
  'index time',
  'total wall time',
  'time per post',
  'peak memory (RSS)',
  'dist size',
  'index size',
  'thread page html vs text (worst of 200)',
  'index pf_meta (gzipped, fetched by every first search)',
  'index maps (per-post positions, all chunks)',
  'cold first query, one word: bytes fetched',
  'cold first query, one word: time to results',
  'cold first query, three remembered words: bytes fetched',
  'cold first query, three remembered words: time to results',
  'research: claims and years (all posts)',
  'research: debate maps (all threads)',
  'research: citations (all posts: APA, BibTeX, RIS, CSL-JSON)',
  'research: pages and files added',
  'research: estimated build time added',
  'warm query: time to results',
];

describe('npm run bench', () => {
  it('builds a ~500-post generated corpus and prints every figure', async () => {
    const work = resolve(ROOT, '.tmp/bench');
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[k];
    const { stdout } = await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/bench.ts', '--posts', '500', '--seed', '5', '--work', work], {
      cwd: ROOT,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = stdout.trim().split('\n');
    for (const name of FIGURES) {
      const line = lines.find((l) => l.startsWith(`${name}: `));
      expect(line, `figure "${name}" in:\n${stdout}`).toBeDefined();
      expect(line!, `figure "${name}" has a value`).toMatch(/: \d/);
      expect(line!).not.toMatch(/NaN|not measured/);
    }
    expect(Number(/^posts: (\d+)/m.exec(stdout)![1])).toBeGreaterThanOrEqual(450);
    expect(existsSync(resolve(work, 'site-500-5/index.html'))).toBe(true);
  }, 600_000);
});

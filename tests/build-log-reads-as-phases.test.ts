/**
 * The build a person runs (`npm run build`, scripts/build.ts): no line per
 * page, a progress line for the pages phase with its count and rate, the
 * search index's line, and the import report exactly once, at the end.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import { ROOT } from './helpers/site.js';

const run = promisify(execFile);

describe('npm run build', () => {
  it('prints phases with counts, not a line per page, and the import report once', async () => {
    const out = resolve(ROOT, '.tmp/build-log');
    await rm(out, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
    for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ARCHIVE_CONTENT', 'ARCHIVE_BASE']) delete env[k];
    const { stdout, stderr } = await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--outDir', out], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    const log = `${stdout}\n${stderr}`;
    expect(log).not.toMatch(/[├└]─ \//);
    const pages = /^pages: ([\d,]+) written in [\d.]+ s \(([\d,]+) pages\/s\)$/m.exec(log);
    expect(pages, log.slice(-3000)).not.toBeNull();
    expect(Number(pages![1]!.replace(/,/g, ''))).toBeGreaterThan(100);
    expect(log).toMatch(/\[archive-pagefind\] search index: /);
    expect(log.match(/report: \d+ files/g)).toHaveLength(1);
    expect(log.indexOf('report: ')).toBeGreaterThan(log.indexOf('search index: '));
  });
});

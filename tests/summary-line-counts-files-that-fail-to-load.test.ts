/**
 * The run's last line (`tests: N passed, N failed`), which CI reads: a test
 * file that fails to load counts as failed, so a failing run never reports
 * `0 failed`. Runs vitest on tests/fixtures/broken-suite/ (one file that
 * passes, one that cannot load) with the project's summary reporter.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './helpers/site.js';

describe('the summary line', () => {
  it('counts a test file that fails to load as a failure', () => {
    const suite = resolve(ROOT, 'tests/fixtures/broken-suite');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.VITEST;
    delete env.VITEST_POOL_ID;
    delete env.VITEST_WORKER_ID;
    const r = spawnSync(
      process.execPath,
      [resolve(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', suite, '--config', resolve(suite, 'vitest.config.mjs'), '--reporter', 'default', '--reporter', resolve(ROOT, 'tests/helpers/summary-reporter.ts')],
      { cwd: suite, env, encoding: 'utf8', timeout: 120_000 },
    );
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status, out).not.toBe(0);
    expect(out).toMatch(/^tests: 1 passed, 1 failed$/m);
  });
});

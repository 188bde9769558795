/**
 * A vitest reporter that ends the run with one plain line, `tests: N passed, N failed`
 * (and `, N skipped`), which CI reads to know how many tests ran. A test file
 * that fails to load (a syntax error, a missing module, a throw at its top
 * level) counts as one failed test, and so does an unhandled error, so the
 * line never says `0 failed` for a run that failed.
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/** Counts of a finished run. */
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

/** The counts of a run: its tests, plus one failure per file that did not load and per unhandled error. */
export function summarise(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError> = []): Summary {
  const s: Summary = { passed: 0, failed: unhandled.length, skipped: 0 };
  for (const m of modules) {
    let failedTests = 0;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed') s.passed++;
      else if (state === 'failed') {
        s.failed++;
        failedTests++;
      } else s.skipped++;
    }
    // The file failed but none of its tests did: it did not load, or a hook failed.
    if (m.state() === 'failed' && failedTests === 0) s.failed++;
  }
  return s;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const { passed, failed, skipped } = summarise(modules, unhandled);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}

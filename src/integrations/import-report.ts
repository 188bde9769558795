/**
 * The import report at the end of `astro build`: what the content loader
 * skipped or guessed, and why (written by `src/loader/archive-loader.ts` when
 * it imports the captures). The loader and this integration are loaded as
 * separate modules, so the report is handed over on `globalThis`.
 */
import type { AstroIntegration } from 'astro';

const KEY = Symbol.for('counterfactual-archive.import-report');

/** Keeps the import report for the end of the build (called by the loader). */
export function setImportReport(report: string): void {
  (globalThis as Record<symbol, unknown>)[KEY] = report;
}

/** The import report of this process's last import, or null. */
export function importReportText(): string | null {
  const r = (globalThis as Record<symbol, unknown>)[KEY];
  return typeof r === 'string' ? r : null;
}

const BUILDING = Symbol.for('counterfactual-archive.building');

/** True during `astro build`, whose end prints the report: the loader then leaves it to this integration, so it is printed once. */
export function reportedAtEnd(): boolean {
  return (globalThis as Record<symbol, unknown>)[BUILDING] === true;
}

/** The Astro integration: logs the import report once the build is done. */
export default function importReport(): AstroIntegration {
  return {
    name: 'archive-import-report',
    hooks: {
      'astro:config:setup': ({ command }) => {
        (globalThis as Record<symbol, unknown>)[BUILDING] = command === 'build';
      },
      'astro:build:done': ({ logger }) => {
        const report = importReportText();
        if (report) logger.info(report);
      },
    },
  };
}

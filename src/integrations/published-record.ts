/**
 * Writes the record of published URLs (`published.json` in the content
 * folder; `src/lib/archive/published.ts`) when a build has succeeded: only a
 * site that was built has published anything. The content loader computes the
 * record while it imports and hands it over on `globalThis` (the loader and
 * the integrations are loaded as separate modules). The file is written only
 * when its text changes, so a rebuild of unchanged content leaves it alone.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';

const KEY = Symbol.for('counterfactual-archive.published-record');

/** Keeps the record to write at the end of the build (called by the loader). */
export function setPublishedRecord(path: string, text: string): void {
  (globalThis as Record<symbol, unknown>)[KEY] = { path, text };
}

/** The Astro integration: writes the record at `astro:build:done`. */
export default function publishedRecord(): AstroIntegration {
  return {
    name: 'archive-published-record',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const pending = (globalThis as Record<symbol, { path: string; text: string } | undefined>)[KEY];
        if (!pending) return;
        let old: string | null = null;
        try {
          old = readFileSync(pending.path, 'utf8');
        } catch {
          /* first build of this content folder */
        }
        if (old === pending.text) return;
        try {
          writeFileSync(pending.path, pending.text);
          logger.info(`updated ${pending.path}: commit it with the content, so that later builds know what was published`);
        } catch (e) {
          logger.warn(`could not write ${pending.path} (${(e as Error).message}): later builds will not answer the URLs of threads removed from now on with a "withdrawn" page. Make the content folder writable.`);
        }
      },
    },
  };
}

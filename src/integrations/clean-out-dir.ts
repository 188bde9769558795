/**
 * Every build publishes exactly its content: the output folder is emptied
 * here, once, before Astro writes anything into it.
 *
 * Why not leave it to Astro: Astro 5.18 empties the output folder with
 * `emptyDir(outDir, new Set(".git"))` (node_modules/astro/dist/core/build/static-build.js,
 * line 41). `new Set(".git")` is a set of the characters `.`, `g`, `i` and
 * `t`, not of the name `.git`, so a top-level entry named `t`, `g` or `i` is
 * skipped, and `.git`, which it means to keep, is deleted. Our thread URLs
 * live under `/t/`: left to Astro, a thread removed from the content stays
 * published, and building a second archive into the same folder leaves every
 * thread of the first one online. Upstream fix: `new Set([".git"])`.
 *
 * So this integration turns Astro's emptying off (`vite.build.emptyOutDir:
 * false`, which Astro honours) and empties the folder itself at
 * `astro:build:start`, keeping a top-level `.git` as Astro means to (a deploy
 * folder that is a git checkout). Remove it once the project runs an Astro
 * release with the fix (README, "Notes on upstream bugs").
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Top-level names kept when the output folder is emptied. */
export const KEPT_IN_OUT_DIR: ReadonlySet<string> = new Set(['.git']);

/** Removes everything in `dir` but the names in `keep` (default: `.git`). A missing folder is left missing. */
export function emptyOutDir(dir: string, keep: ReadonlySet<string> = KEPT_IN_OUT_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed = names.filter((name) => !keep.has(name));
  for (const name of removed) rmSync(join(dir, name), { recursive: true, force: true, maxRetries: 3 });
  return removed;
}

/** The Astro integration: takes over emptying the output folder from Astro, at `astro:build:start`. */
export default function cleanOutDir(): AstroIntegration {
  let outDir: string | null = null;
  return {
    name: 'archive-clean-out-dir',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        if (!outDir) return;
        const removed = emptyOutDir(outDir);
        if (removed.length > 0) logger.info(`emptied ${outDir} (${removed.length} entries) before writing`);
      },
    },
  };
}

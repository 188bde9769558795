/**
 * Building the site for tests: `astro build` into a folder of `.tmp/`, from a
 * given content folder and base path. Builds run one at a time (they share `.astro/`).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';

const run = promisify(execFile);

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The shared folder beside the checkout (seeds, gold labels, scorer). */
export const SHARED = resolve(ROOT, '../shared');

/** The archive's default content: the seed captures, kept in the repository. */
export const CONTENT = resolve(ROOT, 'content');

/**
 * Whether `../shared` (gold labels and scorer) is beside the checkout. A person
 * who clones the repository alone does not have it: the tests that need it
 * skip, and this prints why, once per test file.
 */
export function hasShared(what: string): boolean {
  if (existsSync(resolve(SHARED, 'gold/seeds.json'))) return true;
  process.stdout.write(`\nnotice: skipping ${what}: it needs ../shared (the gold labels and their scorer), which is not beside this checkout (${SHARED}).\n`);
  return false;
}

/** Options for `buildSite`. */
export interface BuildSiteOptions {
  /** Output folder (absolute, or relative to the repository root). */
  outDir: string;
  /** Content folder (default `content/`). */
  content?: string;
  /** Base path (default `/`). */
  base?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Build over what the output folder already holds, as a publisher's rebuild does (default: the folder is removed first). */
  keepOutDir?: boolean;
}

/** Builds the site; resolves to the build's combined output. Rejects with the output when the build fails. */
export async function buildSite(o: BuildSiteOptions): Promise<{ outDir: string; log: string }> {
  const outDir = resolve(ROOT, o.outDir);
  if (!o.keepOutDir) await rm(outDir, { recursive: true, force: true });
  // NO_COLOR: Astro's logger colours its output when `CI` is set, which would split the words tests look for.
  const env: NodeJS.ProcessEnv = { ...process.env, ...o.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  // Vitest sets Vite's env variables in process.env; a child build would take BASE_URL=/ over `base`.
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) if (!o.env || !(k in o.env)) delete env[k];
  if (o.content) env.ARCHIVE_CONTENT = resolve(ROOT, o.content);
  else delete env.ARCHIVE_CONTENT;
  if (o.base) env.ARCHIVE_BASE = o.base;
  else delete env.ARCHIVE_BASE;
  try {
    const { stdout, stderr } = await run(process.execPath, [resolve(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', outDir], {
      cwd: ROOT,
      env,
      maxBuffer: 256 * 1024 * 1024,
    });
    return { outDir, log: stripAnsi(`${stdout}\n${stderr}`) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(stripAnsi(`astro build failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`));
  }
}

/** Removes ANSI colour codes from a log. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * `npm run build [-- astro build options]`: `astro build` with a log a person
 * can read. Astro prints a line for every page it writes (112,000 lines at
 * 100k posts), which buries the import report; this runs the build and, in
 * place of those lines, prints one progress line per phase with counts and
 * rate (import, pages, search index), then the import report once, at the end.
 * Everything else Astro prints passes through; the exit code is the build's.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** A line Astro prints for one written page (`├─ /t/x/index.html (+3ms)`). */
const PAGE_LINE = /^(?:\S+ )?\s*[├└]─ /u;
/** A route heading Astro prints before its pages (`▶ src/pages/t/[slug]/[n].astro`). */
const ROUTE_LINE = /^(?:\S+ )?[▶λ] src\/pages\//u;
/** How often the pages phase reports, at most (default every 2 s). */
const EVERY_MS = 2000;

/** A counter that prints `pages: N written (R/s)` now and then, and a last line when done. */
export function pageProgress(write: (line: string) => void, now: () => number = () => performance.now()) {
  let pages = 0;
  let start = 0;
  let last = 0;
  const line = (final: boolean) => {
    const s = (now() - start) / 1000;
    const rate = Math.round(pages / Math.max(s, 0.001));
    write(`pages: ${pages.toLocaleString('en')} written${final ? ` in ${s.toFixed(1)} s` : ''} (${rate.toLocaleString('en')} pages/s)`);
  };
  return {
    /** Counts a page line; reports when a while has passed. */
    page(): void {
      if (pages === 0) start = last = now();
      pages++;
      if (now() - last >= EVERY_MS) {
        last = now();
        line(false);
      }
    },
    /** Reports the total, once, if any page was written. */
    done(): void {
      if (pages > 0) line(true);
      pages = 0;
    },
  };
}

/** Runs `astro build` with `args`, filtering its page lines; resolves to its exit code. */
export function build(args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/astro.js'), 'build', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: process.env.NO_COLOR ?? (process.stdout.isTTY ? '' : '1') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const progress = pageProgress((l) => process.stdout.write(`${l}\n`));
    const plain = (l: string) => l.replace(/\u001b\[[0-9;]*m/g, '');
    createInterface({ input: child.stdout }).on('line', (l) => {
      const text = plain(l);
      if (PAGE_LINE.test(text)) return progress.page();
      if (ROUTE_LINE.test(text)) return;
      // The pages phase ends with Astro's "Completed in" line of the static routes.
      if (/✓ Completed in/.test(text)) progress.done();
      process.stdout.write(`${l}\n`);
    });
    createInterface({ input: child.stderr }).on('line', (l) => process.stderr.write(`${l}\n`));
    child.on('close', (code) => {
      progress.done();
      done(code ?? 1);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await build(process.argv.slice(2));
}

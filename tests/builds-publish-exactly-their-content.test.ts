/**
 * A build publishes exactly its content: archive A is built, then archive B
 * (the default `content/`) into the same folder, and the folder is
 * byte-identical to a fresh build of B (the global setup's). Astro 5.18 alone
 * leaves A's threads in `t/` (see src/integrations/clean-out-dir.ts).
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite, ROOT } from './helpers/site.js';
import { filesOf } from './helpers/html.js';
import { emptyOutDir } from '../src/integrations/clean-out-dir.js';

/** A small archive unlike the default one: two threads and an essay under their own slugs. */
function writeArchiveA(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const thread = (title: string, words: string) =>
    `# ${title}\n\n## Alpha\n\n${words} in the opening post.\n\n----------\n\n## Beta\n\nA reply about ${words}.\n`;
  writeFileSync(join(dir, 'one.md'), thread('WI the Armada lands in 1588', 'Parma crossing the Channel'));
  writeFileSync(join(dir, 'two.md'), thread('WI Byzantium holds Manzikert', 'Romanos winning the day'));
}

describe('a build into a folder that holds an earlier build', () => {
  it('publishes exactly its own content: A then B is byte-identical to a fresh B', async () => {
    const fresh = inject('site');
    const content = resolve(ROOT, '.tmp/publish-a-content');
    writeArchiveA(content);
    const { outDir } = await buildSite({ outDir: '.tmp/publish-a-then-b', content });
    const threadsOfA = filesOf(join(outDir, 't'), 'index.html');
    expect(threadsOfA.length).toBeGreaterThan(4);
    // A deploy folder may be a git checkout: its .git is kept, as Astro intends.
    mkdirSync(join(outDir, '.git'), { recursive: true });
    writeFileSync(join(outDir, '.git', 'HEAD'), 'ref: refs/heads/main\n');

    await buildSite({ outDir: '.tmp/publish-a-then-b', keepOutDir: true });
    expect(readFileSync(join(outDir, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    rmSync(join(outDir, '.git'), { recursive: true });
    for (const f of threadsOfA) expect(existsSync(join(outDir, 't', f)), `t/${f} of archive A`).toBe(existsSync(join(fresh, 't', f)));
    const a = filesOf(fresh, '');
    const b = filesOf(outDir, '');
    expect(b).toEqual(a);
    const differing = a.filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(outDir, f))));
    expect(differing).toEqual([]);
  }, 600_000);

  it('empties every top-level name, including the ones Astro 5.18 skips (t, g, i), but .git', () => {
    const dir = resolve(ROOT, '.tmp/empty-out-dir');
    rmSync(dir, { recursive: true, force: true });
    for (const name of ['t', 'g', 'i', '.', 'data', '.git']) mkdirSync(join(dir, name === '.' ? 'dot' : name, 'x'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'old');
    expect(emptyOutDir(dir).sort()).toEqual(['data', 'dot', 'g', 'i', 'index.html', 't']);
    expect(filesOf(dir, '')).toEqual([]);
    expect(existsSync(join(dir, '.git', 'x'))).toBe(true);
    expect(emptyOutDir(join(dir, 'missing'))).toEqual([]);
  });
});

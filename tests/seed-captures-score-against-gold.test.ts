import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, SHARED as shared } from './helpers/site.js';

const repoRoot = path.resolve(__dirname, '..');
const present = hasShared('the seed captures scored against the gold labels');
const seeds = present ? readdirSync(path.join(shared, 'seeds')).sort().map((f) => path.join(shared, 'seeds', f)) : [];

function parse(files: string[]): string {
  const out = execFileSync('npx', ['tsx', 'scripts/parse.ts', ...files], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gold-')), 'report.json');
  writeFileSync(file, out);
  return file;
}

function score(report: string, extra: string[] = []) {
  return spawnSync(
    'node',
    [path.join(shared, 'tools/score-gold.mjs'), path.join(shared, 'gold/seeds.json'), report, '--min-author', '1', '--min-quote-f1', '1', '--min-headings', '1', ...extra],
    { cwd: repoRoot, encoding: 'utf8' },
  );
}

describe.skipIf(!present)('seed captures score against the gold labels', () => {
  it('passes on all five seeds parsed together', () => {
    const r = score(parse(seeds));
    expect(r.stdout).toMatch(/^PASS: post counts all right, author accuracy 1\.000/m);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('passes on the Markdown export alone', () => {
    const r = score(parse(seeds.filter((f) => f.endsWith('004_01001c22f2644516.txt'))), ['--files', '004_01001c22f2644516.txt']);
    expect(r.stdout).toMatch(/^PASS/m);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});

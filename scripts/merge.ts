/**
 * `npm run merge [-- --plan-dir DIR] [--outDir DIR]`: merges the parts of a
 * sharded build (`npm run build -- --shard I/N`, each on any machine, their
 * `<plan-dir>/parts/I/` folders gathered under one `<plan-dir>/parts/`) into
 * one site, default `dist/` (scripts/shards/merge.ts).
 */
import { resolve } from 'node:path';
import { mergeShards } from './shards/merge.js';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]!) : dflt;
};
const planDir = opt('--plan-dir', resolve(ROOT, '.shards'));
try {
  await mergeShards({ plan: planDir, parts: resolve(planDir, 'parts'), out: opt('--outDir', resolve(ROOT, 'dist')), log: (l) => process.stdout.write(`${l}\n`) });
} catch (e) {
  process.stderr.write(`merge: ${(e as Error).message}\n`);
  process.exitCode = 1;
}

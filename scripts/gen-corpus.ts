/**
 * `npm run gen-corpus -- --posts N --out DIR [--seed S]`: writes a
 * deterministic synthetic archive of N posts as capture files (half Markdown
 * exports `tNNNNNN.md`, half flat-text captures `tNNNNNN.txt`) and its ground
 * truth in `DIR/.manifest.json`, for benchmarks. Same arguments, same bytes.
 */
import { generateCorpus } from './corpus/generate.js';

const USAGE = 'usage: npm run gen-corpus -- --posts N --out DIR [--seed S]\n';

function parseArgs(argv: string[]): { posts: number; out: string; seed: string } {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    const m = /^--(posts|out|seed)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    opts.set(m[1]!, value);
  }
  const posts = Number(opts.get('posts'));
  const out = opts.get('out');
  if (!Number.isInteger(posts) || posts < 2) throw new Error('--posts must be an integer of at least 2');
  if (!out) throw new Error('--out is required');
  return { posts, out, seed: opts.get('seed') ?? '1' };
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`gen-corpus: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const t0 = performance.now();
const totals = generateCorpus(args);
const seconds = (performance.now() - t0) / 1000;
process.stderr.write(
  `gen-corpus: ${totals.files} files, ${totals.posts} posts, ${totals.quotes.total} quotes, ${totals.authors} authors (${totals.renamedAuthors} renamed) in ${seconds.toFixed(2)} s -> ${args.out}\n`,
);

/**
 * `npm run bench -- --posts N [--seed S] [--work DIR] [--no-browser] [--peer hugo] [--shards N|auto [--shard-posts K]]`: generates (or reuses)
 * a synthetic archive of about N posts, builds the site from it, and prints one
 * line per figure: ingest rate, quote-resolution time, Astro build time, index
 * time, total wall time, peak memory, dist/ size, index size, thread-page HTML
 * against its text, and, in headless Chromium against the built site, the bytes
 * fetched and the time until the first results show for a cold first query and
 * a warm one. With `--peer hugo`, the same corpus is then built by Hugo and
 * indexed by Pagefind's CLI (scripts/bench/peer-hugo.ts), and timed against ours.
 *
 * Work folders (corpus, site, statistics) are under `--work DIR`, default `.bench/` (ignored by git).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatByProcess, startSampler, type MemoryReport } from './bench/memory.js';

const ROOT = resolve(import.meta.dirname, '..');

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}
const posts = Number(arg('--posts', '10000'));
const seed = arg('--seed', '1');
const browserOn = !process.argv.includes('--no-browser');
const peer = arg('--peer', '');
/** `--shards N|auto`: the sharded build (plan, parts two at a time, merge) instead of one `astro build`. */
const shards = arg('--shards', '');
const shardPosts = arg('--shard-posts', '');
if (!Number.isFinite(posts) || posts < 1 || (peer && peer !== 'hugo')) {
  process.stderr.write('usage: npm run bench -- --posts N [--seed S] [--work DIR] [--no-browser] [--peer hugo] [--shards N|auto [--shard-posts K]]\n');
  process.exit(2);
}
const work = resolve(ROOT, arg('--work', '.bench'));
const corpus = join(work, `corpus-${posts}-${seed}`);
const mode = shards ? `sharded` : 'single';
const outDir = join(work, `site-${posts}-${seed}${shards ? '-sharded' : ''}`);
const statsFile = join(work, `stats-${posts}-${seed}.json`);
mkdirSync(work, { recursive: true });

/** Seconds since midnight of an Astro log line's `HH:MM:SS` stamp, or null. */
function stamp(line: string | undefined): number | null {
  const m = line ? /^(?:\[part \d+\/\d+\] )?(\d\d):(\d\d):(\d\d) /.exec(line) : null;
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

/**
 * The build's phases from its log, in ms. A single build: ingest (the
 * importer), store (the rest of Astro's content sync), render (writing the
 * pages; the search index is built meanwhile by Pagefind's process, `index`).
 * A sharded build: plan (ingest and slices), parts (every part's pages and
 * index, two at a time), merge.
 */
function phases(out: string): [string, number][] {
  const lines = out.split('\n');
  const sharded = /^phases: plan ([\d.]+) s, parts ([\d.]+) s/m.exec(out);
  const merge = /^phases: merge ([\d.]+) s/m.exec(out);
  if (sharded) {
    const list: [string, number][] = [['plan (ingest and slices)', Number(sharded[1]) * 1000], ['parts (render and index, two at a time)', Number(sharded[2]) * 1000]];
    if (merge) list.push(['merge', Number(merge[1]) * 1000]);
    return list;
  }
  const sync = [stamp(lines.find((l) => /\[content\] Syncing content/.test(l))), stamp(lines.find((l) => /\[content\] Synced content/.test(l)))];
  const render = [...out.matchAll(/✓ Completed in ([\d.]+)(m?s)\./g)].pop();
  const list: [string, number][] = [['ingest', stats.ingestMs ?? NaN]];
  if (sync[0] != null && sync[1] != null) list.push(['store (content sync less ingest, 1 s resolution)', Math.max(0, (sync[1]! - sync[0]!) * 1000 - (stats.ingestMs ?? 0))]);
  if (render) list.push(['render (pages)', Number(render[1] ?? NaN) * (render[2] === 's' ? 1000 : 1)]);
  list.push(['index (beside render)', stats.indexMs ?? NaN]);
  return list;
}

/**
 * Keeps this run's time per post in `<work>/per-post-<mode>.json` and prints
 * it against the other archive sizes measured so far with the same build mode
 * (the 10k / 100k / 1M ratio: linear cost is 1.0).
 */
function perPostRatios(msPerPost: number): void {
  const file = join(work, `per-post-${mode}.json`);
  let all: Record<string, number> = {};
  try {
    all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    /* first run */
  }
  all[String(corpusPosts)] = msPerPost;
  writeFileSync(file, `${JSON.stringify(all, null, 1)}\n`);
  const sizes = Object.keys(all).map(Number).sort((a, b) => a - b);
  const smallest = sizes[0]!;
  figure(`time per post by archive size (${mode})`, sizes.map((n) => `${n.toLocaleString('en')}: ${(all[String(n)]! * 1000).toFixed(0)} µs`).join(', '));
  if (smallest !== corpusPosts) figure(`time per post against ${smallest.toLocaleString('en')} posts`, (msPerPost / all[String(smallest)]!).toFixed(2), '×');
}

/** Prints one figure as `name: value unit`. */
function figure(name: string, value: number | string, unit = ''): void {
  process.stdout.write(`${name}: ${typeof value === 'number' ? (Number.isInteger(value) ? value : value.toFixed(2)) : value}${unit ? ` ${unit}` : ''}\n`);
}

/** Runs a command, streaming its output to stderr; resolves with its output, wall time and memory (peak of the tree's summed RSS at one moment). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ out: string; ms: number; peak: number; memory: MemoryReport }> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const sampler = startSampler(child.pid ?? 0);
    const take = (b: Buffer) => {
      out += b.toString();
      process.stderr.write(b);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => {
      const memory = sampler.stop();
      const ms = performance.now() - t0;
      if (code !== 0) fail(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
      else ok({ out, ms, peak: memory.peakSum, memory });
    });
  });
}

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((a, n) => a + sizeOf(join(path, n)), 0);
}

function countFiles(path: string, ext: string): number {
  if (!existsSync(path)) return 0;
  return readdirSync(path, { withFileTypes: true }).reduce((a, e) => a + (e.isDirectory() ? countFiles(join(path, e.name), ext) : e.name.endsWith(ext) ? 1 : 0), 0);
}

const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const astro = join(ROOT, 'node_modules/astro/astro.js');

if (!existsSync(join(corpus, '.manifest.json'))) {
  rmSync(corpus, { recursive: true, force: true });
  process.stderr.write(`generating a corpus of ${posts} posts into ${corpus}\n`);
  await run(process.execPath, [tsx, 'scripts/gen-corpus.ts', '--posts', String(posts), '--out', corpus, '--seed', seed], {});
}
const manifest = JSON.parse(readFileSync(join(corpus, '.manifest.json'), 'utf8')) as { posts?: number; totals?: { posts?: number } };
const corpusPosts = manifest.totals?.posts ?? manifest.posts ?? posts;

rmSync(outDir, { recursive: true, force: true });
rmSync(statsFile, { force: true });
// A clean build, as in a publishing pipeline: no content-layer cache from an earlier build
// (Astro would parse it at start and compare against it when saving).
rmSync(join(ROOT, 'node_modules/.astro/data-store.json'), { force: true });
const planDir = join(work, `plan-${posts}-${seed}`);
if (shards) rmSync(join(planDir, 'parts'), { recursive: true, force: true });
const build = await run(process.execPath, shards
  ? [tsx, 'scripts/build.ts', '--shards', shards, ...(shardPosts ? ['--shard-posts', shardPosts] : []), '--plan-dir', planDir, '--outDir', outDir]
  : ['--max-old-space-size=8192', '--max-semi-space-size=64', astro, 'build', '--outDir', outDir], {
  ARCHIVE_CONTENT: corpus,
  ARCHIVE_STATS_FILE: statsFile,
  ASTRO_TELEMETRY_DISABLED: '1',
  // Astro's logger colours its output when `CI` is set; the figures are read from it as text.
  NO_COLOR: '1',
});
const stats = existsSync(statsFile) ? (JSON.parse(readFileSync(statsFile, 'utf8')) as Record<string, number>) : {};
const plainOut = build.out.replace(/\u001b\[[0-9;]*m/g, '');
const pageLines = [...plainOut.matchAll(/\[build\] (\d+) page\(s\) built in ([\d.]+)(m?s)/g)];
const pagesLine = pageLines.length > 0 ? ([null, String(pageLines.reduce((a, m) => a + Number(m[1]), 0)), String(Math.max(...pageLines.map((m) => Number(m[2]) * (m[3] === 's' ? 1 : 0.001)))), 's'] as const) : null;
const astroMs = pagesLine ? Number(pagesLine[2]) * 1000 : NaN;

figure('build', shards ? `sharded (--shards ${shards}${shardPosts ? ` --shard-posts ${shardPosts}` : ''})` : 'single astro build');
figure('posts', corpusPosts);
figure('ingest rate', stats.ingestMs ? corpusPosts / (stats.ingestMs / 1000) : NaN, 'posts/s');
figure('ingest time', (stats.ingestMs ?? NaN) / 1000, 's');
figure('quote-resolution time', (stats.quotesMs ?? NaN) / 1000, 's');
figure('astro build time', astroMs / 1000, 's');
figure('pages built', pagesLine ? Number(pagesLine[1]) : countFiles(outDir, '.html'));
figure('index time', (stats.indexMs ?? NaN) / 1000, 's');
figure('total wall time', build.ms / 1000, 's');
figure('time per post', (build.ms / corpusPosts) * 1000, 'µs');
figure('peak memory (RSS)', build.peak / 2 ** 20, 'MiB');
figure('peak memory by process', formatByProcess(build.memory));
for (const [name, ms] of phases(plainOut)) figure(`phase: ${name}`, ms / 1000, 's');
perPostRatios(build.ms / corpusPosts);
figure('dist size', sizeOf(outDir) / 2 ** 20, 'MiB');
figure('index size', sizeOf(join(outDir, 'pagefind')) / 2 ** 20, 'MiB');
// A sharded build's search merges the thread shards' bundles (pagefind/shards/I/) into the archive-wide one: every first search fetches each pf_meta.
const bundles = [join(outDir, 'pagefind'), ...(existsSync(join(outDir, 'pagefind/shards')) ? readdirSync(join(outDir, 'pagefind/shards')).map((d) => join(outDir, 'pagefind/shards', d)) : [])];
const pfMetaBytes = bundles.reduce((a, b) => a + readdirSync(b).filter((f) => f.endsWith('.pf_meta')).reduce((x, f) => x + statSync(join(b, f)).size, 0), 0);
if (pfMetaBytes > 0) figure('index pf_meta (gzipped, fetched by every first search)', (pfMetaBytes / 1024).toFixed(1), 'KB');
if (bundles.length > 1) figure('index bundles merged by the search page', bundles.length);
figure('index maps (per-post positions, all chunks)', (sizeOf(join(outDir, 'pagefind', 'maps')) / 1024).toFixed(0), 'KB');

// A thread page's HTML against its text (target: at most 1.5 × text + 8 KB).
{
  const threads = join(outDir, 't');
  let worst = { ratio: 0, slug: '', html: 0, text: 0 };
  if (existsSync(threads)) {
    for (const slug of readdirSync(threads).slice(0, 200)) {
      const file = join(threads, slug, 'index.html');
      if (!existsSync(file)) continue;
      const html = readFileSync(file, 'utf8');
      const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').length;
      const ratio = (html.length - 8192) / Math.max(1, text);
      if (ratio > worst.ratio) worst = { ratio, slug, html: html.length, text };
    }
  }
  figure('thread page html vs text (worst of 200)', `${(worst.html / 1024).toFixed(1)} KB html for ${(worst.text / 1024).toFixed(1)} KB text = 8 KB + ${worst.ratio.toFixed(2)}×text`);
}

// The research views' share of the build: their pure work timed here on the built posts.jsonl (claims and
// years per post, the debate map per thread, citations per post), and the pages and files they add.
{
  const { postResearch } = await import('../src/lib/research/index.js');
  const { debateMap } = await import('../src/lib/research/debate-map.js');
  const { cslItem, formatPostReference, toBibtex, toCslJson, toRis } = await import('../src/lib/research/citation.js');
  const jsonl = join(outDir, 'data/posts.jsonl');
  const lines = existsSync(jsonl) ? readFileSync(jsonl, 'utf8').trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { thread: string; threadTitle: string; n: number; author: string | null; text: string; quotes: { sourcePost: number | null; sourceThread: string | null }[] }) : [];
  let t = performance.now();
  for (const l of lines) postResearch(l.text);
  const claimsMs = performance.now() - t;
  const byThread = new Map<string, typeof lines>();
  for (const l of lines) byThread.set(l.thread, [...(byThread.get(l.thread) ?? []), l]);
  t = performance.now();
  for (const [slug, list] of byThread) debateMap(list.map((l) => ({ n: l.n, author: l.author, quotes: l.quotes.flatMap((q) => (q.sourcePost !== null && (q.sourceThread ?? slug) === slug ? [q.sourcePost] : [])) })));
  const mapMs = performance.now() - t;
  t = performance.now();
  for (const l of lines) {
    const s = { kind: 'post' as const, id: `whatif_${l.thread}_${l.n}`, title: l.threadTitle, n: l.n, author: l.author, forum: null, source: null, date: null, captured: null, url: `http://localhost:4321/t/${l.thread}/${l.n}/` };
    const item = cslItem(s);
    formatPostReference(s);
    toBibtex(item);
    toRis(item);
    toCslJson(item);
  }
  const citeMs = performance.now() - t;
  const added = countFiles(join(outDir, 'years'), '.html') + countFiles(join(outDir, 'feeds'), '.xml') + countFiles(join(outDir, 'data'), '.md') + countFiles(join(outDir, 'data/captures'), '') + [...byThread.keys()].filter((slug) => existsSync(join(outDir, 't', slug, 'map/index.html'))).length + 2;
  const perPage = astroMs / (pagesLine ? Number(pagesLine[1]) : 1);
  figure('research: claims and years (all posts)', claimsMs / 1000, 's');
  figure('research: debate maps (all threads)', mapMs / 1000, 's');
  figure('research: citations (all posts: APA, BibTeX, RIS, CSL-JSON)', citeMs / 1000, 's');
  figure('research: pages and files added', added);
  figure('research: estimated build time added', (claimsMs + mapMs + citeMs + added * perPage) / 1000, 's');
}

if (browserOn) {
  const { serve } = await import('../tests/helpers/serve.js');
  const { launchChromium } = await import('../tests/helpers/browser.js');
  const server = await serve(outDir, '/');
  const browser = await launchChromium();
  try {
    // Query words that occur in the corpus: from a post of the first thread's data file.
    const index = JSON.parse(readFileSync(join(outDir, 'data/index.json'), 'utf8')) as { documents: { slug: string }[] };
    const first = JSON.parse(readFileSync(join(outDir, `data/threads/${index.documents[0]!.slug}.json`), 'utf8')) as { posts: { text: string }[] };
    const post = first.posts[Math.floor(first.posts.length / 2)] ?? first.posts[0]!;
    const vocab = post.text.toLowerCase().match(/[a-z]{6,}/g) ?? ['trotsky', 'stalin', 'purges'];
    const single = vocab[0]!;
    const remembered = [...new Set(vocab)].slice(1, 4).join(' ');
    const other = vocab[vocab.length - 1]!;
    /** A first search in a fresh browser: bytes fetched (all requests, the page included) and time to results. */
    const cold = async (q: string, label: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      page.on('requestfinished', async (r) => {
        try {
          const s = await r.sizes();
          bytes += s.responseBodySize + s.responseHeadersSize;
        } catch {
          /* ignore */
        }
      });
      const t0 = performance.now();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('#search-status[data-count]', { timeout: 60_000 });
      const ms = performance.now() - t0;
      await page.waitForTimeout(500);
      const count = await page.$eval('#search-status', (e) => (e as HTMLElement).dataset.count);
      figure(`query, ${label}`, `"${q}", ${count} results`);
      figure(`cold first query, ${label}: bytes fetched`, (bytes / 1024).toFixed(1), 'KB');
      figure(`cold first query, ${label}: time to results`, ms, 'ms');
      return { context, page };
    };
    await (await cold(single, 'one word')).context.close();
    const { context, page } = await cold(remembered, 'three remembered words');
    const box = page.locator('main input[name="q"]').first();
    const before = await page.$eval('#search-status', (e) => e.textContent);
    const t1 = performance.now();
    await box.fill(other);
    await box.press('Enter');
    await page.waitForFunction((prev) => {
      const s = document.querySelector('#search-status') as HTMLElement | null;
      return !!s && s.dataset.count !== undefined && s.textContent !== prev;
    }, before, { timeout: 30_000 });
    figure('warm query: time to results', performance.now() - t1, 'ms');
    await context.close();
  } catch (e) {
    figure('browser figures', `not measured (${(e as Error).message.split('\n')[0]})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (peer === 'hugo') {
  const { runHugoPeer, peerFigures } = await import('./bench/peer-hugo.js');
  const result = await runHugoPeer({ postsJsonl: join(outDir, 'data/posts.jsonl'), work: join(work, `hugo-${posts}-${seed}`) });
  for (const [name, value, unit] of result ? peerFigures(result, build.ms) : []) figure(name, value, unit);
}

/**
 * The sharded build (README "Scale"): a few hundred posts (the seeds and a
 * generated corpus) built in 3 thread shards and the archive-wide part, then
 * merged, give the same site as one build of the same content, file for file
 * (the search index aside: its records are grouped per shard); search on the
 * merged site finds a post of every shard; building again reuses every part;
 * adding a thread rebuilds only its shard and the archive-wide part, and the
 * merge then updates the earlier output in place to what a fresh merge gives,
 * removing the pages of a thread taken out again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSite, CONTENT, ROOT } from './helpers/site.js';
import { launchChromium } from './helpers/browser.js';
import { serve, type Served } from './helpers/serve.js';
import { generateCorpus } from '../scripts/corpus/generate.js';
import type { Plan } from '../scripts/shards/plan.js';

const run = promisify(execFile);
const TMP = resolve(ROOT, '.tmp/sharded');
const single = join(TMP, 'single');
const merged = join(TMP, 'merged');
const planDir = join(TMP, 'plan');

/** Every file below `dir`, relative to it; without the search index unless `index`. */
async function files(dir: string, index = true): Promise<string[]> {
  const all = await readdir(dir, { recursive: true, withFileTypes: true });
  return all
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => index || !f.startsWith('pagefind/'))
    .sort();
}

/** Runs the sharded build of `content` (into `out`, with `extra` arguments); resolves to its log. */
async function shardedBuild(content: string, out = merged, extra: string[] = [], plan = planDir): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, ARCHIVE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'FORCE_COLOR']) delete env[k];
  const { stdout } = await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--shards', '3', ...extra, '--plan-dir', plan, '--outDir', out], { cwd: ROOT, env, maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** The files of `a` and `b` that differ (both must list the same files). */
async function differing(a: string, b: string): Promise<string[]> {
  const differ: string[] = [];
  for (const f of await files(a)) {
    const [x, y] = await Promise.all([readFile(join(a, f)), readFile(join(b, f))]);
    if (!x.equals(y)) differ.push(f);
  }
  return differ;
}

const readPlan = async () => JSON.parse(await readFile(join(planDir, 'plan.json'), 'utf8')) as Plan;

describe('a sharded build', () => {
  let log = '';
  const content = join(TMP, 'content');
  beforeAll(async () => {
    await rm(TMP, { recursive: true, force: true });
    await mkdir(content, { recursive: true });
    generateCorpus({ posts: 300, out: join(content, 'gen'), seed: '7' });
    for (const f of await readdir(CONTENT)) if (!f.startsWith('.') && f !== 'published.json') await cp(join(CONTENT, f), join(content, f), { recursive: true });
    // Each build records what it published in the content folder: give the single build a copy of its own
    // (with the same modification times, which date feed entries of undated captures).
    await cp(content, join(TMP, 'content-single'), { recursive: true, preserveTimestamps: true });
    await buildSite({ outDir: single, content: join(TMP, 'content-single') });
    log = await shardedBuild(content);
  }, 900_000);

  it('puts posts in every thread shard', async () => {
    const plan = await readPlan();
    expect(plan.count).toBe(3);
    expect(plan.posts).toBeGreaterThan(450);
    for (const s of plan.shards.slice(1)) expect(s.posts, `shard ${s.index}`).toBeGreaterThan(0);
    expect(plan.shards.slice(1).reduce((a, s) => a + s.posts, 0)).toBe(plan.posts);
  });

  it('writes the same files as a single build, byte for byte, its one search index included', async () => {
    const [a, b] = await Promise.all([files(single), files(merged)]);
    expect(b).toEqual(a);
    expect(await differing(single, merged)).toEqual([]);
    expect(a.filter((f) => /^t\/[^/]+\/\d+\/index\.html$/.test(f)).length).toBe((await readPlan()).posts);
  });

  describe('search on the merged site, one index or one per shard (as parts built on separate machines have)', () => {
    let browser: Browser;
    let server: Served;
    let perShard: Served;
    const perShardOut = join(TMP, 'merged-per-shard');
    beforeAll(async () => {
      await cp(content, join(TMP, 'content-per-shard'), { recursive: true, preserveTimestamps: true });
      await shardedBuild(join(TMP, 'content-per-shard'), perShardOut, ['--search', 'per-shard'], join(TMP, 'plan-per-shard'));
      server = await serve(merged, '/');
      perShard = await serve(perShardOut, '/');
      browser = await launchChromium();
    }, 600_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await perShard?.close();
    });

    it('merges the per-shard bundles, and keeps every other file as a single build has it', async () => {
      expect(await files(perShardOut, false)).toEqual(await files(single, false));
      const meta = JSON.parse(await readFile(join(perShardOut, 'pagefind/maps/meta.json'), 'utf8')) as { indexes: string[] };
      expect(meta.indexes).toEqual(['shards/1/', 'shards/2/', 'shards/3/']);
    });

    it('finds a post of every shard by a word only that post has', async () => {
      const plan = await readPlan();
      const slices = await Promise.all(plan.shards.slice(1).map(async (s) => (JSON.parse((await readFile(join(planDir, s.slice), 'utf8')).split('\n')[0]!) as { head: { own: string[] } }).head.own));
      // Words of every post's own text, and the posts each occurs in.
      const where = new Map<string, Set<string>>();
      const posts = new Map<string, { slug: string; n: number }>();
      for (const f of (await readdir(join(merged, 'data/threads'))).filter((f) => f.endsWith('.json'))) {
        const t = JSON.parse(await readFile(join(merged, 'data/threads', f), 'utf8')) as { slug: string; posts: { n: number; text: string; quotes: { text: string }[] }[] };
        for (const p of t.posts) {
          const key = `${t.slug}/${p.n}`;
          posts.set(key, { slug: t.slug, n: p.n });
          for (const w of `${p.text} ${p.quotes.map((q) => q.text).join(' ')}`.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
            let s = where.get(w);
            if (!s) where.set(w, (s = new Set()));
            s.add(key);
          }
        }
      }
      const page = await browser.newPage();
      for (const site of [server, perShard])
      for (const [i, own] of slices.entries()) {
        const mine = new Set(own);
        const pick = [...where].find(([w, s]) => w.length >= 7 && s.size === 1 && mine.has(posts.get([...s][0]!)!.slug));
        expect(pick, `a word only one post of shard ${i + 1} has`).toBeDefined();
        const [word, keys] = pick!;
        const { slug, n } = posts.get([...keys][0]!)!;
        await page.goto(`${site.url}search/?q=${encodeURIComponent(word)}`);
        await page.waitForSelector('#search-status[data-count]');
        const urls = await page.$$eval('[data-search-result]', (els) => els.map((e) => e.getAttribute('data-url')));
        expect(urls[0], `search for "${word}" (shard ${i + 1}, ${site === server ? 'one index' : 'per-shard indexes'})`).toBe(`/t/${slug}/${n > 50 ? `page/${Math.ceil(n / 50)}/` : ''}#post-${n}`);
      }
      await page.close();
    });
  });

  it('reuses every part when nothing changed', async () => {
    const again = await shardedBuild(content);
    expect(again).toMatch(/built 0, reused 4/);
    expect(again).toMatch(/\[index\] unchanged since its last build: reused/);
    expect(await files(merged)).toEqual(await files(single));
    expect(log).toMatch(/built 4, reused 0/);
  }, 600_000);

  it('rebuilds only the shard of an added thread and the archive-wide part', async () => {
    const before = await readPlan();
    await writeFile(
      join(content, 'added-thread.md'),
      '# What if the Zollverein had included Austria?\n\n## Wilhelmina\n\nA customs union with Vienna inside it changes the whole German question.\n\n----------\n\n## Kasimir\n\nOnly if Austrian industry could have stood the competition, which it could not.\n\n----------\n\n## Wilhelmina\n\nThen Prussia would have had to bargain for the tariff from the start.\n',
    );
    const out = await shardedBuild(content);
    const after = await readPlan();
    const changed = after.shards.filter((s, i) => s.hash !== before.shards[i]!.hash).map((s) => s.index);
    expect(changed).toContain(0);
    expect(changed.length).toBe(2);
    expect(out).toMatch(/built 2, reused 2/);
    // The merge updated the earlier output in place; it equals a merge into an empty folder.
    expect(out).toMatch(/merged from this plan folder before: [1-9]\d* files of rebuilt parts replaced/);
    const fresh = join(TMP, 'merged-fresh');
    await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/merge.ts', '--plan-dir', planDir, '--outDir', fresh], { cwd: ROOT });
    expect(await files(merged)).toEqual(await files(fresh));
    expect(await differing(fresh, merged)).toEqual([]);
    expect((await files(merged)).filter((f) => /^t\/what-if-the-zollverein[^/]*\/\d+\/index\.html$/.test(f))).toHaveLength(3);
  }, 600_000);

  it('removes the pages of a removed thread when it merges in place', async () => {
    await rm(join(content, 'added-thread.md'));
    const out = await shardedBuild(content);
    expect(out).toMatch(/built 2, reused 2/);
    expect(out).toMatch(/merged from this plan folder before/);
    const fresh = join(TMP, 'merged-fresh-2');
    await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/merge.ts', '--plan-dir', planDir, '--outDir', fresh], { cwd: ROOT });
    expect(await files(merged)).toEqual(await files(fresh));
    expect(await differing(fresh, merged)).toEqual([]);
    // Its post addresses now answer with the archive-wide part's page for withdrawn threads, not the posts.
    const permalinks = (await files(merged)).filter((f) => /^t\/what-if-the-zollverein[^/]*\/\d+\/index\.html$/.test(f));
    expect(permalinks).toHaveLength(3);
    for (const f of permalinks) expect(await readFile(join(merged, f), 'utf8')).toMatch(/has been withdrawn/);
  }, 600_000);
});

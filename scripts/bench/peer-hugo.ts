/**
 * The peer comparison of the benchmark: the same corpus as a Hugo site,
 * indexed by Pagefind's CLI, timed and measured like our build.
 *
 * From our built site's `data/posts.jsonl` it writes a Hugo site with the
 * same kinds of pages at the same URLs:
 *
 * - `/` the front page, listing the threads;
 * - `/t/<thread>/` and `/t/<thread>/page/<k>/`: a thread page per 50 posts
 *   (Hugo's paginator over the thread's section; Hugo also writes
 *   `/t/<thread>/page/1/` as a redirect to page 1, as we do);
 * - `/t/<thread>/<n>/`: a page per post, its body rendered from Markdown by Hugo;
 * - `/authors/` and `/authors/<author>/`: the authors, and a page per author
 *   (a Hugo taxonomy term) listing their posts by thread with links.
 *
 * Writing the Hugo site's files is not part of the timed wall (it stands for
 * a Hugo site that already has its content); the timed part is `hugo` and
 * then `pagefind --site public`, each a wall time, with the peak of their
 * summed memory sampled from /proc (see `memory.ts`). Pagefind indexes the
 * post pages only (`data-pagefind-body` on their article), so that each post
 * is one search result, as in our index.
 *
 * Hugo pages a thread by the posts' order (50 a page); we page by post number.
 * The two agree while a thread's posts are numbered 1, 2, 3… without gaps,
 * as in generated corpora.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { formatByProcess, memorySampler, type MemoryReport, type MemorySampler } from './memory.js';

/** Posts per thread page, as in our site (`PAGE_SIZE` of src/lib/urls.ts). */
export const PEER_PAGE_SIZE = 50;

/** The fields of a line of `data/posts.jsonl` that the peer site uses. */
export interface PeerPost {
  thread: string;
  threadTitle: string;
  n: number;
  /** The author's name as shown, or null when unknown. */
  author: string | null;
  /** The author's page slug, or null when the post has no author page. */
  authorSlug: string | null;
  /** The post's own words, Markdown. */
  text: string;
  /** The post's date as written, or null. */
  date: string | null;
}

/** How many pages of each kind the Hugo site should have. */
export interface PageCounts {
  front: number;
  authorsIndex: number;
  authors: number;
  /** Thread pages, page 1 and later pages. */
  threadPages: number;
  /** The `/t/<thread>/page/1/` redirects, one a thread. */
  pageOneRedirects: number;
  posts: number;
  /** All of the above. */
  total: number;
}

/** A Hugo site to write: its files by path relative to the site folder, and the pages it should build. */
export interface HugoSitePlan {
  files: Map<string, string>;
  expected: PageCounts;
  threads: number;
}

/** What the peer measured. */
export interface HugoPeerResult {
  /** HTML pages Hugo wrote into public/ (the front page, threads, posts, authors, page-1 redirects). */
  pages: number;
  /** The pages expected from posts.jsonl, by kind. */
  expected: PageCounts;
  /** Our site's pages of the same kinds (same paths), when the built site is next to posts.jsonl; else null. */
  oursSameKinds: number | null;
  /** Hugo's own figures from its build summary (`Pages`, `Paginator pages`, `Aliases`…). */
  hugoStats: Record<string, number>;
  /** Pages Pagefind reports it indexed (NaN when its output did not say). */
  pagefindIndexed: number;
  /** Writing the Hugo site's content files, not part of the timed wall. Milliseconds. */
  writeMs: number;
  /** `hugo` wall time, milliseconds. */
  hugoMs: number;
  /** `pagefind --site public` wall time, milliseconds. */
  pagefindMs: number;
  /** `hugo` then `pagefind`, start to end, milliseconds. */
  wallMs: number;
  /** Peak of the summed resident memory of all processes at one moment, over both commands, bytes. */
  peakSum: number;
  /** The sampler's full report (each process's own peak included). */
  memory: MemoryReport;
  /** public/ in bytes, and its pagefind/ folder in bytes. */
  publicBytes: number;
  indexBytes: number;
  hugoVersion: string;
  /** The Hugo site's folder (public/ is inside). */
  site: string;
}

/** Options of `runHugoPeer`. */
export interface HugoPeerOptions {
  /** Our built site's `data/posts.jsonl`. */
  postsJsonl: string;
  /** A folder for the Hugo site; its `site/` subfolder is replaced. */
  work: string;
  /** Where progress and the reason of a skip are printed, a line at a time. Default: standard error. */
  log?: (line: string) => void;
  /** The `hugo` program. Default: `hugo` found on PATH. */
  hugo?: string;
  /** Our built site, to count its pages of the same kinds. Default: the folder two levels above `postsJsonl` (`<site>/data/posts.jsonl`). */
  ours?: string;
  /** Milliseconds between memory samples. Default 100. */
  intervalMs?: number;
}

const defaultLog = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** A field of a posts.jsonl line that is not what it should be: says which line, what, and what to do. */
function badLine(file: string, line: number, what: string): Error {
  return new Error(`${file} line ${line}: ${what}. The peer benchmark reads the data/posts.jsonl of a site built by this archive; rebuild the site (npm run bench) and pass that file.`);
}

/** Checks one parsed posts.jsonl line and keeps the fields the peer uses. */
function toPeerPost(value: unknown, file: string, line: number): PeerPost {
  if (typeof value !== 'object' || value === null) throw badLine(file, line, 'is not a JSON object');
  const o = value as Record<string, unknown>;
  const str = (k: string): string => {
    if (typeof o[k] !== 'string' || o[k] === '') throw badLine(file, line, `\`${k}\` is not a non-empty string (got ${JSON.stringify(o[k])})`);
    return o[k] as string;
  };
  const strOrNull = (k: string): string | null => {
    if (o[k] === undefined || o[k] === null) return null;
    if (typeof o[k] !== 'string') throw badLine(file, line, `\`${k}\` is neither a string nor null (got ${JSON.stringify(o[k])})`);
    return o[k] as string;
  };
  if (!Number.isInteger(o.n) || (o.n as number) < 1) throw badLine(file, line, `\`n\` is not a post number 1, 2, 3… (got ${JSON.stringify(o.n)})`);
  if (typeof o.text !== 'string') throw badLine(file, line, `\`text\` is not a string (got ${JSON.stringify(o.text)})`);
  return { thread: str('thread'), threadTitle: str('threadTitle'), n: o.n as number, author: strOrNull('author'), authorSlug: strOrNull('authorSlug') || null, text: o.text, date: strOrNull('date') };
}

/**
 * Reads a site's `data/posts.jsonl` a line at a time (blank lines skipped).
 * Throws, naming the line, when a line is not JSON or lacks a field the peer uses.
 *
 * @param file The path of the file.
 */
export async function readPostsJsonl(file: string): Promise<PeerPost[]> {
  if (!existsSync(file)) throw new Error(`${file} does not exist: the peer benchmark reads the data/posts.jsonl of our built site; build the site first (npm run bench builds it).`);
  const posts: PeerPost[] = [];
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw badLine(file, line, `is not JSON (${(e as Error).message})`);
    }
    posts.push(toPeerPost(value, file, line));
  }
  return posts;
}

/** Hugo's configuration: no RSS (our site's feeds are not pages), authors as a taxonomy. */
const CONFIG = `baseURL = "http://localhost:1313/"
languageCode = "en"
title = "Hugo peer of the archive"
disableKinds = ["RSS"]
enableRobotsTXT = false

[taxonomies]
  author = "authors"

[markup.goldmark.renderer]
  unsafe = false
`;

/** The minimal layout: a base, a post (single), a thread (list, paginated), the front page, an author (term) and the authors (taxonomy). */
const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
</head>
<body>
<header><a href="/">Threads</a> · <a href="/authors/">Authors</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
  '_default/single.html': `{{ define "main" }}
<p><a href="{{ .Params.threadPage }}#post-{{ .Params.n }}">{{ .Params.threadTitle }}</a> › #{{ .Params.n }}</p>
<article data-pagefind-body>
<h1>{{ .Params.threadTitle }}, #{{ .Params.n }}</h1>
<p>{{ partial "author.html" . }}{{ with .Params.posted }} · {{ . }}{{ end }}</p>
{{ .Content }}
</article>
{{ end }}
`,
  '_default/list.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages.ByWeight ${PEER_PAGE_SIZE} }}
{{ range $pager.Pages }}
<article id="post-{{ .Params.n }}">
<h2><a href="{{ .RelPermalink }}">#{{ .Params.n }}</a> {{ partial "author.html" . }}{{ with .Params.posted }} · {{ . }}{{ end }}</h2>
{{ .Content }}
</article>
{{ end }}
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">Previous</a> {{ end }}Page {{ $pager.PageNumber }} of {{ $pager.TotalPages }}{{ with $pager.Next }} <a href="{{ .URL }}">Next</a>{{ end }}</nav>
{{ end }}
`,
  'index.html': `{{ define "main" }}
<h1>Threads</h1>
<ul>
{{ with site.GetPage "/t" }}{{ range .Sections.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }} posts)</li>
{{ end }}{{ end }}</ul>
{{ end }}
`,
  '_default/term.html': `{{ define "main" }}
<p><a href="/authors/">Authors</a> ›</p>
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} posts</p>
{{ range .Pages.GroupByParam "thread" }}
{{ $first := index .Pages 0 }}
<h2><a href="{{ $first.Parent.RelPermalink }}">{{ $first.Params.threadTitle }}</a></h2>
<ul>
{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">#{{ .Params.n }}</a> {{ .Plain | truncate 220 }}</li>
{{ end }}</ul>
{{ end }}
{{ end }}
`,
  '_default/taxonomy.html': `{{ define "main" }}
<h1>Authors</h1>
<ul>
{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }} posts)</li>
{{ end }}</ul>
{{ end }}
`,
  'partials/author.html': `{{ with .Params.authorSlug }}<a href="/authors/{{ . }}/">{{ $.Params.authorName }}</a>{{ else }}{{ .Params.authorName | default "(author unknown)" }}{{ end }}`,
};

/** A content file: JSON front matter (no escaping questions), then the body. */
function contentFile(front: Record<string, unknown>, body = ''): string {
  return `${JSON.stringify(front, null, 1)}\n${body}`;
}

/**
 * A post's Markdown with Hugo's shortcode openers (`{{<`, `{{%`) defused, so
 * that a post quoting Hugo syntax is text, not a template call. The `{` after
 * the first is written as an entity, shown as `{` outside code.
 */
export function defuseShortcodes(markdown: string): string {
  return markdown.replace(/\{\{(?=\s*[<%])/g, '{&#123;');
}

/** Groups posts by thread, in file order, each thread's posts by number. */
function byThread(posts: PeerPost[]): Map<string, PeerPost[]> {
  const threads = new Map<string, PeerPost[]>();
  for (const p of posts) {
    const list = threads.get(p.thread);
    if (list) list.push(p);
    else threads.set(p.thread, [p]);
  }
  for (const list of threads.values()) list.sort((a, b) => a.n - b.n);
  return threads;
}

/** The URL of thread page `page` (1 is the thread's own URL), as in our site. */
export function threadPageUrl(slug: string, page: number): string {
  return page <= 1 ? `/t/${slug}/` : `/t/${slug}/page/${page}/`;
}

/** The content files of one thread: its section (`_index.md`) and a file per post. */
function threadFiles(slug: string, list: PeerPost[], files: Map<string, string>): void {
  files.set(`content/t/${slug}/_index.md`, contentFile({ title: list[0]!.threadTitle, url: `/t/${slug}/` }));
  list.forEach((p, i) => {
    const front: Record<string, unknown> = {
      title: `${p.threadTitle} #${p.n}`,
      url: `/t/${slug}/${p.n}/`,
      weight: p.n,
      n: p.n,
      thread: slug,
      threadTitle: p.threadTitle,
      threadPage: threadPageUrl(slug, Math.floor(i / PEER_PAGE_SIZE) + 1),
      authorName: p.author,
      authorSlug: p.authorSlug,
      posted: p.date,
    };
    if (p.authorSlug) front.authors = [p.authorSlug];
    files.set(`content/t/${slug}/${p.n}.md`, contentFile(front, `${defuseShortcodes(p.text)}\n`));
  });
}

/**
 * Plans the Hugo site of a corpus (pure: nothing is written): hugo.toml, the
 * layouts, and the content files with front matter fixing each page's URL,
 * and the count of pages Hugo should build from them.
 *
 * @param posts The lines of our site's posts.jsonl.
 */
export function planHugoSite(posts: PeerPost[]): HugoSitePlan {
  const files = new Map<string, string>([['hugo.toml', CONFIG]]);
  for (const [name, text] of Object.entries(LAYOUTS)) files.set(`layouts/${name}`, text);
  files.set('content/_index.md', contentFile({ title: 'Threads' }));
  // The /t/ section holds the threads but is no page of ours: Hugo lists it, does not render it.
  files.set('content/t/_index.md', contentFile({ title: 'Threads', _build: { render: 'never', list: 'always' } }));
  files.set('content/authors/_index.md', contentFile({ title: 'Authors', url: '/authors/' }));
  const threads = byThread(posts);
  let threadPages = 0;
  for (const [slug, list] of threads) {
    threadFiles(slug, list, files);
    threadPages += Math.ceil(list.length / PEER_PAGE_SIZE);
  }
  const authors = new Map<string, string>();
  for (const p of posts) if (p.authorSlug && !authors.has(p.authorSlug)) authors.set(p.authorSlug, p.author ?? p.authorSlug);
  for (const [slug, name] of authors) files.set(`content/authors/${slug}/_index.md`, contentFile({ title: name, url: `/authors/${slug}/` }));
  const counts = { front: 1, authorsIndex: 1, authors: authors.size, threadPages, pageOneRedirects: threads.size, posts: posts.length };
  return { files, expected: { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }, threads: threads.size };
}

/**
 * Writes the Hugo site of a corpus into `dir` (emptied first) and returns its plan.
 *
 * @param posts The lines of our site's posts.jsonl.
 * @param dir The Hugo site's folder; whatever it holds is removed.
 */
export function writeHugoSite(posts: PeerPost[], dir: string): HugoSitePlan {
  const plan = planHugoSite(posts);
  rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (const [path, text] of plan.files) {
    const file = join(dir, path);
    const parent = dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(file, text);
  }
  return plan;
}

/** The full path of an executable `name` on PATH, or null. */
export function findOnPath(name: string): string | null {
  for (const d of (process.env.PATH ?? '').split(delimiter)) {
    if (!d) continue;
    const file = join(d, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      /* not here */
    }
  }
  return null;
}

/**
 * Pagefind's CLI as a command: the native binary of the installed `pagefind`
 * package (`PAGEFIND_BINARY_PATH` if set, else `@pagefind/<platform>-<arch>`),
 * so that no Node wrapper's memory is counted; else the package's Node
 * wrapper. Throws when neither is installed.
 */
export function pagefindCommand(): { cmd: string; args: string[] } {
  const fromEnv = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnv) return { cmd: fromEnv, args: [] };
  const require = createRequire(import.meta.url);
  for (const exe of ['pagefind_extended', 'pagefind']) {
    try {
      return { cmd: require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/${exe}`), args: [] };
    } catch {
      /* try the next */
    }
  }
  const wrapper = resolve(import.meta.dirname, '../../node_modules/pagefind/lib/runner/bin.cjs');
  if (existsSync(wrapper)) return { cmd: process.execPath, args: [wrapper] };
  throw new Error(`Pagefind's CLI was not found: neither @pagefind/${process.platform}-${process.arch} nor node_modules/pagefind is installed. Run npm install (pagefind is a dependency of the project).`);
}

/** Runs a command in `cwd`, its tree added to `sampler`; resolves with its output and wall time, rejects (with its last output) when it fails. */
function timed(cmd: string, args: string[], cwd: string, sampler: MemorySampler): Promise<{ out: string; ms: number }> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid) sampler.add(child.pid);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', (e) => fail(new Error(`${cmd} could not be started in ${cwd}: ${e.message}`)));
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      if (code === 0) return ok({ out, ms });
      const tail = out.trimEnd().split('\n').slice(-20).join('\n');
      fail(new Error(`${cmd} ${args.join(' ')} failed (${signal ? `killed by ${signal}` : `exit code ${code}`}) in ${cwd}; its last output:\n${tail}\nThe Hugo site there is left as written, to run the command by hand.`));
    });
  });
}

/** Hugo's build summary table (`Pages | 123`) as numbers by row name. */
export function parseHugoStats(out: string): Record<string, number> {
  const stats: Record<string, number> = {};
  for (const m of out.matchAll(/^\s*([A-Za-z][A-Za-z -]*?)\s*\|\s*(\d+)\s*$/gm)) stats[m[1]!] = Number(m[2]);
  return stats;
}

/** HTML files under a folder, recursively (the pagefind/ bundle left out). */
export function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += e.name === 'pagefind' ? 0 : countHtml(join(dir, e.name));
    else if (e.name.endsWith('.html')) n++;
  }
  return n;
}

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((a, n) => a + sizeOf(join(path, n)), 0) : s.size;
}

/**
 * Our site's pages of the kinds the peer builds, at the same paths: `/`,
 * `/authors/`, `/authors/<a>/`, `/t/<t>/`, `/t/<t>/page/<k>/`, `/t/<t>/<n>/`.
 * Null when `site` has no index.html (not a built site).
 *
 * @param site Our built site's folder.
 */
export function countSameKinds(site: string): number | null {
  if (!existsSync(join(site, 'index.html'))) return null;
  const has = (...p: string[]) => existsSync(join(site, ...p, 'index.html'));
  const dirs = (...p: string[]) => (existsSync(join(site, ...p)) ? readdirSync(join(site, ...p), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : []);
  let n = 1 + (has('authors') ? 1 : 0) + dirs('authors').filter((a) => has('authors', a)).length;
  for (const t of dirs('t')) {
    if (has('t', t)) n++;
    n += dirs('t', t, 'page').filter((k) => has('t', t, 'page', k)).length;
    n += dirs('t', t).filter((d) => /^\d+$/.test(d) && has('t', t, d)).length;
  }
  return n;
}

/**
 * The peer comparison: writes the corpus of `postsJsonl` as a Hugo site under
 * `<work>/site/` (not timed), then times `hugo` and `pagefind --site public`
 * one after the other, sampling their summed memory with one sampler. Resolves
 * with null, after logging why, when `hugo` is not on PATH. Throws, saying
 * what failed, when posts.jsonl cannot be read or a command fails.
 *
 * @param options See `HugoPeerOptions` (defaults: log to standard error, `hugo` from PATH, 100 ms samples).
 */
export async function runHugoPeer(options: HugoPeerOptions): Promise<HugoPeerResult | null> {
  const log = options.log ?? defaultLog;
  const hugo = options.hugo ?? findOnPath('hugo');
  if (!hugo) {
    log('peer: skipped: `hugo` is not on PATH, so there is no Hugo build to compare with. Install Hugo (e.g. apt-get install hugo) or put it on PATH, and run the benchmark again.');
    return null;
  }
  const site = join(resolve(options.work), 'site');
  const pagefind = pagefindCommand();
  const posts = await readPostsJsonl(options.postsJsonl);
  let t = performance.now();
  const plan = writeHugoSite(posts, site);
  const writeMs = performance.now() - t;
  log(`peer: wrote a Hugo site of ${posts.length} posts in ${plan.threads} threads (${plan.files.size} files) into ${site} in ${(writeMs / 1000).toFixed(2)} s (not timed)`);
  const quiet = memorySampler();
  const version = await timed(hugo, ['version'], site, quiet).finally(() => quiet.stop());
  const sampler = memorySampler({ intervalMs: options.intervalMs });
  t = performance.now();
  const built = await timed(hugo, ['--source', site, '--destination', join(site, 'public')], site, sampler);
  const indexed = await timed(pagefind.cmd, [...pagefind.args, '--site', 'public'], site, sampler);
  const wallMs = performance.now() - t;
  const memory = sampler.stop();
  log(`peer: hugo said:\n${built.out.trimEnd()}`);
  log(`peer: pagefind said:\n${indexed.out.trimEnd()}`);
  const pages = countHtml(join(site, 'public'));
  if (pages !== plan.expected.total) log(`peer: note: Hugo built ${pages} HTML pages where ${plan.expected.total} were expected (${JSON.stringify(plan.expected)}); the comparison is of unlike sites. Look at ${join(site, 'public')}.`);
  const indexedPages = /Indexed (\d+) pages?/.exec(indexed.out);
  return {
    pages,
    expected: plan.expected,
    oursSameKinds: countSameKinds(options.ours ?? dirname(dirname(resolve(options.postsJsonl)))),
    hugoStats: parseHugoStats(built.out),
    pagefindIndexed: indexedPages ? Number(indexedPages[1]) : NaN,
    writeMs,
    hugoMs: built.ms,
    pagefindMs: indexed.ms,
    wallMs,
    peakSum: memory.peakSum,
    memory,
    publicBytes: sizeOf(join(site, 'public')),
    indexBytes: sizeOf(join(site, 'public', 'pagefind')),
    hugoVersion: version.out.trim(),
    site,
  };
}

/**
 * The peer's figures as `[name, value, unit]` rows for the benchmark's
 * `name: value unit` lines, the ratio against our total wall time included.
 *
 * @param r What `runHugoPeer` measured.
 * @param oursMs Our build's total wall time, milliseconds.
 */
export function peerFigures(r: HugoPeerResult, oursMs: number): [string, number | string, string][] {
  const MiB = 2 ** 20;
  return [
    ['peer: hugo version', r.hugoVersion.split(' ').slice(0, 2).join(' '), ''],
    ['peer: hugo pages', r.pages, ''],
    ['peer: hugo pages expected from posts.jsonl', `${r.expected.total} (${r.expected.threadPages} thread, ${r.expected.posts} post, ${r.expected.authors} author, ${r.expected.pageOneRedirects} page-1 redirects, front page and authors index)`, ''],
    ['peer: this archive\'s pages of the same kinds', r.oursSameKinds ?? 'not counted (no built site next to posts.jsonl)', ''],
    ['peer: hugo content files written (not timed)', r.writeMs / 1000, 's'],
    ['peer: hugo wall time', r.hugoMs / 1000, 's'],
    ['peer: pagefind CLI wall time', r.pagefindMs / 1000, 's'],
    ['peer: pagefind pages indexed', Number.isNaN(r.pagefindIndexed) ? 'not reported' : r.pagefindIndexed, ''],
    ['peer: hugo + pagefind wall time', r.wallMs / 1000, 's'],
    ['peer: peak memory (sum of processes at one moment)', r.peakSum / MiB, 'MiB'],
    ['peer: peak memory by process', formatByProcess(r.memory, 0), ''],
    ['peer: hugo public size', r.publicBytes / MiB, 'MiB'],
    ['peer: pagefind index size', r.indexBytes / MiB, 'MiB'],
    ['peer: ratio (this archive / hugo + pagefind)', oursMs / r.wallMs, '×'],
  ];
}

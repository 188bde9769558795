/**
 * The search page's controller. Its state is the URL
 * (`?q=…&kind=…&author=…&thread=…&from=…&to=…&sort=thread`), so a search can
 * be shared and bookmarked; going back to it restores the results shown and
 * the scroll position. Pagefind is loaded with its default options, so its
 * own result URLs (relative to the site root) work under any base path.
 */
import { decodeMap, type WireMap } from '../records.js';
import type { SearchMeta } from '../write-index.js';
import { runQuery, type Backend, type Filters, type Outcome, type PagefindResult } from './engine.js';
import { parseQuery } from './query.js';
import { renderAuthor, renderHit } from './render.js';

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

const PER_PAGE = 10;
const FIELDS = ['q', 'kind', 'author', 'thread', 'from', 'to', 'sort'] as const;

const form = document.getElementById('search-form') as HTMLFormElement;
const base = form.dataset.base ?? '/';
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const dates = document.getElementById('search-dates');
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

let backend: Promise<Backend> | null = null;

/** Pagefind and the record maps, loaded on the first search. */
function load(): Promise<Backend> {
  backend ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pf.options({});
    const meta = (await (await fetch(`${base}pagefind/maps/meta.json`)).json()) as SearchMeta;
    // A sharded build's thread indexes (README "Scale"): searched as one with the archive-wide index.
    for (const index of meta.indexes ?? []) await pf.mergeIndex(`${base}pagefind/${index}`);
    if (dates) dates.hidden = !meta.dated;
    const maps = new Map<string, Promise<WireMap | null>>();
    return {
      records: meta.records,
      avgWords: meta.avgWords,
      search: async (term, filters) => (await pf.search(term || null, { filters }))?.results ?? [],
      map: async (hash) => {
        let m = maps.get(hash);
        if (!m) maps.set(hash, (m = fetch(`${base}pagefind/maps/${hash}.json`).then((r) => (r.ok ? (r.json() as Promise<WireMap>) : null))));
        const w = await m;
        return w ? decodeMap(w) : null;
      },
    } satisfies Backend;
  })();
  backend.catch(() => (backend = null));
  return backend;
}

/** The form's state from the URL. */
function fromUrl(): URLSearchParams {
  const p = new URLSearchParams(location.search);
  for (const f of FIELDS) {
    const e = field(f);
    if (!e) continue;
    const v = p.get(f) ?? '';
    if (e instanceof HTMLSelectElement && v && ![...e.options].some((o) => o.value === v)) e.add(new Option(v, v));
    e.value = v;
  }
  const header = document.getElementById('site-search') as HTMLInputElement | null;
  if (header) header.value = p.get('q') ?? '';
  return p;
}

/** The URL's query for the form's state (empty fields left out). */
function toQuery(): string {
  const p = new URLSearchParams();
  for (const f of FIELDS) {
    const v = field(f)?.value.trim();
    if (v) p.set(f, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

let run = 0;
let outcome: Outcome | null = null;
let shown = 0;
let highlight: string[] = [];

/** Keeps the number of results shown and the scroll position in the history entry, for "Back". */
function remember(): void {
  history.replaceState({ shown, y: Math.round(scrollY) }, '');
}

/** Shows `count` more results (loading their records' words, and more records when the loaded ones run out). */
async function showMore(token: number, count: number): Promise<void> {
  if (!outcome) return;
  const o = outcome;
  while (o.hits.length < shown + count) {
    const got = await o.more();
    if (token !== run) return;
    if (!got.length) break;
    o.hits.push(...got);
  }
  const next = o.hits.slice(shown, shown + count);
  const records = await Promise.all(next.map((h) => o.record(h.hash)));
  if (token !== run) return;
  list.append(...next.map((h, i) => renderHit(h, records[i]!, base, highlight)));
  shown += next.length;
  more.hidden = shown >= o.hits.length && !o.estimated;
}

function describe(o: Outcome, p: URLSearchParams): string {
  const n = o.total;
  if (n === 0) return o.authors.length ? 'No post holds every word; the matching author is listed.' : 'No results. Try fewer words, or fewer filters.';
  const what = `${o.estimated ? 'About ' : ''}${n.toLocaleString('en')} result${n === 1 ? '' : 's'}`;
  const order = p.get('sort') === 'thread' ? ', in thread order' : o.estimated ? ', the best matches first' : '';
  return o.relaxed ? `No post holds every word; ${what} hold most of them${order}.` : `${what}${order}.`;
}

async function search(p: URLSearchParams, restore?: { shown: number; y: number }): Promise<void> {
  const token = ++run;
  const q = parseQuery(p.get('q') ?? '');
  const filters: Filters = {};
  for (const k of ['kind', 'author', 'thread', 'from', 'to', 'sort'] as const) {
    const v = p.get(k);
    if (v) filters[k] = v;
  }
  delete status.dataset.count;
  if (!q.required.length && !filters.author && !filters.thread) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type words to search every post, quote and essay.';
    return;
  }
  status.textContent = 'Searching…';
  const t0 = performance.now();
  let o: Outcome;
  try {
    o = await runQuery(await load(), q, filters);
  } catch (e) {
    if (token !== run) return;
    status.textContent = import.meta.env.DEV
      ? 'The search index is made by a build: run `npm run build`, then `npm run preview` (the dev server has no index).'
      : `The search index could not be loaded (${(e as Error).message}). Reload the page to try again.`;
    return;
  }
  if (token !== run) return;
  outcome = o;
  highlight = [...new Set([...q.required, ...q.phrases.flat()])];
  shown = 0;
  const onlyTheirs = (slug: string) => {
    const r = new URLSearchParams(p);
    r.set('author', slug);
    r.delete('q');
    return `?${r.toString()}`;
  };
  list.replaceChildren(...o.authors.map((a) => renderAuthor(a, base, onlyTheirs(a.slug))));
  await showMore(token, Math.max(PER_PAGE, restore?.shown ?? 0));
  if (token !== run) return;
  status.textContent = describe(o, p);
  status.dataset.count = String(o.total);
  if (o.estimated) status.dataset.estimated = '';
  else delete status.dataset.estimated;
  status.dataset.ms = String(Math.round(performance.now() - t0));
  if (restore) scrollTo(0, restore.y);
  remember();
}

let timer: ReturnType<typeof setTimeout> | undefined;
function update(push: boolean): void {
  clearTimeout(timer);
  const qs = toQuery();
  if (qs !== location.search) history[push ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${qs}`);
  const header = document.getElementById('site-search') as HTMLInputElement | null;
  if (header) header.value = field('q').value;
  void search(new URLSearchParams(location.search));
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  update(true);
});
form.addEventListener('change', (e) => {
  if ((e.target as Element).id !== 'q') update(true);
});
field('q').addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => update(false), 300);
});
more.addEventListener('click', () => {
  void showMore(run, PER_PAGE).then(remember);
});
let scrolling: ReturnType<typeof setTimeout> | undefined;
addEventListener('scroll', () => {
  clearTimeout(scrolling);
  scrolling = setTimeout(remember, 150);
});
addEventListener('pagehide', remember);
addEventListener('popstate', (e) => void search(fromUrl(), e.state ?? undefined));

const initial = fromUrl();
if (!initial.get('q')) field('q').focus();
const saved = history.state as { shown?: number; y?: number } | null;
void search(initial, saved && typeof saved.shown === 'number' ? { shown: saved.shown, y: saved.y ?? 0 } : undefined);

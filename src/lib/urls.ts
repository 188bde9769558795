/**
 * The URL scheme. Every URL is built here, from a base path (Astro's
 * `import.meta.env.BASE_URL`, default `/`), so the site works under a sub-path.
 *
 * - `/t/<thread>/` thread page 1, `/t/<thread>/page/<k>/` page k
 * - `/t/<thread>/<n>/` permalink of post n (never changes: n is the post's position)
 * - `/essays/<essay>/` an essay, `#<section-id>` a section
 * - `/authors/` and `/authors/<author>/`
 * - `/search/?q=…`, `/about/` (how the archive was made)
 * - `/by/size/`, `/by/date/` the front page sorted
 * - `/data/index.json`, `/data/threads/<thread>.json`
 */

/** Posts per thread page (default 50). A post's page is fixed by its number, so appending posts never moves it. */
export const PAGE_SIZE = 50;

/** URL builders bound to a base path. */
export function urls(base = '/') {
  const b = base.endsWith('/') ? base : `${base}/`;
  const pageOf = (n: number) => Math.floor((Math.max(1, n) - 1) / PAGE_SIZE) + 1;
  const thread = (slug: string, page = 1) => (page <= 1 ? `${b}t/${slug}/` : `${b}t/${slug}/page/${page}/`);
  return {
    home: b,
    pageOf,
    thread,
    /** Thread page holding post n, with its anchor. */
    postInThread: (slug: string, n: number) => `${thread(slug, pageOf(n))}#post-${n}`,
    post: (slug: string, n: number) => `${b}t/${slug}/${n}/`,
    essay: (slug: string, section?: string) => `${b}essays/${slug}/${section ? `#${section}` : ''}`,
    authors: `${b}authors/`,
    author: (slug: string) => `${b}authors/${slug}/`,
    search: `${b}search/`,
    /** How the archive was made; `#section` for one topic (`reconstructed`, `authors`, `shared`…). */
    about: (section?: string) => `${b}about/${section ? `#${section}` : ''}`,
    /** The front page sorted by `title` (the front page itself), `size` or `date`. */
    sorted: (by: 'title' | 'size' | 'date') => (by === 'title' ? b : `${b}by/${by}/`),
    dataIndex: `${b}data/index.json`,
    dataThread: (slug: string) => `${b}data/threads/${slug}.json`,
  };
}

/** The URL builders' type. */
export type Urls = ReturnType<typeof urls>;

/**
 * A link from the page at path `from` (ending in `/`) to `to` (a path, with an
 * optional `#hash`), written relative: `#hash` alone on the same page,
 * otherwise `../`-steps and the rest of the path. Relative links keep pages
 * small and work under any base path.
 */
export function relativeLink(from: string, to: string): string {
  const at = to.indexOf('#');
  const path = at >= 0 ? to.slice(0, at) : to;
  const hash = at >= 0 ? to.slice(at) : '';
  if (path === from) return hash || './';
  const a = from.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  let c = 0;
  while (c < a.length && c < b.length && a[c] === b[c]) c++;
  const rel = '../'.repeat(a.length - c) + b.slice(c).join('/') + (b.length > c && path.endsWith('/') ? '/' : '');
  return (rel || './') + hash;
}

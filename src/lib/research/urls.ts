/**
 * The research views' URLs, beside the archive's scheme (`src/lib/urls.ts`),
 * from the same base path.
 *
 * - `/t/<thread>/map/` the shape of a thread: debate map, claims, years, citation, data
 * - `/years/`, `/years/<year>/`, `/years/<decade>s/`
 * - `/data/` the data page; `/data/posts.jsonl`; `/data/threads/<thread>.md`;
 *   `/data/captures/<thread><ext>` the capture file as imported
 * - `/feeds/archive.xml`, `/feeds/authors/<author>.xml` (Atom)
 */
export function researchUrls(base = '/') {
  const b = base.endsWith('/') ? base : `${base}/`;
  return {
    threadMap: (slug: string) => `${b}t/${slug}/map/`,
    years: `${b}years/`,
    year: (y: number) => `${b}years/${y}/`,
    decade: (d: number) => `${b}years/${d}s/`,
    data: `${b}data/`,
    postsJsonl: `${b}data/posts.jsonl`,
    markdown: (slug: string) => `${b}data/threads/${slug}.md`,
    capture: (slug: string, ext: string) => `${b}data/captures/${slug}${ext}`,
    archiveFeed: `${b}feeds/archive.xml`,
    authorFeed: (slug: string) => `${b}feeds/authors/${slug}.xml`,
  };
}

/** The extension a capture is published under: its own when a host serves that as inert text or data (`.txt`, `.md`, `.json`, `.eml`, `.mbox`…), else its own plus `.txt` (`page.html.txt`), `.txt` when it has none. */
export function captureExtension(file: string): string {
  const m = /(\.[A-Za-z0-9]{1,8})$/.exec(String(file).split('/').pop() ?? '');
  const ext = m ? m[1]!.toLowerCase() : '';
  // A saved page or feed published under its own extension would be served as a live
  // page of this site (its scripts would run here): such captures are published as text.
  return SAFE_EXTENSIONS.has(ext) ? ext : `${ext}.txt`;
}

/** Extensions a static host serves as inert text or data, so a capture keeps them as they are. */
const SAFE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.json', '.eml', '.mbox', '.mbx', '.csv']);

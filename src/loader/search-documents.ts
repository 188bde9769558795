/**
 * The archive as the search index reads it: one `ThreadFile` per document, in
 * reading order, with the same fields the JSON data files give
 * (`src/site/data-files.ts`), built straight from the importer's model so the
 * index can start before any page is written.
 */
import type { Archive } from '../lib/index.js';
import { compareDocuments, type CrossLinks } from '../lib/cross-links.js';
import type { ThreadFile } from '../integrations/pagefind.js';
import { urls } from '../lib/urls.js';

/** Every document of `archive` as a search `ThreadFile`, in reading order. */
export function searchDocuments(archive: Archive, links: CrossLinks, base: string): ThreadFile[] {
  const u = urls(base);
  return [...archive.documents].sort(compareDocuments).map((d) => ({
    slug: d.slug,
    title: d.title,
    format: d.format,
    url: d.format === 'essay' ? u.essay(d.slug) : u.thread(d.slug),
    posts: d.posts.map((p) => {
      const author = links.authorOf(p.author);
      return {
        n: p.n,
        author: author?.name ?? p.author,
        authorSlug: author?.slug ?? null,
        text: p.text,
        quotes: p.quotes.map((q) => ({ author: q.author, sourcePost: q.sourcePost, sourceThread: q.sourceThread === d.slug ? null : q.sourceThread, text: q.text })),
      };
    }),
    sections: d.sections.map((s) => ({ title: s.title, id: s.id, blocks: s.blocks })),
  }));
}

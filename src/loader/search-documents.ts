/**
 * The archive as the search index reads it (src/search/records.ts), built
 * straight from the importer's model so the index can start before any page
 * is written: documents in reading order, with each post's current author
 * name, the name it was written under, its date, and its quotes' sources.
 */
import type { Archive } from '../lib/index.js';
import { compareDocuments, type CrossLinks } from '../lib/cross-links.js';
import type { SearchAuthor, SearchDocument } from '../search/records.js';
import { findClaims } from '../lib/research/claims.js';

/** A post's date when it is a calendar date (ISO 8601); a relative age such as `3 hours ago` cannot be filtered by. */
const calendarDate = (d: string | null | undefined): string | null => (d && /^\d{4}-\d\d-\d\d/.test(d) ? d : null);

/** Every document of `archive` for the search index, in reading order, and every author. */
export function searchDocuments(archive: Archive, links: CrossLinks): { documents: SearchDocument[]; authors: SearchAuthor[] } {
  const documents = [...archive.documents].sort(compareDocuments).map(
    (d): SearchDocument => ({
      slug: d.slug,
      title: d.title,
      kind: d.format === 'essay' ? 'essay' : 'thread',
      posts: d.posts.map((p) => {
        const author = links.authorOf(p.author);
        return {
          n: p.n,
          author: author?.name ?? p.author,
          authorSlug: author?.slug ?? null,
          as: author && p.author && p.author !== author.name ? p.author : null,
          date: calendarDate(p.date),
          text: p.text,
          claims: findClaims(p.text).map(({ k, text }) => ({ k, text })),
          quotes: p.quotes.map((q) => {
            const quoted = links.authorOf(q.author);
            return {
              author: q.author,
              authorSlug: quoted?.slug ?? null,
              authorName: quoted?.name ?? null,
              sourcePost: q.sourcePost,
              sourceThread: q.sourceThread === d.slug ? null : q.sourceThread,
              text: q.text,
            };
          }),
        };
      }),
      sections: d.sections.map((s) => ({
        title: s.title,
        id: s.id,
        text: s.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.items.join('\n'))).join('\n\n'),
      })),
    }),
  );
  const postCount = new Map<string, number>();
  for (const d of archive.documents) {
    for (const p of d.posts) {
      const slug = links.authorOf(p.author)?.slug;
      if (slug) postCount.set(slug, (postCount.get(slug) ?? 0) + 1);
    }
  }
  const authors = archive.authors.map((a): SearchAuthor => ({ slug: a.slug, name: a.name, aliases: a.aliases, postCount: postCount.get(a.slug) ?? 0 }));
  return { documents, authors };
}

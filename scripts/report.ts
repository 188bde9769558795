/**
 * The parse report: the archive model as the JSON that `npm run parse` prints
 * and the checks score. Pure; shared by the parse command and the tests.
 */
import type { Archive } from '../src/lib/model.js';

/** The parse report for an archive: `{documents, authors, sharedPassages}`. */
export function parseReport(archive: Archive): unknown {
  return {
    documents: archive.documents.map((d) => ({
      file: d.file,
      format: d.format,
      title: d.title,
      titleInferred: d.titleInferred,
      slug: d.slug,
      source: d.source,
      date: d.date,
      posts: d.posts.map((p) => ({
        n: p.n,
        author: p.author,
        authorEvidence: p.authorEvidence,
        badges: p.badges,
        edited: p.edited,
        date: p.date,
        replyTo: p.replyTo,
        line: p.line,
        text: p.text,
        quotes: p.quotes.map((q) => ({
          author: q.author,
          sourcePost: q.sourcePost,
          sourceThread: q.sourceThread,
          reconstructed: q.reconstructed,
          line: q.line,
          text: q.text,
        })),
      })),
      ...(d.format === 'essay' ? { sections: d.sections.map((s) => ({ title: s.title, level: s.level, id: s.id, line: s.line })) } : {}),
      diagnostics: d.diagnostics,
      accounting: d.accounting,
      // A thread captured more than once: every capture, with its own accounting.
      ...(d.captures ? { captures: d.captures } : {}),
    })),
    authors: archive.authors.map((a) => ({ name: a.name, slug: a.slug, aliases: a.aliases })),
    sharedPassages: archive.sharedPassages,
    ...(archive.diagnostics?.length ? { diagnostics: archive.diagnostics } : {}),
  };
}

/**
 * The JSON data files: the same model the pages show, per thread and as an index.
 */
import { u, authorName, ownText, type SiteArchive, type Thread } from './archive';

/** The data file of one thread: its facts, posts with quotes and backlinks, sections. */
export function threadData(archive: SiteArchive, thread: Thread) {
  const t = thread.data;
  return {
    slug: thread.id,
    title: t.title,
    titleInferred: t.titleInferred,
    format: t.format,
    file: t.file,
    source: t.source,
    date: t.date,
    url: t.format === 'essay' ? u.essay(thread.id) : u.thread(thread.id),
    participants: t.participants.map((r) => archive.author.get(r.id)?.data.name ?? r.id),
    posts: (archive.postsOf.get(thread.id) ?? []).map((p) => ({
      n: p.data.n,
      url: u.post(thread.id, p.data.n),
      author: authorName(archive, p),
      authorAsWritten: p.data.authorName,
      authorSlug: p.data.author?.id ?? null,
      authorEvidence: p.data.authorEvidence,
      badges: p.data.badges,
      edited: p.data.edited,
      date: p.data.date,
      replyTo: p.data.replyTo,
      text: ownText(p),
      quotes: p.data.quotes.map((r) => {
        const q = archive.quote.get(r.id)!.data;
        return { author: q.author, sourcePost: q.sourcePost, sourceThread: q.sourceThread === thread.id ? null : q.sourceThread, reconstructed: q.reconstructed, text: q.text };
      }),
      quotedBy: p.data.quotedBy,
      replies: p.data.replies,
      alsoIn: p.data.alsoIn,
      removed: p.data.removed ?? null,
      gone: p.data.gone ?? null,
      earlier: p.data.earlier ?? [],
      capture: p.data.capture ?? t.file,
    })),
    captures: t.captures ?? [{ file: t.file, date: t.date, source: t.source }],
    sections: t.sections.map((s) => ({ title: s.title, level: s.level, id: s.id, blocks: s.blocks })),
    body: t.body,
    diagnostics: t.diagnostics,
  };
}

/** The archive's index file: every document and author. */
export function indexData(archive: SiteArchive) {
  return {
    documents: archive.threads.map((t) => ({
      slug: t.id,
      title: t.data.title,
      format: t.data.format,
      posts: t.data.postCount,
      url: t.data.format === 'essay' ? u.essay(t.id) : u.thread(t.id),
      data: u.dataThread(t.id),
    })),
    authors: archive.authors.map((a) => ({ name: a.data.name, slug: a.id, aliases: a.data.aliases, posts: a.data.postCount, url: u.author(a.id) })),
  };
}

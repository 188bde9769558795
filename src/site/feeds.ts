/**
 * The Atom feeds' entries, from the collections. A thread is dated by its
 * capture date (front matter `date`), else by its capture file's modification
 * time: the time it was added to the archive. A post is dated by its own date
 * when the capture gives one, else by its thread's.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { contentDir } from '../loader/archive-loader';
import { excerpt } from '../lib/text/text';
import { feedDate, type FeedEntry } from '../lib/research/feeds';
import { u, authorName, ownText, type PostEntry, type SiteArchive, type Thread } from './archive';
import { absolute, documentUrl, postDate } from './research';

const added = new Map<string, Promise<string>>();

/** When a thread was added: its capture date, else its file's modification time (ISO 8601). */
export function addedDate(t: Thread): Promise<string> {
  let p = added.get(t.id);
  if (!p) {
    const d = feedDate(t.data.date);
    p = d
      ? Promise.resolve(d.toISOString())
      : stat(resolve(contentDir(process.cwd()), t.data.file)).then(
          (s) => s.mtime.toISOString(),
          () => new Date(0).toISOString(),
        );
    added.set(t.id, p);
  }
  return p;
}

/** The archive feed's entries: every thread and essay, most recently added first. */
export async function threadEntries(a: SiteArchive): Promise<FeedEntry[]> {
  const entries = await Promise.all(
    a.threads.map(async (t) => ({
      id: absolute(documentUrl(t)),
      title: t.data.title,
      link: absolute(documentUrl(t)),
      updated: await addedDate(t),
      summary: `${t.data.format === 'essay' ? 'Essay' : `${t.data.postCount} posts`}. ${t.data.excerpt}`,
      author: null,
    })),
  );
  return entries.sort((x, y) => (x.updated < y.updated ? 1 : x.updated > y.updated ? -1 : x.id < y.id ? -1 : 1));
}

/** An author feed's entries: their latest `limit` posts (by date, else archive order), newest first. */
export async function authorEntries(a: SiteArchive, slug: string, limit = 50): Promise<FeedEntry[]> {
  const author = a.author.get(slug);
  if (!author) return [];
  const posts: PostEntry[] = author.data.posts.map((r) => a.post.get(`${r.thread}/${r.n}`)).filter((p): p is PostEntry => p !== undefined);
  const entries = await Promise.all(
    posts.map(async (p, i) => {
      const t = a.thread.get(p.data.thread.id)!;
      return {
        order: i,
        entry: {
          id: absolute(u.post(t.id, p.data.n)),
          title: `#${p.data.n} in ${t.data.title}`,
          link: absolute(u.post(t.id, p.data.n)),
          updated: feedDate(postDate(p))?.toISOString() ?? (await addedDate(t)),
          summary: excerpt(ownText(p), 400),
          author: authorName(a, p),
        },
      };
    }),
  );
  entries.sort((x, y) => (x.entry.updated < y.entry.updated ? 1 : x.entry.updated > y.entry.updated ? -1 : y.order - x.order));
  return entries.slice(0, limit).map((e) => e.entry);
}

/** `/data/threads/<thread>.md`: a thread as normalised Markdown (the archive's Markdown export format). */
import { writesThread } from '../../../shards/part';
import type { APIRoute } from 'astro';
import { getArchive, authorName } from '../../../site/archive';
import { threadMarkdown } from '../../../lib/research/markdown';

export async function getStaticPaths() {
  const archive = await getArchive();
  return archive.threads.filter((t) => writesThread(t.id) && t.data.format !== 'essay').map((t) => ({ params: { slug: t.id } }));
}
export const GET: APIRoute = async ({ params }) => {
  const archive = await getArchive();
  const thread = archive.thread.get(params.slug!)!;
  const posts = (archive.postsOf.get(thread.id) ?? []).map((p) => ({
    author: authorName(archive, p),
    segments: p.data.segments.map((s) => {
      if (s.kind === 'own') return { kind: 'own' as const, text: s.text };
      const q = archive.quote.get(p.data.quotes[s.quote]!.id)!.data;
      const src = q.source ? archive.post.get(q.source.id) : undefined;
      return { kind: 'quote' as const, author: src ? authorName(archive, src) : q.author, text: q.text };
    }),
  }));
  const body = thread.data.body !== null && posts.length === 0 ? [{ author: null, segments: [{ kind: 'own' as const, text: thread.data.body }] }] : posts;
  return new Response(threadMarkdown({ title: thread.data.title, source: thread.data.source, date: thread.data.date, posts: body }), {
    headers: { 'content-type': 'text/markdown; charset=utf-8' },
  });
};

import { writesThread } from '../../../shards/part';
import type { APIRoute } from 'astro';
import { getArchive } from '../../../site/archive';
import { threadData } from '../../../site/data-files';

export async function getStaticPaths() {
  const archive = await getArchive();
  return archive.threads.filter((t) => writesThread(t.id)).map((t) => ({ params: { slug: t.id } }));
}
export const GET: APIRoute = async ({ params }) => {
  const archive = await getArchive();
  const thread = archive.thread.get(params.slug!)!;
  return new Response(JSON.stringify(threadData(archive, thread)), { headers: { 'content-type': 'application/json' } });
};

/** `/feeds/authors/<author>.xml`: an Atom feed of an author's posts, newest first. */
import { writesSitePages } from '../../../shards/part';
import type { APIRoute } from 'astro';
import { getArchive, u } from '../../../site/archive';
import { authorEntries } from '../../../site/feeds';
import { absolute } from '../../../site/research';
import { atomFeed } from '../../../lib/research/feeds';
import { researchUrls } from '../../../lib/research/urls';

export async function getStaticPaths() {
  if (!writesSitePages()) return [];
  const archive = await getArchive();
  return archive.authors.map((a) => ({ params: { slug: a.id } }));
}
export const GET: APIRoute = async ({ params }) => {
  const archive = await getArchive();
  const author = archive.author.get(params.slug!)!;
  const self = absolute(researchUrls(import.meta.env.BASE_URL).authorFeed(author.id));
  const body = atomFeed({
    id: self,
    title: `What-If Archive: posts by ${author.data.name}`,
    self,
    page: absolute(u.author(author.id)),
    description: `Posts by ${author.data.name} in the What-If Archive.`,
    entries: await authorEntries(archive, author.id),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};

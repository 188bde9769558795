/** `/feeds/archive.xml`: an Atom feed of the archive's threads and essays, as they are added. */
import type { APIRoute } from 'astro';
import { getArchive, u } from '../../site/archive';
import { threadEntries } from '../../site/feeds';
import { absolute } from '../../site/research';
import { atomFeed } from '../../lib/research/feeds';
import { researchUrls } from '../../lib/research/urls';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const self = absolute(researchUrls(import.meta.env.BASE_URL).archiveFeed);
  const body = atomFeed({ id: self, title: 'What-If Archive: new threads', self, page: absolute(u.home), description: 'Counterfactual-history debates and essays, as they are added to the archive.', entries: await threadEntries(archive) });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};

import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { goneUrls } from '../../site/withdrawn';
import { u } from '../../site/archive';

/**
 * Every former URL the archive no longer publishes, for hosts that can answer
 * them with 410 Gone (the pages themselves answer 200 with a "withdrawn" page).
 */
export const GET: APIRoute = async () => {
  const gone = await getCollection('withdrawn');
  const urls = gone.flatMap((g) => goneUrls(g)).map((p) => ({ url: `${u.home}${p.path}/`, movedTo: p.movedTo?.url ?? null }));
  return new Response(JSON.stringify({ withdrawn: urls.filter((x) => !x.movedTo).map((x) => x.url), moved: urls.filter((x) => x.movedTo) }), {
    headers: { 'content-type': 'application/json' },
  });
};

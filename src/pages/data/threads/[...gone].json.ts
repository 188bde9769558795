import { writesSitePages } from '../../../shards/part';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

/** The data file of a thread or essay the archive no longer publishes: says so, and where it went if it moved. */
export async function getStaticPaths() {
  if (!writesSitePages()) return [];
  const gone = await getCollection('withdrawn');
  return gone.filter((g) => g.data.whole).map((g) => ({ params: { gone: g.id }, props: { movedTo: g.data.movedTo?.slug ?? null } }));
}
export const GET: APIRoute = ({ params, props }) =>
  new Response(JSON.stringify({ slug: params.gone, withdrawn: props.movedTo === null, movedTo: props.movedTo }), { headers: { 'content-type': 'application/json' } });

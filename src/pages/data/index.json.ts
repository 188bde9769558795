import type { APIRoute } from 'astro';
import { getArchive } from '../../site/archive';
import { indexData } from '../../site/data-files';

export const GET: APIRoute = async () => new Response(JSON.stringify(indexData(await getArchive())), { headers: { 'content-type': 'application/json' } });

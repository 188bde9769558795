/** `/data/posts.jsonl`: every post of the archive, one JSON object a line, in archive order (schema on `/data/`). */
import type { APIRoute } from 'astro';
import { getArchive } from '../../site/archive';
import { postRecord } from '../../site/research';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const lines: string[] = [];
  for (const t of archive.threads) for (const p of archive.postsOf.get(t.id) ?? []) lines.push(JSON.stringify(postRecord(archive, t, p)));
  return new Response(lines.length ? `${lines.join('\n')}\n` : '', { headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } });
};

/** `/data/captures/<thread><ext>`: the capture file exactly as it was imported (same bytes). */
import { writesThread } from '../../../shards/part';
import type { APIRoute } from 'astro';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getArchive } from '../../../site/archive';
import { contentDir } from '../../../loader/archive-loader';
import { captureExtension } from '../../../lib/research/urls';

export async function getStaticPaths() {
  const archive = await getArchive();
  // A capture whose words were partly removed is not published as imported (its Markdown and JSON are).
  return archive.threads.filter((t) => writesThread(t.id) && !t.data.rawWithheld).map((t) => ({ params: { file: `${t.id}${captureExtension(t.data.file)}` }, props: { path: t.data.file } }));
}
export const GET: APIRoute = async ({ props }) => {
  const bytes = await readFile(resolve(contentDir(process.cwd()), (props as { path: string }).path));
  return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'application/octet-stream' } });
};

/**
 * A shard's slice on disk, as JSON Lines: a head line (part, shard, own
 * threads), then one line per collection entry and per search document or
 * author. One line per entry keeps both ends streaming: a slice of any size is
 * written and read without building one string of it (V8 caps a string near
 * 512 MB).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { ShardSlice } from './part.js';

type Kind = keyof ShardSlice['collections'];
type Row = NonNullable<ShardSlice['search']>;
const KINDS: Kind[] = ['threads', 'posts', 'quotes', 'authors', 'withdrawn'];

/** The lines of a slice, head first (exported for hashing without writing). */
export function* sliceLines(slice: ShardSlice): Generator<string> {
  yield JSON.stringify({ head: { part: slice.part, index: slice.index, count: slice.count, own: slice.own, indexed: slice.search !== null } });
  for (const k of KINDS) for (const [id, data] of slice.collections[k]) yield JSON.stringify({ k, id, data });
  for (const d of slice.search?.documents ?? []) yield JSON.stringify({ doc: d });
  for (const a of slice.search?.authors ?? []) yield JSON.stringify({ author: a });
}

/** Writes `lines` to `file`, one a line; resolves when the file is closed. */
export async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

/** Reads a slice written by `writeLines(file, sliceLines(slice))`. Rejects on a file that is not one. */
export async function readSlice(file: string): Promise<ShardSlice> {
  const slice: ShardSlice = {
    part: 'threads',
    index: 0,
    count: 1,
    own: [],
    collections: { threads: [], posts: [], quotes: [], authors: [], withdrawn: [] },
    search: { documents: [], authors: [] },
  };
  let head = false;
  const search: NonNullable<ShardSlice['search']> = { documents: [], authors: [] };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const row = JSON.parse(line) as { head?: Pick<ShardSlice, 'part' | 'index' | 'count' | 'own'> & { indexed: boolean }; k?: Kind; id?: string; data?: unknown; doc?: Row['documents'][number]; author?: Row['authors'][number] };
    if (row.head) {
      const { indexed, ...rest } = row.head;
      Object.assign(slice, rest);
      slice.search = indexed ? search : null;
      head = true;
    } else if (row.k && row.id !== undefined) slice.collections[row.k].push([row.id, row.data]);
    else if (row.doc) search.documents.push(row.doc);
    else if (row.author) search.authors.push(row.author);
  }
  if (!head) throw new Error('it has no head line');
  return slice;
}

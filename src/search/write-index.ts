/**
 * Writes the search bundle: Pagefind's index of the records (through its Node
 * API) and, beside it in `maps/`, each record's map named by the page hash
 * Pagefind gave it, so the search page can read the maps of the records a
 * query touches without loading their fragments.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { encodeMap, type RecordMap, type SearchRecord } from './records.js';

/** Files of Pagefind's bundle this site never loads (about 400 KB). */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css'];

/** Archive-wide figures the search page needs before any map: record count and average item length. */
export interface SearchMeta {
  records: number;
  items: number;
  /** Average words per post or section, for length normalisation. */
  avgWords: number;
  /** True when some post carries a date (the date filter is offered). */
  dated: boolean;
  /** Words of all posts and sections: with `items`, what a merge of several indexes needs for `avgWords`. */
  words: number;
  /**
   * Further Pagefind bundles to merge into this one, relative to this bundle
   * (`shards/1/`): a sharded build's thread indexes (`npm run merge`). Absent for one index.
   */
  indexes?: string[];
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  }
  return total;
}

/** Every fragment's record number (`meta.x`) by page hash, read back from Pagefind's output. */
async function fragmentRecords(outputPath: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const dir = join(outputPath, 'fragment');
  for (const f of await readdir(dir)) {
    if (!f.endsWith('.pf_fragment')) continue;
    const raw = gunzipSync(await readFile(join(dir, f))).toString('utf8');
    const json = JSON.parse(raw.startsWith('pagefind_dcd') ? raw.slice('pagefind_dcd'.length) : raw) as Record<string, unknown>;
    const one = (hash: string, frag: unknown) => {
      const x = Number((frag as { meta?: { x?: string } }).meta?.x);
      if (Number.isInteger(x)) out.set(hash, x);
    };
    // A fragment file holds one fragment, or a group of them by hash.
    if (typeof json.url === 'string') one(f.replace(/\.pf_fragment$/, ''), json);
    else for (const [hash, frag] of Object.entries(json)) one(hash, frag);
  }
  return out;
}

/** Average words per item, as the search page's length normalisation takes it: at least 1. */
export function averageWords(words: number, items: number): number {
  return Math.max(1, Math.round(words / Math.max(1, items)));
}

/**
 * Writes each record's map into `maps/<page hash>.json` (one small file per
 * record: a query fetches the maps of exactly the records it touches) and the
 * archive figures into `maps/meta.json`.
 */
async function writeMaps(outputPath: string, maps: RecordMap[], dated: boolean): Promise<void> {
  const byHash = await fragmentRecords(outputPath);
  if (byHash.size !== maps.length) {
    throw new Error(`Search index: Pagefind wrote ${byHash.size} fragments for ${maps.length} records, so some search results would have no map. Check that every record has content.`);
  }
  const dir = join(outputPath, 'maps');
  await mkdir(dir, { recursive: true });
  for (const [hash, x] of byHash) await writeFile(join(dir, `${hash}.json`), JSON.stringify(encodeMap(maps[x]!)));
  const items = maps.flatMap((m) => m.i.filter((i) => i.k === 'post' || i.k === 'essay'));
  const words = items.reduce((s, i) => s + i.l, 0);
  const meta: SearchMeta = { records: maps.length, items: items.length, avgWords: averageWords(words, items.length), dated, words };
  await writeFile(join(dir, 'meta.json'), JSON.stringify(meta));
}

/**
 * Indexes `records` with Pagefind and writes the bundle and the maps to
 * `outputPath`. Throws on any Pagefind error; always closes Pagefind's service.
 */
export async function writeIndex(
  entries: { record: SearchRecord; map: RecordMap }[],
  outputPath: string,
): Promise<{ records: number; indexMs: number; indexBytes: number }> {
  const t0 = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length) throw new Error(`Pagefind createIndex: ${errors.join('; ')}`);
    // The service handles requests one at a time; batches keep the pipe full without flooding memory.
    const BATCH = 256;
    for (let i = 0; i < entries.length; i += BATCH) {
      const res = await Promise.all(entries.slice(i, i + BATCH).map((e) => index.addCustomRecord(e.record)));
      const bad = res.flatMap((r) => r.errors);
      if (bad.length) throw new Error(`Pagefind addCustomRecord: ${bad.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind writeFiles: ${written.errors.join('; ')}`);
    for (const f of UNUSED) await rm(join(outputPath, f), { force: true });
  } finally {
    await pagefind.close();
  }
  const maps = entries.map((e) => e.map);
  await writeMaps(outputPath, maps, maps.some((m) => m.i.some((i) => i.d)));
  const indexMs = Math.round(performance.now() - t0);
  return { records: entries.length, indexMs, indexBytes: await dirBytes(outputPath) };
}

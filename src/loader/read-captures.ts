/**
 * Reads the capture files of a content folder: every regular file below it,
 * sorted by path for a deterministic build, skipping dot files and folders,
 * and the `<page>_files` folder that a browser saves beside `<page>.html`.
 * The only file I/O of the importer side, kept apart from the Astro binding.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readCaptureBytes, type CaptureInput, type Diagnostic } from '../lib/index.js';

/** A capture read from disk, with the diagnostics of decoding it. */
export interface ReadCapture extends CaptureInput {
  diagnostics: Diagnostic[];
  /** True when the file is not text (binary): it is reported and left out of the archive. */
  skipped: boolean;
}

async function walk(dir: string, out: string[], skip: ReadonlySet<string> = new Set()): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  // "Save page as… complete" puts a page's images, styles and scripts in a folder beside it: not captures.
  const pages = new Set(names.filter((n) => /\.html?$/i.test(n)).map((n) => n.replace(/\.html?$/i, '')));
  for (const name of names) {
    if (name.startsWith('.') || skip.has(name)) continue;
    if (/_files$/.test(name) && pages.has(name.slice(0, -'_files'.length))) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) await walk(path, out);
    else if (info.isFile()) out.push(path);
  }
}

/**
 * Reads every capture below `dir`. `file` is the path relative to `dir`, with `/` separators.
 * A missing folder gives an empty list. `skip` names files at the top of `dir`
 * that are not captures (`removals.yaml`, `published.json`).
 */
export async function readCaptures(dir: string, skip: readonly string[] = []): Promise<ReadCapture[]> {
  const paths: string[] = [];
  await walk(dir, paths, new Set(skip));
  const rel = paths.map((p) => ({ path: p, file: relative(dir, p).split(sep).join('/') }));
  rel.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const out: ReadCapture[] = [];
  for (const { path, file } of rel) {
    // Mail needs MIME decoding, which is asynchronous: the read stage does it before the (synchronous) importer.
    const read = await readCaptureBytes(await readFile(path));
    out.push({ file, text: read.text ?? '', ...(read.mime ? { mime: read.mime } : {}), diagnostics: read.diagnostics, skipped: read.text === null });
  }
  return out;
}

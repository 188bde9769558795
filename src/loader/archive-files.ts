/**
 * The two files at the top of the content folder that are not captures:
 * `removals.yaml` (what to take out, written by the publisher) and
 * `published.json` (what earlier builds published, written by the build).
 * Read here, parsed by the importer (`src/lib/archive/`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REMOVALS_FILE } from '../lib/archive/removals.js';
import { RECORD_FILE } from '../lib/archive/published.js';

/** Names at the top of the content folder that are read here, not as captures. */
export const ARCHIVE_FILES = [REMOVALS_FILE, RECORD_FILE] as const;

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** The text of `removals.yaml` and `published.json` in `dir`, or null for a file that is not there. */
export async function readArchiveFiles(dir: string): Promise<{ removals: string | null; record: string | null }> {
  const [removals, record] = await Promise.all([readText(join(dir, REMOVALS_FILE)), readText(join(dir, RECORD_FILE))]);
  return { removals, record };
}

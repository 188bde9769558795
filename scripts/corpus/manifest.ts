/**
 * The corpus manifest (`.manifest.json`, a dot file so the content loader
 * skips it), written as the corpus is generated: one entry per file with the
 * ground truth of its posts, then the totals. Memory stays bounded because
 * entries are written as soon as their thread is.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { PostTruth, QuoteCounts } from './thread.js';

/** The name of the manifest file inside the output folder. */
export const MANIFEST = '.manifest.json';

/** One capture file's entry. */
export interface FileEntry {
  file: string;
  format: 'markdown-export' | 'plain-capture';
  title: string;
  frontMatter: boolean;
  posts: PostTruth[];
}

/** Totals of the corpus. */
export interface Totals {
  seed: number;
  requestedPosts: number;
  files: number;
  threads: number;
  posts: number;
  byFormat: Record<FileEntry['format'], { threads: number; posts: number }>;
  quotes: QuoteCounts & { total: number };
  /** Members with at least one post whose author the capture names (the authors the importer should list). */
  authors: number;
  /** Of those, members whose older name is used in a quote attribution (each should come out with an alias). */
  renamedAuthors: number;
  /** Members with any post, named or not. */
  people: number;
  /** Distinct pseudo-words available to the prose (the whole vocabulary is larger: names, years, English words). */
  vocabularySize: number;
}

/** The manifest as read back: `files` then `totals`. */
export interface Manifest {
  files: FileEntry[];
  totals: Totals;
}

/** Streams a manifest to disk. */
export class ManifestWriter {
  private readonly fd: number;
  private count = 0;

  /** Opens (truncating) the manifest file at `path`. */
  constructor(path: string) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, '{\n"files": [\n');
  }

  /** Appends one file's entry (one line of JSON). */
  add(entry: FileEntry): void {
    writeSync(this.fd, `${this.count++ === 0 ? '' : ',\n'}${JSON.stringify(entry)}`);
  }

  /** Writes the totals and closes the file. */
  close(totals: Totals): void {
    writeSync(this.fd, `\n],\n"totals": ${JSON.stringify(totals, null, 1)}\n}\n`);
    closeSync(this.fd);
  }
}

/**
 * `npm run --silent parse -- FILE...`: parses the given captures together and
 * prints the parse report as JSON on standard output. Files are read in the
 * order given; a file that cannot be read is reported in its document's diagnostics.
 */
import { readFileSync } from 'node:fs';
import { buildArchive, readCaptureBytes, type CaptureInput } from '../src/lib/index.js';
import { parseReport } from './report.js';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent parse -- FILE...\nParses capture files and prints {"documents": [...], "authors": [...]} as JSON.\n');
  process.exit(2);
}
const inputs: CaptureInput[] = [];
const early = new Map<string, { rule: string; severity: 'error' | 'warning'; message: string; line: number | null }[]>();
for (const file of files) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    early.set(file, [{ rule: 'unreadable', severity: 'error', message: `The file could not be read (${(e as Error).message}). Check the path.`, line: null }]);
    inputs.push({ file, text: '' });
    continue;
  }
  const read = await readCaptureBytes(bytes);
  if (read.diagnostics.length) early.set(file, read.diagnostics as never);
  inputs.push({ file, text: read.text ?? '', ...(read.mime ? { mime: read.mime } : {}) });
}
const archive = buildArchive(inputs);
for (const d of archive.documents) {
  for (const { file } of [...(d.captures ?? [{ file: d.file }])].reverse()) {
    const pre = early.get(file);
    if (pre) d.diagnostics.unshift(...pre.map((x) => (file === d.file ? x : { ...x, file })));
  }
}
process.stdout.write(`${JSON.stringify(parseReport(archive), null, 1)}\n`);

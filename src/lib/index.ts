/**
 * The importer's public surface: pure functions from capture text to the archive model.
 */
export type * from './model.js';
export { buildArchive, type BuildOptions, type BuildTimings } from './build-archive.js';
export { parseCapture, type CaptureInput } from './parse-capture.js';
export { decodeCapture, type Decoded } from './decode.js';
export { excerpt, slugify } from './text.js';

/**
 * The importer's public surface: pure functions from capture text to the archive model.
 */
export type * from './model.js';
export { buildArchive, type BuildOptions, type BuildTimings } from './archive/build-archive.js';
export { parseCapture, type CaptureInput } from './archive/parse-capture.js';
export { decodeCapture, type Decoded } from './read/decode.js';
export { decodeMailCapture, type MimeDecoding } from './read/mail-mime.js';
export { readCaptureBytes, type ReadBytes } from './read/read-capture.js';
export { excerpt, slugify } from './text/text.js';
export { FORMATS, detectFormat, formatNamed, formatNames, UNKNOWN_FORMAT, type Detection } from './formats/registry.js';
export type { CaptureFormatPlugin, FormatResult } from './formats/format.js';

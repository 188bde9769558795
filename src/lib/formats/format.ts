/**
 * The contract of a capture format. A format is one module that exports one
 * `CaptureFormatPlugin`, listed once in `registry.ts`:
 *
 * - `detect(lines)` says how sure it is (0 to 1) that a capture is in this
 *   format; the registry asks every format and takes the most confident;
 * - `split(lines, start, ledger)` reads the capture from line `start` (after
 *   the front matter) into a title and posts (or essay sections), claims every
 *   line it places or drops in the ledger, and reports what it noticed as
 *   diagnostics. It never throws on odd content.
 *
 * Everything else (slugs, signatures, quote sources, authors) is done by the
 * later stages for every format alike, steered by the flags below.
 */
import type { Diagnostic, Post, Section } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { MimeDecoding } from '../read/mail-mime.js';

/**
 * What the read stage decoded ahead of the importer, with asynchronous
 * libraries, for the formats that need it (default: nothing).
 */
export interface FormatInput {
  /** MIME bodies of mail captures, decoded by postal-mime (`read/mail-mime.ts`). */
  mime?: MimeDecoding;
  /** The registered formats, for a format that hands text on to the others (a saved page of an unknown board). */
  formats?: readonly CaptureFormatPlugin[];
}

/** What a format's `split` returns. */
export interface FormatResult {
  /** The title read from the capture, or null when it has none (the importer then infers one). */
  title: string | null;
  /** True when `title` was inferred by the format rather than read (default false). */
  titleInferred?: boolean;
  /** The posts, in source order, numbered from 1 (threads). */
  posts: Post[];
  /** The sections (essays only; default none). */
  sections?: Section[];
  diagnostics: Diagnostic[];
}

/** A capture format: one module, one entry in the registry. */
export interface CaptureFormatPlugin {
  /** The name used in front matter (`format: <name>`), in the parse report and in the data files. */
  name: string;
  /** What readers are told about the source, on thread pages (for example "Markdown export"). */
  label: string;
  /** `thread` formats give posts; `essay` formats give sections. */
  kind: 'thread' | 'essay';
  /** True when post bodies are Markdown; false when they are plain text shown as written. */
  markdown: boolean;
  /**
   * True when the capture marks no quotes, so quotes are reconstructed from
   * words repeated from earlier posts (and shown as reconstructed).
   */
  reconstructQuotes: boolean;
  /** True when a post ending with a known author's name is signed by them (flat text without user blocks). */
  signatures: boolean;
  /**
   * True when a capture of a single line can hold posts (JSON as servers send
   * it: one line). Default false: a capture of one line is read as a title alone.
   */
  oneLine?: boolean;
  /** Confidence, from 0 (not this format) to 1 (certainly this format), for a capture's lines (front matter removed). */
  detect(lines: readonly string[]): number;
  /**
   * Splits the capture into a title and posts (or sections).
   * @param lines all lines of the capture (LF-split), front matter included
   * @param start 0-based index of the first line after the front matter
   * @param ledger records which lines went where; every line with text must be claimed
   * @param input what the read stage decoded ahead (optional; formats must work without it)
   */
  split(lines: string[], start: number, ledger: Ledger, input?: FormatInput): FormatResult;
}

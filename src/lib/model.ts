/**
 * The archive's data model: plain, serialisable types shared by every stage
 * of the importer, the content loader, the pages and the parse command.
 *
 * Nothing here depends on Astro or on the file system.
 */

/** How serious a diagnostic is. `error` fails a strict build (`ARCHIVE_STRICT=1`). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Something the importer noticed about a capture: what happened, why, and what to do.
 * `line` is 1-based in the capture file (front matter included), or `null` when
 * the diagnostic is about the whole file.
 */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  line: number | null;
  /** The file `line` is in, when not the document's own file (a capture merged into another's thread, `removals.yaml`). */
  file?: string;
}

/**
 * The name of a capture format: one of the formats in `formats/registry.ts`,
 * or `unknown` (shown as a plain text page).
 */
export type CaptureFormat = string;

/** Where the author of a post was read from. */
export type AuthorEvidence = 'heading' | 'user-block' | 'signature';

/**
 * A quote inside a post.
 * - explicit quotes (`Name said:` + blockquote) keep `author` as written;
 * - reconstructed quotes (flat text, found by repeated words) take the author of
 *   the source post, and `reconstructed` is true.
 */
export interface Quote {
  /** The author as written in the attribution, or the source post's author when reconstructed; `null` when unknown. */
  author: string | null;
  /** The quoted words (Markdown source for explicit quotes, plain text for reconstructed ones). */
  text: string;
  /** `n` of the quoted post, or `null` when no earlier post holds these words. */
  sourcePost: number | null;
  /** Slug of the document holding the source post when it is another document, else `null`. */
  sourceThread: string | null;
  /** True when the quote was inferred from repeated text rather than marked in the capture. */
  reconstructed: boolean;
  /** 1-based source line where the quote starts. */
  line: number;
}

/** One piece of a post body, in source order: the poster's own words, or a quote. */
export type Segment =
  | { kind: 'own'; text: string; line: number }
  | { kind: 'quote'; quote: number };

/** A post of a thread. */
export interface Post {
  /** 1-based position in the thread, in source order. Stable: it is the post's URL. */
  n: number;
  /** Display name, or `null` when the capture names none (never guessed from a neighbour). */
  author: string | null;
  authorEvidence: AuthorEvidence | null;
  /** Badge lines of a user block (`Banned`, `Donor`, a rank, a join date…). */
  badges: string[];
  /** The capture shows the post was edited. */
  edited: boolean;
  /**
   * When the post was written, as the capture shows it: ISO 8601 (`2012-03-10T23:11`,
   * with an offset such as `+01:00` only when the capture gives a zone); a relative
   * age (`Yesterday at 10:30 PM`, `3 hours ago`) kept as written; null when not shown.
   */
  date: string | null;
  /**
   * `n` of the post this one answers (reddit, mail, Usenet, Discourse), or null when it
   * answers none or its parent is not in the capture. Quotes are separate (`quotes`).
   */
  replyTo: number | null;
  /** 1-based source line where the post starts. */
  line: number;
  /** The post's own words: the body without its quotes, segments joined by blank lines. */
  text: string;
  /** The body in source order. */
  segments: Segment[];
  /** The quotes, in source order; `segments` refer to them by index. */
  quotes: Quote[];
  /** The capture the shown text came from, when it is not the document's own file (a re-capture; `archive/merge-captures.ts`). */
  capture?: string;
  /** Earlier texts of the post's own words, oldest first, when a later capture showed it edited. */
  earlier?: PostVersion[];
  /** The post was missing from a later capture of its thread: that capture (deleted on the forum by then). */
  gone?: { file: string; date: string | null };
  /** Taken out by a removal (`archive/removals.ts`): `author` at the author's request, `post` this post alone. Its words and quotes are gone; its number stays. */
  removed?: 'author' | 'post';
}

/** An earlier text of a post, as an earlier capture of its thread showed it. */
export interface PostVersion {
  file: string;
  date: string | null;
  /** The post's own words in that capture. */
  text: string;
}

/** One capture of a thread that was captured more than once, and what it brought (`ArchiveDocument.captures`). */
export interface CaptureRecord {
  file: string;
  date: string | null;
  source: string | null;
  /** Page of the thread the capture holds (front matter `part:`, or `page-N` in its source URL), null for a whole thread. */
  part: number | null;
  /** Posts in the capture, and of those: new to the thread, edited since an earlier capture, unchanged. */
  posts: number;
  added: number;
  edited: number;
  unchanged: number;
  /** Posts of earlier captures that this one should hold but does not (deleted on the forum). */
  gone: number;
  /** The thread's number for each post of the capture, in the capture's order. */
  numbers: number[];
  accounting: Accounting;
}

/** A block of an essay section. */
export type EssayBlock =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'list'; items: string[]; line: number };

/** A section of an essay, opened by a heading. */
export interface Section {
  title: string;
  /** 2 for a top-level section, 3 for a subsection (a heading followed directly by another heading opens a level-2 group). */
  level: number;
  /** Anchor id, unique within the essay. */
  id: string;
  line: number;
  blocks: EssayBlock[];
}

/** Counts every character of the source: placed somewhere, or dropped by a named rule. */
export interface Accounting {
  /** Characters in the source text (after BOM removal and line-ending normalisation, which are counted under `dropped`). */
  source: number;
  /** Characters placed into the model, by where they went (post, quote, user-block, title, front-matter, section…). */
  placed: number;
  placedBy: Record<string, number>;
  /** Characters dropped, by the rule that dropped them (blank-line, separator, page-chrome…). */
  dropped: Record<string, number>;
}

/** Metadata from optional YAML front matter. All fields optional. */
export interface FrontMatter {
  title?: string;
  source?: string;
  date?: string;
  format?: CaptureFormat;
  slug?: string;
  /** Joins this capture to the thread with this slug (a re-capture matching cannot recognise). */
  thread?: string;
  /** The page of the thread this capture holds (1-based), for captures of one page. */
  part?: number;
  /** Removals for this capture, in the shape of `removals.yaml` (validated by `archive/removals.ts`). */
  removals?: unknown;
}

/** One capture file, parsed. */
export interface ArchiveDocument {
  /** The path as given to the importer. */
  file: string;
  format: CaptureFormat;
  title: string;
  /** True when the title was not in the capture or its front matter, but inferred. */
  titleInferred: boolean;
  /** True when removals changed the capture's words, so its file is not published as imported. */
  rawWithheld?: boolean;
  /** URL slug, unique within the archive and stable when posts or documents are added. */
  slug: string;
  source: string | null;
  date: string | null;
  posts: Post[];
  /** Essays only. */
  sections: Section[];
  /** Unknown format only: the text shown as is. */
  body: string | null;
  diagnostics: Diagnostic[];
  accounting: Accounting;
  /** Every capture of the thread in merge order, its own file first, when it was captured more than once. */
  captures?: CaptureRecord[];
  /** Front matter that concerns the whole archive (re-captures, removals); read by `buildArchive`. */
  frontMatter?: Pick<FrontMatter, 'thread' | 'part' | 'removals'>;
}

/** A person, across every name they posted under. */
export interface Author {
  /** The display name: the name used most recently (the last one seen in archive order). */
  name: string;
  /** URL slug, unique among authors. */
  slug: string;
  /** Other names of the same account. */
  aliases: string[];
}

/** A passage that stands in two documents. */
export interface SharedPassage {
  a: { slug: string; post: number };
  b: { slug: string; post: number };
  /** The first words of the passage. */
  starts: string;
}

/** The whole archive. */
export interface Archive {
  documents: ArchiveDocument[];
  authors: Author[];
  sharedPassages: SharedPassage[];
  /** About the archive as a whole (removals, re-captures), each naming its `file`; never published. */
  diagnostics?: Diagnostic[];
}

/**
 * Ids and slugs: every document and author gets a URL slug that is unique in
 * the archive and does not change when posts or other documents are added.
 */
import type { ArchiveDocument, Diagnostic } from '../model.js';
import { shortHash, slugify } from '../text/text.js';

/** The base name of a path without its extension (`content/a/b.txt` → `b`). */
export function fileStem(path: string): string {
  const base = String(path).split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** A path without its extension, with `/` separators (`a\\b.txt` → `a/b`). */
export function pathStem(path: string): string {
  const parts = String(path).split(/[\\/]/);
  parts[parts.length - 1] = fileStem(path);
  return parts.join('/');
}

/**
 * The slug a document asks for: its front matter `slug`, or its title's slug
 * followed by a short hash of its path without extension (for a file at the top
 * of the content folder, its file name). The hash keeps two documents with the
 * same title apart, also same-named files in different folders, without
 * depending on which was added first, so adding a document never changes the
 * URL of another.
 */
export function documentSlug(doc: Pick<ArchiveDocument, 'file' | 'title'>, frontMatterSlug?: string): string {
  const own = frontMatterSlug ? slugify(frontMatterSlug, 80) : '';
  if (own) return own;
  const base = slugify(doc.title, 60) || 'untitled';
  return `${base}-${shortHash(pathStem(doc.file))}`;
}

/**
 * Makes the slugs of a set of documents unique, in place. A clash (two files
 * with the same name in different folders, or the same front matter slug) is
 * resolved deterministically by adding a hash of the full path to every
 * clashing document but the one whose path sorts first, and reported.
 */
export function dedupeSlugs(docs: ArchiveDocument[]): void {
  const groups = new Map<string, ArchiveDocument[]>();
  for (const d of docs) {
    const list = groups.get(d.slug);
    if (list) list.push(d);
    else groups.set(d.slug, [d]);
  }
  const taken = new Set(groups.keys());
  for (const [slug, list] of groups) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const d of sorted.slice(1)) {
      // The path's hash; a counter too in the odd case that it is taken (the same path twice, or a slug chosen to match).
      const base = `${slug}-${shortHash(d.file, 8)}`;
      let next = base;
      for (let k = 2; taken.has(next); k++) next = `${base}-${k}`;
      taken.add(next);
      d.slug = next;
      const diag: Diagnostic = {
        rule: 'duplicate-slug',
        severity: 'warning',
        message: `The slug "${slug}" is already used by ${sorted[0]!.file}. This document was given "${d.slug}" instead; set a distinct \`slug:\` in its front matter to choose its URL.`,
        line: 1,
      };
      d.diagnostics.push(diag);
    }
  }
}

/** Author slugs: the name's slug, with a short hash of the name when two names share one or a name has no letters. */
export function authorSlugs(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Map<string, number>();
  for (const name of names) {
    const s = slugify(name, 48);
    used.set(s, (used.get(s) ?? 0) + 1);
  }
  for (const name of names) {
    const s = slugify(name, 48);
    out.set(name, !s || (used.get(s) ?? 0) > 1 ? `${s || 'author'}-${shortHash(name)}` : s);
  }
  return out;
}

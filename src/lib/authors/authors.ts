/**
 * Authors: one person across every name they posted under. Names are joined
 * when quote resolution shows that text attributed to one name was written
 * under another (a renamed account).
 */
import type { ArchiveDocument, Author } from '../model.js';
import type { AliasEvidence } from '../quotes/resolve-quotes.js';
import { authorSlugs } from '../archive/ids.js';

/** Minimal union-find over names. */
class Names {
  private readonly parent = new Map<string, string>();
  find(a: string): string {
    let p = this.parent.get(a) ?? a;
    if (p === a) return a;
    p = this.find(p);
    this.parent.set(a, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** Names that sign posts (post authors), with their post counts, in archive order. */
export function postingNames(docs: readonly ArchiveDocument[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) for (const p of d.posts) if (p.author) counts.set(p.author, (counts.get(p.author) ?? 0) + 1);
  return counts;
}

/**
 * Builds the author list. A written quote name becomes an alias of the post
 * author it resolved to only when that name never signs a post itself (an
 * account that posts under the name is a different person who was misquoted).
 * The display name is the name with the most posts; the others are aliases.
 * @returns the authors, sorted by display name, and a map from every name to its author
 */
export function buildAuthors(
  docs: readonly ArchiveDocument[],
  evidence: readonly AliasEvidence[],
): { authors: Author[]; byName: Map<string, Author> } {
  const posting = postingNames(docs);
  const names = new Names();
  const quotedOnly = new Set<string>();
  for (const e of evidence) {
    if (posting.has(e.written)) continue;
    names.union(e.written, e.actual);
    quotedOnly.add(e.written);
  }
  const members = new Map<string, string[]>();
  for (const name of [...posting.keys(), ...quotedOnly]) {
    const root = names.find(name);
    const list = members.get(root);
    if (list) {
      if (!list.includes(name)) list.push(name);
    } else members.set(root, [name]);
  }
  const groups = [...members.values()].map((list) =>
    [...list].sort((a, b) => (posting.get(b) ?? 0) - (posting.get(a) ?? 0) || a.localeCompare(b)),
  );
  const display = groups.map((g) => g[0]!);
  const slugs = authorSlugs(display);
  const authors: Author[] = groups.map((g) => ({ name: g[0]!, slug: slugs.get(g[0]!)!, aliases: g.slice(1) }));
  authors.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.name < b.name ? -1 : 1));
  const byName = new Map<string, Author>();
  for (const a of authors) for (const n of [a.name, ...a.aliases]) byName.set(n, a);
  return { authors, byName };
}

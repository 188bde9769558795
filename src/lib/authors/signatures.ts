/**
 * Signatures: a flat-text post that ends with a line holding only a name known
 * as an author somewhere in the archive (a `## Name` heading or a user block)
 * is signed by that author. The signature line is not part of the post's own
 * words; it is re-claimed in the ledger under `signature`.
 */
import type { ArchiveDocument, Post } from '../model.js';
import { lineClaimer, type LineClaimer } from '../accounting/line-claims.js';
import { ownText } from '../text/segments.js';
import { isBlank } from '../text/text.js';
import { formatNamed } from '../formats/registry.js';

/** A name as compared for signatures: trimmed, inner white space collapsed. */
function normName(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Signs one post (in place) when its last own line is a known name. A post
 * that already has an author keeps it; its signature line is only removed from
 * its words when it names that same author.
 * @returns true when a signature was found
 */
export function signPost(post: Post, known: ReadonlySet<string>, claim: LineClaimer = () => {}): boolean {
  const lastIdx = post.segments.length - 1;
  const seg = post.segments[lastIdx];
  if (!seg || seg.kind !== 'own') return false;
  const rows = seg.text.split('\n');
  const name = normName(rows[rows.length - 1] ?? '');
  if (!name || !known.has(name)) return false;
  // The name alone is not a signed post: there must be words before it.
  if (rows.length < 2 && post.segments.length < 2) return false;
  if (post.author !== null && post.author !== name) return false;
  const sigLine = seg.line + rows.length - 1; // 1-based
  rows.pop();
  while (rows.length > 0 && isBlank(rows[rows.length - 1] ?? '')) rows.pop();
  if (rows.length > 0) seg.text = rows.join('\n');
  else post.segments.splice(lastIdx, 1);
  post.text = ownText(post.segments);
  if (post.author === null) {
    post.author = name;
    post.authorEvidence = 'signature';
  }
  claim(sigLine - 1, sigLine - 1, 'signature');
  return true;
}

/**
 * Attributes posts that end with a known author's name (in place), in
 * documents whose format reads signatures; other documents are left alone.
 * @param knownAuthors names known from headings and user blocks across the archive
 */
export function applySignatures(docs: ArchiveDocument[], knownAuthors: ReadonlySet<string>): void {
  const known = new Set([...knownAuthors].map(normName).filter((n) => n.length > 0));
  if (known.size === 0) return;
  for (const doc of docs) {
    if (!formatNamed(doc.format)?.signatures) continue;
    const claim = lineClaimer(doc);
    for (const post of doc.posts) signPost(post, known, claim);
  }
}

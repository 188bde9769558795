/**
 * Thread titles of forum text: whether a first line reads as a title or as
 * the first sentence of a post, and a title inferred (and said to be) when
 * the capture has none.
 */
import type { Diagnostic, Post } from '../../model.js';
import type { FormatResult } from '../format.js';
import type { ForumThread } from './body.js';
import { excerpt } from '../../text/text.js';
import { shortenTitle } from '../essay.js';

/** Longest title, in characters (default 150) and words (default 25). */
export const MAX_TITLE_CHARS = 150;
export const MAX_TITLE_WORDS = 25;

/**
 * True when a line reads as a thread title rather than a sentence of a post:
 * short, and not ending like a sentence or a clause (`.`, `,`, `;`, `:`),
 * though a question mark or an ellipsis is fine.
 */
export function isTitleLike(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > MAX_TITLE_CHARS) return false;
  if (t.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  if (/(?:^|[^.])\.$|[,;:]$/.test(t)) return false;
  return /[\p{L}\p{N}]/u.test(t);
}

const QUESTION = /\b(?:what if|what would (?:have )?happen(?:ed)? if|wi:?)\s[^?.!\n]{3,200}\?/i;

/**
 * A title for a thread whose capture shows none: its first "What if …?"
 * question, else the first sentence of its first post with words, shortened.
 * @returns the title and a diagnostic saying it was inferred, or null when no post has words
 */
export function inferThreadTitle(posts: readonly Post[], line: number): { title: string; diagnostic: Diagnostic } | null {
  let title: string | null = null;
  for (const p of posts) {
    const m = QUESTION.exec(p.text.replace(/\s+/g, ' '));
    if (m) {
      title = shortenTitle(m[0].charAt(0).toUpperCase() + m[0].slice(1));
      break;
    }
  }
  if (!title) {
    const first = posts.find((p) => /[\p{L}\p{N}]/u.test(p.text));
    if (!first) return null;
    const flat = first.text.replace(/\s+/g, ' ').trim();
    const sentence = /^.{10,}?[.!?](?=\s|$)/u.exec(flat)?.[0] ?? flat;
    title = excerpt(sentence, 80);
  }
  return {
    title,
    diagnostic: {
      rule: 'title-inferred',
      severity: 'info',
      message: `The capture has no title line (it opens with a post), so the title "${excerpt(title, 60)}" was inferred from the posts' text. Add \`title:\` front matter to set the real one.`,
      line,
    },
  };
}

/** A post's subject line that can stand in for a missing thread title (`Re: ` removed). */
export interface SubjectTitle {
  subject: string;
  /** 1-based line of the subject. */
  line: number;
  /** What the capture lacks, for the message (for example "a `Thread:` line"). */
  missing: string;
}

/**
 * The format's result for a forum thread: the title read from the capture,
 * else one taken from a post's subject, else one inferred from the posts'
 * text, with a `title-inferred` note whenever it was not read.
 * @param line 1-based line the note points at when the title comes from the text
 */
export function threadResult(t: ForumThread, title: string | null, line: number, subject?: SubjectTitle): FormatResult {
  const result = (title2: string | null, inferred: boolean): FormatResult => ({ title: title2, titleInferred: inferred, posts: t.posts, diagnostics: t.diagnostics });
  if (title !== null) return result(title, false);
  const fromSubject = subject?.subject.replace(/^\s*RE\s*:\s*/i, '').trim();
  if (subject && fromSubject) {
    t.diagnostics.push({
      rule: 'title-inferred',
      severity: 'info',
      message: `The capture has no ${subject.missing}, so the title "${excerpt(fromSubject, 60)}" was taken from a post's subject. Add \`title:\` front matter to set the thread's own title.`,
      line: subject.line,
    });
    return result(fromSubject, true);
  }
  const inferred = inferThreadTitle(t.posts, line);
  if (!inferred) return result(null, false);
  t.diagnostics.push(inferred.diagnostic);
  return result(inferred.title, true);
}

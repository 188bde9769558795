/**
 * Mail threads rendered as text or Markdown: list-archive pages (with
 * `[Date Prev] | [Thread Prev]` chrome) and archives published as Markdown
 * (YAML or TOML `+++` front matter, one message per heading). A message is a
 * group of `From:` / `Date:` / `Subject:` / `Message-ID:` / `In-Reply-To:`
 * lines (plain, bold or as list items), optionally under a heading, then its
 * body, as text or in a code fence. Replies come from `In-Reply-To` /
 * `References` when the page gives ids, else from reply depth shown by
 * heading levels or arrows (`↳`, `→`). Bodies are read like mail bodies
 * (`mail/mail-body.ts`). A body whose newlines were lost (one long line with
 * `>` markers inside) is one post with a warning.
 */
import type { Diagnostic, Post } from '../model.js';
import type { Ledger } from '../accounting/ledger.js';
import type { CaptureFormatPlugin, FormatResult } from './format.js';
import { excerpt, isBlank } from '../text/text.js';
import { ownText } from '../text/segments.js';
import { readDate } from '../text/dates.js';
import { parse as parseToml } from 'smol-toml';
import { authorFromAddress, baseSubject, decodeHeader, mailDate, messageIds } from './mail/headers.js';
import { readMailBody, type BodyLine } from './mail/mail-body.js';
import { ORIGINAL } from '../quotes/attribution.js';
import { replyLinks } from './mail/threading.js';

/** A message field line: `From: x`, `**From:** x`, `- **From:** x`, `* From: x`, `| From | x |`. */
const FIELD = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(From|Author|Date|Sent|Posted|Subject|Message-?ID|In-Reply-To|References|To|Cc|Newsgroups|Organization|Reply-To)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
/** Markdown heading. */
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** Reply arrows at the start of a heading or a From line: each one is a level. */
const ARROWS = /^((?:\s*(?:↳|→|⤷|└─*|\\_|>|»)\s*)+)/;
/** Page chrome of list archives and thread views. */
const CHROME = [
  /^\s*(?:\[\s*[\w .-]{2,24}\s*\]\s*[|,·•]?\s*){2,}$/i, // [Date Prev][Date Next] | [Thread Prev]
  /^\s*(?:<\s*[\w .-]{2,24}\s*>\s*[|,·•]?\s*){2,}$/i, // <Prev in Thread> <Next in Thread>
  /^\s*(?:\[?\s*(?:Prev|Next|Previous)\s+in\s+Thread\s*\]?\s*|Current Thread\s*)+$/i,
  /^\s*(?:Previous|Next) message(?: \(by thread\))?:\s.*$/i,
  /^\s*Messages sorted by:.*$/i,
  /^\s*More information about the .* mailing list\s*$/i,
  /^\s*(?:Index(?:es)?|Date Index|Thread Index|Author Index|Subject Index|Home|Reply|Reply via email to .*)\s*$/i,
  /^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/,
  /^\s*\[?\s*(?:Date|Thread)\s+(?:Prev|Next)\s*\]?\s*\|.*$/i,
  /^\s*(?:Thread view|Back to the list|View this message in context|Search the list archive).*$/i,
];
/** A code fence line (opening or closing). */
const FENCE = /^\s*(```+|~~~+)\s*[\w-]*\s*$/;

interface Group {
  /** 0-based lines of the field group. */
  from: number;
  to: number;
  fields: Map<string, string>;
  /** 0-based heading line above the group, or -1. */
  heading: number;
  depth: number | null;
}

function isChrome(line: string): boolean {
  return CHROME.some((re) => re.test(line));
}

function fieldName(raw: string): string {
  const n = raw.toLowerCase().replace(/-/g, '');
  return n === 'sent' || n === 'posted' ? 'date' : n === 'author' ? 'from' : n === 'messageid' ? 'message-id' : n === 'inreplyto' ? 'in-reply-to' : n;
}

/** Field groups: runs of field lines with a From (or Author) field and at least one other. */
function findGroups(lines: readonly string[], start: number): Group[] {
  const groups: Group[] = [];
  for (let i = start; i < lines.length; i++) {
    if (!FIELD.test(lines[i] ?? '')) continue;
    let j = i;
    const fields = new Map<string, string>();
    while (j < lines.length) {
      const m = FIELD.exec(lines[j] ?? '');
      if (!m) break;
      const name = fieldName(m[1] ?? '');
      if (!fields.has(name)) fields.set(name, (m[2] ?? '').replace(/\s+\|\s*$/, '').replace(/^`|`$/g, ''));
      j++;
    }
    if (fields.has('from') && fields.size >= 2 && (fields.has('date') || fields.has('message-id') || fields.has('subject'))) {
      // An Outlook block quoted inside a body is not a message of the page.
      const before = lines[i - 1] ?? '';
      if (!ORIGINAL.test(before) && !/Original Message|Forwarded message|^\s*[>›]/i.test(before)) groups.push({ from: i, to: j - 1, fields, heading: -1, depth: null });
    }
    i = j;
  }
  return groups;
}

/** Depth from arrows at the start of a text, or 0. */
function arrowDepth(text: string): number {
  const m = ARROWS.exec(text);
  return m ? (m[1]!.match(/↳|→|⤷|└|\\_|>|»/g) ?? []).length : 0;
}

/**
 * Splits a rendered mail thread into posts.
 * @param lines all lines of the capture (LF-split)
 * @param start 0-based index of the first line after the (YAML) front matter
 * @param ledger records which lines went where
 */
export function splitMailText(lines: string[], start: number, ledger: Ledger): FormatResult {
  const diagnostics: Diagnostic[] = [];
  let i = start;
  let title: string | null = null;
  // TOML front matter (`+++`), which the YAML front matter reader does not take.
  while (i < lines.length && isBlank(lines[i] ?? '')) i++;
  if ((lines[i] ?? '').trim() === '+++') {
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() !== '+++') j++;
    if (j < lines.length) {
      ledger.claim(i, j, 'front-matter');
      try {
        const data = parseToml(lines.slice(i + 1, j).join('\n')) as Record<string, unknown>;
        if (typeof data.title === 'string' && data.title.trim()) title = data.title.trim();
      } catch (e) {
        diagnostics.push({
          rule: 'front-matter-toml',
          severity: 'warning',
          message: `The TOML front matter is not valid (${excerpt(e instanceof Error ? e.message : String(e), 100)}). It was ignored; fix the TOML between the +++ lines.`,
          line: i + 1,
        });
      }
      i = j + 1;
    }
  }
  const groups = findGroups(lines, i);
  // Headings above groups (only blank or chrome lines between).
  for (const g of groups) {
    for (let k = g.from - 1; k >= i; k--) {
      const l = lines[k] ?? '';
      if (isBlank(l)) continue;
      if (HEADING.test(l)) g.heading = k;
      break;
    }
    const h = g.heading >= 0 ? HEADING.exec(lines[g.heading] ?? '') : null;
    const arrows = arrowDepth(h ? (h[2] ?? '') : (lines[g.from] ?? '').replace(/^\s*[-*+]\s+/, ''));
    g.depth = arrows > 0 ? arrows : h ? (h[1] ?? '').length : null;
  }
  // Title: front matter, else a leading `# Title` that heads no message, else the first message's subject.
  for (let k = i; k < (groups[0] ? (groups[0].heading >= 0 ? groups[0].heading : groups[0].from) : lines.length); k++) {
    const l = lines[k] ?? '';
    if (isBlank(l)) continue;
    if (isChrome(l)) {
      ledger.claim(k, k, 'page-chrome');
      continue;
    }
    const h = HEADING.exec(l);
    if (h && title === null) {
      title = (h[2] ?? '').trim();
      ledger.claim(k, k, 'title');
    } else if (title === null && /^\s*Subject:\s*\S/i.test(l)) {
      title = baseSubject(l.replace(/^\s*Subject:\s*/i, ''));
      ledger.claim(k, k, 'title');
    } else if (title === null && /\p{L}/u.test(l) && l.trim().length <= 160) {
      title = baseSubject(l.trim());
      ledger.claim(k, k, 'title');
    } else ledger.claim(k, k, 'page-chrome');
  }
  const messages = groups.map((g, k) => {
    const next = groups[k + 1];
    const end = next ? (next.heading >= 0 ? next.heading : next.from) - 1 : lines.length - 1;
    return { g, end };
  });
  const known = new Set(messages.flatMap(({ g }) => (g.fields.get('from') ? [authorFromAddress(g.fields.get('from')!) ?? ''] : [])).filter(Boolean));
  const posts: Post[] = messages.map(({ g, end }, k) => {
    const n = k + 1;
    if (g.heading >= 0) ledger.claim(g.heading, g.heading, 'post-header');
    for (let m = g.from; m <= g.to; m++) {
      const f = FIELD.exec(lines[m] ?? '');
      ledger.claim(m, m, f && fieldName(f[1] ?? '') === 'from' ? 'author' : 'post-header');
    }
    // The body: the lines after the fields, chrome and fences left out.
    const rows: BodyLine[] = [];
    let fenced = false;
    for (let m = g.to + 1; m <= end; m++) {
      const l = lines[m] ?? '';
      if (FENCE.test(l)) {
        fenced = !fenced;
        ledger.claim(m, m, 'code-fence');
        continue;
      }
      if (!fenced && isChrome(l)) {
        ledger.claim(m, m, 'page-chrome');
        continue;
      }
      rows.push({ text: l, line: m });
    }
    const from = g.fields.get('from');
    const author = from ? authorFromAddress(from) : null;
    const dateText = g.fields.get('date') ?? '';
    const date = mailDate(dateText) ?? readDate(dateText);
    const nonBlank = rows.filter((r) => !isBlank(r.text));
    const lost = nonBlank.length === 1 && nonBlank[0]!.text.length > 200 && (nonBlank[0]!.text.match(/(?:^|\s)>+\s/g) ?? []).length >= 2;
    let segments: Post['segments'];
    let quotes: Post['quotes'] = [];
    if (lost) {
      const r = nonBlank[0]!;
      segments = [{ kind: 'own', text: r.text, line: r.line + 1 }];
      ledger.claim(r.line, r.line, 'post');
      diagnostics.push({
        rule: 'lost-newlines',
        severity: 'warning',
        message: `Message ${n} is one line of ${r.text.length} characters with quote markers (>) inside it: its line breaks were lost in copying, so its quotes cannot be told from its own words. It was imported as one post; re-capture it with its line breaks to get its quotes.`,
        line: r.line + 1,
      });
    } else {
      const body = readMailBody(rows, { known });
      for (const c of body.claims) ledger.claim(c.line, c.line, c.kind);
      segments = body.segments;
      quotes = body.quotes;
    }
    if (segments.length === 0) {
      diagnostics.push({
        rule: 'empty-post',
        severity: 'warning',
        message: `Message ${n} has no body. It is kept so that later post numbers do not shift; check the capture for text lost in copying.`,
        line: g.from + 1,
      });
    }
    return {
      n,
      author,
      authorEvidence: author ? 'heading' : null,
      badges: [],
      edited: false,
      date,
      replyTo: null,
      line: (g.heading >= 0 ? g.heading : g.from) + 1,
      text: ownText(segments),
      segments,
      quotes,
    } satisfies Post;
  });
  // Replies: ids when the page gives them, else depth.
  const threadable = messages.map(({ g }) => ({
    id: messageIds(g.fields.get('message-id'))[0] ?? null,
    inReplyTo: messageIds(g.fields.get('in-reply-to')),
    references: messageIds(g.fields.get('references')),
  }));
  const byIds = replyLinks(threadable);
  const depths = messages.map(({ g }) => g.depth);
  const depthShown = depths.every((d) => d !== null) && new Set(depths).size > 1;
  posts.forEach((p, k) => {
    if (threadable.some((t) => t.id !== null)) p.replyTo = byIds[k] ?? null;
    else if (depthShown) {
      const d = depths[k]!;
      for (let j = k - 1; j >= 0; j--) {
        if (depths[j]! < d) {
          p.replyTo = depths[j] === d - 1 ? j + 1 : null;
          break;
        }
      }
    }
  });
  if (title === null) {
    const subject = messages.map(({ g }) => g.fields.get('subject')).find((s) => s);
    if (subject) title = baseSubject(decodeHeader(subject));
  }
  return { title, posts, diagnostics };
}

/**
 * Confidence that lines are a rendered mail thread: 0.95 with a message field
 * group (From plus Date, Subject or Message-ID) under a heading or after
 * list-archive chrome, 0.85 with two groups, else 0.
 */
export function detectMailText(lines: readonly string[]): number {
  const groups = findGroups(lines, 0);
  if (groups.length === 0) return 0;
  // A mailbox opens with its header: that is the mail format's.
  let first = 0;
  while (first < lines.length && isBlank(lines[first] ?? '')) first++;
  if (groups[0]!.from === first && /^\S+:/.test(lines[first] ?? '') && !/\*\*/.test(lines[first] ?? '')) {
    return groups.length >= 2 ? 0.85 : 0;
  }
  for (const g of groups) {
    for (let k = g.from - 1; k >= 0; k--) {
      const l = lines[k] ?? '';
      if (isBlank(l)) continue;
      if (HEADING.test(l) || isChrome(l)) return 0.95;
      break;
    }
  }
  return groups.length >= 2 ? 0.85 : 0.5;
}

/** Mail threads rendered as text or Markdown (`mail-text`). */
export const mailText: CaptureFormatPlugin = {
  name: 'mail-text',
  label: 'mail thread rendered as text',
  kind: 'thread',
  markdown: false,
  reconstructQuotes: false,
  signatures: false,
  detect: detectMailText,
  split: splitMailText,
};

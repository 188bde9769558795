/**
 * Atom feeds (RFC 4287), written by the `feed` package: the archive's threads
 * as they are added (by capture date), and each author's posts.
 */
import { Feed } from 'feed';

/** One entry. Dates are ISO 8601 strings; `updated` is required by Atom. */
export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  updated: string;
  summary: string;
  author: string | null;
}

/** A feed: its own id and address, the page it belongs to, and its entries (newest first is up to the caller). */
export interface FeedInput {
  id: string;
  title: string;
  /** The feed's own address (`rel="self"`). */
  self: string;
  /** The page the feed belongs to (`rel="alternate"`). */
  page: string;
  description: string;
  entries: FeedEntry[];
  /** The feed's date when it has no entries (default 1970-01-01). */
  fallbackUpdated?: string;
}

/** A stable Atom id: an absolute address when one is known, else a `tag:` URI from the path (RFC 4151). */
export function atomId(pathOrUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl)) return pathOrUrl;
  return `tag:what-if-archive.invalid,2024:${pathOrUrl.replace(/^\/+/, '')}`;
}

/** A date for Atom: an ISO date or date-time string as a `Date`, or `null` when it does not read as one. */
export function feedDate(value: string | null | undefined): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}(?:-\d{2})?/.test(value.trim())) return null;
  const d = new Date(/^\d{4}-\d{2}$/.test(value.trim()) ? `${value.trim()}-01` : value.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Text as HTML (the `feed` package writes titles and summaries as `type="html"` in CDATA): `&`, `<`, `>` escaped, which also keeps `]]>` out. */
function html(text: string): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Atom document of a feed. Its `updated` is the latest entry's. Pure; never throws on odd dates (they are left out). */
export function atomFeed(f: FeedInput): string {
  const dates = f.entries.map((e) => feedDate(e.updated)).filter((d): d is Date => d !== null);
  const updated = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : (feedDate(f.fallbackUpdated) ?? new Date(0));
  const feed = new Feed({
    id: atomId(f.id),
    title: f.title,
    description: f.description,
    link: f.page,
    updated,
    generator: 'What-If Archive (feed)',
    feedLinks: { atom: f.self },
    copyright: 'Posts remain their authors’; see the data page for the licence note.',
  });
  for (const e of f.entries) {
    feed.addItem({
      id: atomId(e.id),
      title: html(e.title),
      link: e.link,
      date: feedDate(e.updated) ?? updated,
      description: html(e.summary),
      author: [{ name: e.author ?? 'Author not named' }],
    });
  }
  return feed.atom1();
}

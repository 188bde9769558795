/**
 * Machine timestamps, as JSON APIs and feeds give them, read into ISO 8601 to
 * the second with the offset the source states: epoch seconds (reddit's
 * `created_utc`, which is UTC), ISO strings with a zone (Discourse's
 * `created_at`), and RFC 5322 dates (RSS `pubDate`). `Z` and `GMT` become
 * `+00:00`, as in `dates.ts`. A timestamp without a zone is never given one.
 * Pure; never throws.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The offset text for minutes east of UTC (`+00:00`, `-05:30`). */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** ISO text for validated parts, or null when they are not a real date and time. */
function iso(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: string | null): string | null {
  if (![y, mo, d, h, mi, s].every(Number.isInteger)) return null;
  if (y < 1970 || y > 2199 || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 60) return null;
  if (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(Math.min(s, 59))}${offset ?? ''}`;
}

/**
 * ISO 8601 in UTC (`2012-03-10T23:11:05+00:00`) for seconds since the epoch
 * (a number or a numeric string; fractions are dropped), or null when the
 * value is not a plausible time (before 1970 or after 2199).
 */
export function isoFromEpoch(seconds: unknown): string | null {
  const n = typeof seconds === 'number' ? seconds : typeof seconds === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(seconds) ? Number(seconds) : NaN;
  if (!Number.isFinite(n) || n < 0) return null;
  const t = new Date(Math.floor(n) * 1000);
  if (Number.isNaN(t.getTime())) return null;
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), '+00:00');
}

const ISO_STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 timestamp (`2016-09-20T20:42:00.725Z`, `2016-09-20T22:42:00+02:00`)
 * to the second, with its offset as given (`Z` becomes `+00:00`) and none when
 * it has none. Null when the text is not such a timestamp.
 */
export function isoFromTimestamp(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const m = ISO_STAMP.exec(text.trim());
  if (!m) return null;
  const zone = m[7];
  let offset: string | null = null;
  if (zone) {
    if (/^z$/i.test(zone)) offset = '+00:00';
    else {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
      const minutes = Number(z[2]) * 60 + Number(z[3]);
      if (Number(z[2]) > 14 || Number(z[3]) > 59) return null;
      offset = offsetText(z[1] === '-' ? -minutes : minutes);
    }
  }
  return iso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 5322's obsolete zone names, with their offsets in minutes. */
const ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };
const RFC5322 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?(?:\s*\(.*\))?$/i;

/**
 * An RFC 5322 date-time, as RSS `pubDate` and mail `Date:` headers give it
 * (`Sat, 10 Mar 2012 23:11:05 +0000`), with the offset it states (`GMT`, `UT`
 * and the North American zone names included; `-0000`, which says the zone is
 * unknown, gives no offset). Null when the text is not such a date.
 */
export function isoFromRfc5322(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const m = RFC5322.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return null;
  const mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  let y = Number(m[3]);
  if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
  const zone = m[7];
  let offset: string | null = null;
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3));
    if (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(3)) > 59) return null;
    offset = zone === '-0000' ? null : offsetText(zone[0] === '-' ? -minutes : minutes);
  } else if (zone) {
    const z = ZONES[zone.toLowerCase()];
    offset = z === undefined ? null : offsetText(z);
  }
  return iso(y, mo, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset);
}

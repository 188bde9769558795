/**
 * Dates as forums print them, read into ISO 8601: `Mar 3, 2012`,
 * `Sat Mar 10, 2012 11:11 pm`, `10th March 2012, 23:11`, `03-10-2012, 11:11 PM`,
 * `2012-03-10 23:11 GMT+1`. A zone becomes an offset only when the text gives
 * one; no zone is ever invented. Relative ages (`Yesterday at 10:30 PM`,
 * `3 hours ago`) are recognised but kept as written, since the capture does
 * not say when "today" was. Pure; never throws.
 */

/** Which field comes first in an all-numeric date such as `03-10-2012`. */
export type DayOrder = 'mdy' | 'dmy';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?,?\\s+)?';
const YEAR = "('?\\d{2}|\\d{4})";
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const TIME = '(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\s*([ap]\\.?\\s?m\\.?)?';
/** Zones forums print after a time; named zones only where their offset is unambiguous. */
const ZONE = '(z|utc|gmt|(?:utc|gmt)?\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[ecmp][sd]t|bst|cet|cest|eet|eest|wet|west|aest|aedt|jst|msk)';
const NAMED_ZONES: Record<string, string> = {
  z: '+00:00', utc: '+00:00', gmt: '+00:00', wet: '+00:00', west: '+01:00', bst: '+01:00', cet: '+01:00', cest: '+02:00',
  eet: '+02:00', eest: '+03:00', msk: '+03:00', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00', aest: '+10:00', aedt: '+11:00', jst: '+09:00',
};
/** What may stand between the date and the time. */
const JOIN = '(?:\\s*,?\\s*(?:at|@|-|um|à|a las)?\\s*)';
const TAIL = `(?:${JOIN}${TIME})?(?:\\s*\\(?${ZONE}\\)?)?`;

const ISO = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]|${JOIN})?(?:${TIME})?(?:\\s*\\(?${ZONE}\\)?)?$`, 'i');
const NUMERIC = new RegExp(`^${WEEKDAY}(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4}|\\d{2})${TAIL}$`, 'i');
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY}(?:,\\s*|\\s+)${YEAR}${TAIL}$`, 'i');
const DAY_FIRST = new RegExp(`^${WEEKDAY}${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+${YEAR}${TAIL}$`, 'i');
const RELATIVE = new RegExp(
  [
    `^(?:today|yesterday|tomorrow)(?:${JOIN}${TIME})?$`,
    `^(?:last\\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:${JOIN}${TIME})?$`,
    '^(?:\\d+|an?|one)\\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\\s+ago$',
    '^\\d+\\s*[smhdwy]\\s+ago$',
    '^(?:a\\s+)?(?:moment|few\\s+(?:seconds|minutes))\\s+ago$',
    '^just\\s+now$',
  ].join('|'),
  'i',
);

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(y: string): number {
  const t = y.replace("'", '');
  const n = Number(t);
  if (t.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function offsetOf(zone: string | undefined): string | null {
  if (!zone) return null;
  const z = zone.toLowerCase().replace(/\s+/g, '');
  const named = NAMED_ZONES[z];
  if (named) return named;
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return null;
  const h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  if (h > 14 || min > 59) return null;
  return `${m[1]}${pad(h)}:${pad(min)}`;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO text for validated parts, or null when they are not a real date and time. */
function iso(y: number, mo: number, d: number, hh?: string, mm?: string, ss?: string, ampm?: string, zone?: string): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1900 || y > 2199) return null;
  let out = `${y}-${pad(mo)}-${pad(d)}`;
  if (hh === undefined || mm === undefined) return out;
  let h = Number(hh);
  const min = Number(mm);
  if (ampm) {
    if (h < 1 || h > 12) return null;
    const pm = /^p/i.test(ampm);
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59 || (ss !== undefined && Number(ss) > 59)) return null;
  out += `T${pad(h)}:${pad(min)}${ss !== undefined ? `:${pad(Number(ss))}` : ''}`;
  const off = offsetOf(zone);
  return off ? `${out}${off}` : out;
}

/** True when a text (trimmed) is a relative age such as `Yesterday at 10:30 PM` or `3 hours ago`. */
export function isRelativeDate(text: string): boolean {
  return RELATIVE.test(text.trim().replace(/\s+/g, ' '));
}

/**
 * Reads a whole text as a date.
 * @param text the date as printed (surrounding white space ignored)
 * @param order which field comes first in all-numeric dates (default `mdy`, the
 *   forums' default; pass what `numericOrder` found in the capture)
 * @returns ISO 8601 (`2012-03-10`, `2012-03-10T23:11`, `2012-03-10T23:11+01:00`);
 *   a relative age as written; or null when the text is not a date
 */
export function readDate(text: string, order: DayOrder = 'mdy'): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t || t.length > 80) return null;
  if (RELATIVE.test(t)) return t;
  let m = ISO.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], m[7], m[8]);
  m = NUMERIC.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dotted dates (`10.03.2012`) are day first wherever they are printed.
    const [mo, d] = order === 'dmy' || m[2] === '.' ? [b, a] : [a, b];
    return iso(fullYear(m[4]!), mo, d, m[5], m[6], m[7], m[8], m[9]);
  }
  m = MONTH_FIRST.exec(t);
  if (m) return iso(fullYear(m[3]!), MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, Number(m[2]), m[4], m[5], m[6], m[7], m[8]);
  m = DAY_FIRST.exec(t);
  if (m) return iso(fullYear(m[3]!), MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, Number(m[1]), m[4], m[5], m[6], m[7], m[8]);
  return null;
}

/** True when `readDate` reads the text as a date (absolute or relative) in either numeric order. */
export function isDate(text: string): boolean {
  return readDate(text, 'mdy') !== null || readDate(text, 'dmy') !== null;
}

/**
 * Which numeric order a capture's all-numeric dates use, from the dates that
 * can only be read one way (`25-03-2012` is day first, `03-25-2012` month
 * first). Null when no date decides it, or when they disagree.
 */
export function numericOrder(texts: Iterable<string>): DayOrder | null {
  let dmy = false;
  let mdy = false;
  for (const text of texts) {
    const m = NUMERIC.exec(text.trim().replace(/\s+/g, ' '));
    if (!m) continue;
    if (m[2] === '.') continue;
    if (Number(m[1]) > 12 && Number(m[3]) <= 12) dmy = true;
    if (Number(m[3]) > 12 && Number(m[1]) <= 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}

/** True when a text is an all-numeric date (`03-10-2012`), whose field order may need `numericOrder`. */
export function isNumericDate(text: string): boolean {
  return NUMERIC.test(text.trim().replace(/\s+/g, ' '));
}

/** A month and year with no day (`Mar 2010`, `March 2010`): how forums print join dates. */
export const MONTH_YEAR = new RegExp(`^${MONTH}\\s+\\d{4}$`, 'i');

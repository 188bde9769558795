/**
 * What a message's header says about its post: the author (`From:` display
 * name, else the address's local part), the date (RFC 5322, kept with its
 * offset), the subject, the Message-ID and the ids it answers. Encoded words
 * (RFC 2047) and address lists are decoded by postal-mime's synchronous
 * helpers. Pure; never throws.
 */
import { addressParser, decodeWords } from 'postal-mime';
import { c1ToWindows1252 } from '../../read/windows-1252.js';

/** Decodes RFC 2047 encoded words (`=?ISO-8859-1?Q?Andr=E9?=`); the text as is when it holds none or is malformed. */
export function decodeHeader(value: string): string {
  if (!value.includes('=?')) return value;
  try {
    return c1ToWindows1252(decodeWords(value));
  } catch {
    return value;
  }
}

/** The author a `From:` value names: its display name, else its address's local part; null when it names nobody. */
export function authorFromAddress(raw: string): string | null {
  // List archives hide addresses as `john at example.org`.
  const value = decodeHeader(raw).replace(/\b([\w.+'-]+) at ([\w-]+(?:\.[\w-]+)+)\b/g, '$1@$2').trim();
  if (!value) return null;
  let name = '';
  let address = '';
  try {
    const first = addressParser(value)[0];
    if (first) {
      name = first.name ?? '';
      address = 'address' in first && typeof first.address === 'string' ? first.address : '';
    }
  } catch {
    /* fall through to the plain reading below */
  }
  name = name.replace(/^["'\s]+|["'\s]+$/g, '').replace(/\s+/g, ' ').trim();
  if (name && !/^[^\s@]+@[^\s@]+$/.test(name)) return name;
  const addr = address || name || value;
  const local = /^([^@\s<>"]+)@/.exec(addr.replace(/^.*</, ''))?.[1];
  if (local) return local;
  return value.replace(/[<>"]/g, '').trim() || null;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
/** Obsolete zone names of RFC 5322 §4.3 (and the ones Usenet software wrote). */
const ZONES: Record<string, string> = {
  ut: '+00:00', utc: '+00:00', gmt: '+00:00', z: '+00:00', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00', bst: '+01:00', cet: '+01:00', cest: '+02:00', met: '+01:00', mest: '+02:00',
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An RFC 5322 date (`Tue, 3 Mar 2009 10:00:00 -0500 (EST)`, `3 Mar 09 10:00 GMT`)
 * or an mbox separator's asctime date (`Tue Mar  3 10:00:00 2009`) as ISO 8601:
 * `2009-03-03T10:00:00-05:00`, without an offset when the text gives no zone
 * (`-0000` means "zone unknown" and gives none). Null when it is not a date.
 */
export function mailDate(raw: string): string | null {
  const t = raw.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  let m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+([+-]\d{4}|[A-Za-z]{1,5}))?$/.exec(t);
  let y: number, mo: number, d: number, hh: number, mm: number, ss: string | undefined, zone: string | undefined;
  if (m) {
    d = Number(m[1]);
    mo = MONTHS[(m[2] ?? '').toLowerCase()] ?? 0;
    y = Number(m[3]);
    hh = Number(m[4]);
    mm = Number(m[5]);
    ss = m[6];
    zone = m[7];
  } else {
    m = /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+([+-]\d{4}|[A-Za-z]{1,5}))?\s+(\d{4})$/.exec(t);
    if (!m) return null;
    mo = MONTHS[(m[1] ?? '').toLowerCase()] ?? 0;
    d = Number(m[2]);
    hh = Number(m[3]);
    mm = Number(m[4]);
    ss = m[5];
    zone = m[6];
    y = Number(m[7]);
  }
  if (y < 100) y += y < 50 ? 2000 : 1900;
  if (!mo || d < 1 || d > 31 || hh > 23 || mm > 59 || (ss !== undefined && Number(ss) > 60)) return null;
  let out = `${y}-${pad(mo)}-${pad(d)}T${pad(hh)}:${pad(mm)}${ss !== undefined ? `:${pad(Math.min(59, Number(ss)))}` : ''}`;
  if (zone && zone !== '-0000') {
    const off = /^([+-])(\d{2})(\d{2})$/.exec(zone);
    if (off) out += `${off[1]}${off[2]}:${off[3]}`;
    else if (ZONES[zone.toLowerCase()]) out += ZONES[zone.toLowerCase()];
  }
  return out;
}

/** The message ids in a header value: every `<id>`, else every bare `x@y` word (some software omits the brackets). */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const angled = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (angled.length > 0) return angled;
  return value.split(/[\s,;]+/).filter((w) => /^[^@\s]+@[^@\s]+$/.test(w)).map((w) => w.replace(/^[<(]|[>),.;]$/g, ''));
}

/** A subject without its reply and forward prefixes (`Re: Re[2]: Fwd: AW: SV:`). */
export function baseSubject(subject: string): string {
  // A list tag may come before the prefixes (`[whatif] Re: …`): it is kept, the prefixes go.
  const tag = /^\[[^\]]{1,40}\]\s*/.exec(subject.trim())?.[0] ?? '';
  let s = subject.trim().slice(tag.length);
  for (;;) {
    const next = s.replace(/^(?:re|aw|sv|vs|antw|odp|fw|fwd|wg|tr|rif|r)(?:\[\d+\]|\(\d+\))?\s*:\s*/i, '').trim();
    if (next === s) return `${tag}${s}`.trim();
    s = next;
  }
}

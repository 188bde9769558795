/**
 * Post dates as forums print them become ISO 8601, with an offset only when
 * the text gives a zone; relative ages are kept as written; all-numeric dates
 * follow the order the capture's unambiguous dates show.
 */
import { describe, expect, it } from 'vitest';
import { isDate, numericOrder, readDate } from '../src/lib/text/dates.js';

describe('forum dates', () => {
  it.each([
    ['Mar 3, 2012', '2012-03-03'],
    ['Mar 3, 2012 at 11:11 PM', '2012-03-03T23:11'],
    ['Sat Mar 10, 2012 11:11 pm', '2012-03-10T23:11'],
    ['Saturday, March 10, 2012 23:11', '2012-03-10T23:11'],
    ['10th March 2012, 23:11', '2012-03-10T23:11'],
    ["Mar 10th, '12, 23:11", '2012-03-10T23:11'],
    ['2012-03-10, 23:11', '2012-03-10T23:11'],
    ['2012-03-10T23:11:05', '2012-03-10T23:11:05'],
    ['10.03.2012, 23:11', '2012-03-10T23:11'],
    ['01-02-2012, 12:00 AM', '2012-01-02T00:00'],
  ])('reads %s as %s', (text, iso) => {
    expect(readDate(text)).toBe(iso);
  });

  it('gives an offset only when the text names a zone', () => {
    expect(readDate('2012-03-10 23:11 GMT+1')).toBe('2012-03-10T23:11+01:00');
    expect(readDate('10 Mar 2012, 23:11 UTC')).toBe('2012-03-10T23:11+00:00');
    expect(readDate('03-10-2012 11:11 PM EST')).toBe('2012-03-10T23:11-05:00');
    expect(readDate('2012-03-10T23:11:05+01:00')).toBe('2012-03-10T23:11:05+01:00');
    expect(readDate('03-10-2012, 11:11 PM')).not.toMatch(/[+-]\d\d:\d\d$|Z$/);
  });

  it('keeps relative ages as written', () => {
    for (const t of ['Yesterday at 10:30 PM', 'Today, 10:30 PM', 'Monday at 10:30 AM', '3 hours ago', 'A moment ago', 'Just now']) expect(readDate(t)).toBe(t);
  });

  it('reads all-numeric dates in the order the capture shows', () => {
    expect(readDate('03-10-2012', 'mdy')).toBe('2012-03-10');
    expect(readDate('03-10-2012', 'dmy')).toBe('2012-10-03');
    expect(numericOrder(['03-10-2012', '25-03-2012'])).toBe('dmy');
    expect(numericOrder(['03-10-2012', '03-25-2012'])).toBe('mdy');
    expect(numericOrder(['03-10-2012'])).toBeNull();
    expect(numericOrder(['25-03-2012', '03-25-2012'])).toBeNull();
  });

  it('is not fooled by numbers, years, impossible dates or prose', () => {
    for (const t of ['1941', '320', '31-02-2012', '13-13-2012', 'Hello', 'Mar 2010', 'The war began in 1939.', '25:99']) expect(isDate(t), t).toBe(false);
  });
});

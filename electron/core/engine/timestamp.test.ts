import { describe, expect, it } from 'vitest';
import { parseIsoTimestamp } from './timestamp';

const utc = (text: string) => parseIsoTimestamp(text, 'UTC');

describe('parseIsoTimestamp', () => {
  it('reads dates alone, minutes, seconds and fractions of any length (truncated to ms)', () => {
    expect(utc('2021-11-19')).toBe(Date.UTC(2021, 10, 19));
    expect(utc('2021-11-19T23:36')).toBe(Date.UTC(2021, 10, 19, 23, 36));
    expect(utc('2021-11-19 23:36:09')).toBe(Date.UTC(2021, 10, 19, 23, 36, 9));
    expect(utc('2021-11-19T23:36:09.5')).toBe(Date.UTC(2021, 10, 19, 23, 36, 9, 500));
    expect(utc('2021-11-19T23:36:09,25')).toBe(Date.UTC(2021, 10, 19, 23, 36, 9, 250));
    expect(utc('2021-11-19T23:36:09.123999')).toBe(Date.UTC(2021, 10, 19, 23, 36, 9, 123));
    expect(utc('  2021-11-19T23:36:09Z  ')).toBe(Date.UTC(2021, 10, 19, 23, 36, 9));
  });

  it('reads the years 0000-0099 as themselves, not as 1900-1999', () => {
    expect(utc('0001-01-01T00:00:00Z')).toBe(Date.parse('0001-01-01T00:00:00Z'));
    expect(utc('0099-12-31T23:59:59.5Z')).toBe(Date.parse('0099-12-31T23:59:59.500Z'));
    expect(utc('0050-06-15')).toBe(Date.parse('0050-06-15T00:00:00Z'));
    // Year 0 is a leap year (1900 is not): its 29 February exists.
    expect(utc('0000-02-29T12:00:00Z')).toBe(Date.parse('0000-02-29T12:00:00Z'));
    expect(utc('0100-02-29')).toBeUndefined();
    expect(parseIsoTimestamp('0050-06-15T12:00:00', 'UTC')).toBe(Date.parse('0050-06-15T12:00:00Z'));
    expect(utc('0050-06-15T12:00:00+02:00')).toBe(Date.parse('0050-06-15T10:00:00Z'));
  });

  it('reads Z in either case, and offsets with or without a colon or minutes', () => {
    const at = Date.UTC(2021, 10, 19, 12, 0, 0);
    expect(utc('2021-11-19T12:00:00z')).toBe(at);
    expect(parseIsoTimestamp('2021-11-19T12:00:00Z', 'Asia/Tokyo')).toBe(at);
    expect(utc('2021-11-19T14:00:00+02')).toBe(at);
    expect(utc('2021-11-19T14:30:00+0230')).toBe(at);
    expect(utc('2021-11-19T09:15:00-02:45')).toBe(at);
    expect(utc('2021-11-19T12:00:00 +00:00')).toBe(at);
  });

  it('reads zone-less times in the stated zone, on both sides of DST and in its gaps', () => {
    expect(parseIsoTimestamp('2021-01-15T12:00:00', 'Europe/Oslo')).toBe(Date.UTC(2021, 0, 15, 11));
    expect(parseIsoTimestamp('2021-06-15T12:00:00', 'Europe/Oslo')).toBe(Date.UTC(2021, 5, 15, 10));
    expect(parseIsoTimestamp('2021-11-19T09:00:00', 'Asia/Kolkata')).toBe(Date.UTC(2021, 10, 19, 3, 30));
    expect(parseIsoTimestamp('2021-11-19T09:00:00', 'Etc/UTC')).toBe(Date.UTC(2021, 10, 19, 9));
    // 02:30 does not exist in Oslo on 2021-03-28: it resolves forward (03:30 CEST = 01:30 UTC).
    expect(parseIsoTimestamp('2021-03-28T02:30:00', 'Europe/Oslo')).toBe(Date.UTC(2021, 2, 28, 1, 30));
    // 02:30 happens twice on 2021-10-31: the earlier instant (CEST) is taken.
    expect(parseIsoTimestamp('2021-10-31T02:30:00', 'Europe/Oslo')).toBe(Date.UTC(2021, 9, 31, 0, 30));
    // Within a day of a change, on either side of it.
    expect(parseIsoTimestamp('2021-10-30T12:00:00', 'Europe/Oslo')).toBe(Date.UTC(2021, 9, 30, 10));
    expect(parseIsoTimestamp('2021-10-31T12:00:00', 'Europe/Oslo')).toBe(Date.UTC(2021, 9, 31, 11));
    expect(parseIsoTimestamp('2021-03-27T23:00:00', 'Europe/Oslo')).toBe(Date.UTC(2021, 2, 27, 22));
    expect(parseIsoTimestamp('2021-03-28T12:00:00', 'Europe/Oslo')).toBe(Date.UTC(2021, 2, 28, 10));
  });

  it('resolves a gap forward west of Greenwich too (02:30 on 2021-03-14 in New York is 03:30 EDT)', () => {
    expect(parseIsoTimestamp('2021-03-14T02:30:00', 'America/New_York')).toBe(Date.UTC(2021, 2, 14, 7, 30));
    // 01:30 on 2021-11-07 happens twice: the earlier instant (EDT).
    expect(parseIsoTimestamp('2021-11-07T01:30:00', 'America/New_York')).toBe(Date.UTC(2021, 10, 7, 5, 30));
    expect(parseIsoTimestamp('2021-11-07T12:00:00', 'America/New_York')).toBe(Date.UTC(2021, 10, 7, 17));
  });

  it('keeps sub-second precision in other zones', () => {
    expect(parseIsoTimestamp('2021-06-15T12:00:00.250', 'Europe/Oslo')).toBe(Date.UTC(2021, 5, 15, 10, 0, 0, 250));
    expect(parseIsoTimestamp('1969-12-31T23:59:59.500', 'Europe/Oslo')).toBe(Date.UTC(1969, 11, 31, 22, 59, 59, 500));
  });

  it('refuses impossible dates and times, and anything that is not ISO 8601', () => {
    for (const text of ['2021-02-29', '2021-13-01', '2021-00-10', '2021-04-31', '2021-11-19T24:00:00', '2021-11-19T23:60:00', '2021-11-19T23:59:60', '2021-11-19T10:60:00', '2021-11-19T10:00:60', '2021-11-30T24:00:00', '2021-11-19T24:00:00', '2021-11-00', '2021-01-32', '2021-11-19T', '21-11-19', '2021/11/19', '1637364969', '', 'now', '2021-11-19T23:36:09+2', '2021-11-19T23:36:09Zjunk']) {
      expect(utc(text), text).toBeUndefined();
    }
    expect(utc('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
  });
});

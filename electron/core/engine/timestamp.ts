// Reads absolute expiry times: ISO 8601 with or without a zone (zone-less ones in the zone the
// recipe states, e.g. Live Data's "2021-11-19T23:36:09.092720" in UTC), and epoch numbers.

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  // Only a cache (building a format is slow): creating one each time (the mutant `if (true)`) is equivalent.
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  return format;
}

/** How far `zone`'s wall clock is ahead of UTC at the instant `utcMs`. */
function zoneOffsetMs(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(zone).formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
  const wall = utc(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** A wall-clock time in `zone` as ms epoch (DST gaps resolve forward, overlaps to the earlier instant). */
function wallTimeInZone(wallAsUtc: number, zone: string): number {
  // The zone's offsets a day either side cover both sides of any transition near this time.
  const offsets = [zoneOffsetMs(zone, wallAsUtc - DAY_MS), zoneOffsetMs(zone, wallAsUtc + DAY_MS)];
  const exact = offsets.map((offset) => wallAsUtc - offset).filter((at) => at + zoneOffsetMs(zone, at) === wallAsUtc);
  if (exact.length > 0) return Math.min(...exact);
  // In a gap (the clock jumped forward) no instant shows this wall time. Read with the offset from
  // before the jump, the smaller one, it lands as far past the jump as the wall time is past it.
  return wallAsUtc - Math.min(...offsets);
}

const DAY_MS = 24 * 3600 * 1000;
/** The Gregorian calendar repeats every 400 years, 146,097 days. */
const FOUR_CENTURIES_MS = 146_097 * DAY_MS;

/** Date.UTC, except that years 0-99 are those years (Date.UTC reads them as 1900-1999). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): number {
  if (year >= 100) return Date.UTC(year, month, day, hour, minute, second, ms);
  return Date.UTC(year + 400, month, day, hour, minute, second, ms) - FOUR_CENTURIES_MS;
}

/** ms epoch, or undefined when `text` is not an ISO date/timestamp or names an impossible date. */
export function parseIsoTimestamp(text: string, zone: string): number | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', offset] = match;
  // Sub-millisecond digits (Live Data sends microseconds) are truncated, never rounded up.
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall = utc(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  const check = new Date(wall);
  // An impossible day or hour moves the date; minutes and seconds past 59 only move the hour.
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  if (offset === undefined) return wallTimeInZone(wall, zone);
  // Equivalent mutants: read as an offset, `Z` gives +0 as well (no digits, and no minutes is "0").
  if (offset.toUpperCase() === 'Z') return wall;
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0');
  return wall - sign * minutes * 60_000;
}

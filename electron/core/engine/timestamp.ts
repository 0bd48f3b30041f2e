// Reads absolute expiry times: ISO 8601 with or without a zone (zone-less ones in the zone the
// recipe states, e.g. Live Data's "2021-11-19T23:36:09.092720" in UTC), and epoch numbers.

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
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
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** A wall-clock time in `zone` as ms epoch (DST gaps resolve forward, overlaps to the earlier instant). */
function wallTimeInZone(wallAsUtc: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return wallAsUtc;
  // The zone's offsets a day either side cover both sides of any transition near this time.
  const instants = [wallAsUtc - DAY_MS, wallAsUtc, wallAsUtc + DAY_MS].map((probe) => wallAsUtc - zoneOffsetMs(zone, probe));
  const exact = instants.filter((at) => at + zoneOffsetMs(zone, at) === wallAsUtc);
  if (exact.length > 0) return Math.min(...exact);
  // In a gap no instant shows this wall time: move forward by the length of the gap.
  const first = wallAsUtc - zoneOffsetMs(zone, wallAsUtc);
  return wallAsUtc - zoneOffsetMs(zone, first);
}

const DAY_MS = 24 * 3600 * 1000;

/** ms epoch, or undefined when `text` is not an ISO date/timestamp or names an impossible date. */
export function parseIsoTimestamp(text: string, zone: string): number | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  // Sub-millisecond digits (Live Data sends microseconds) are truncated, never rounded up.
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  if (offset === undefined) return wallTimeInZone(wall, zone);
  if (offset.toUpperCase() === 'Z') return wall;
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0');
  return wall - sign * minutes * 60_000;
}

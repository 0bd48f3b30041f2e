/** Times as people read them: local date and time, and "in 3 min" / "2 h ago". */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** e.g. "23 Nov 2025, 15:53:13" in the user's zone and language. */
export function localDateTime(ms: number): string {
  return localFormat.format(ms);
}

/** e.g. "15:53:13". */
export function localTime(ms: number): string {
  return clockFormat.format(ms);
}

/** The average Gregorian year and month, in seconds: long lifetimes need no calendar to be read. */
const YEAR_SECONDS = 365.2425 * 86_400;
const MONTH_SECONDS = YEAR_SECONDS / 12;

/**
 * A length of time in its two largest units: "73 y 1 mo", "3 mo 12 d", "2 d 4 h", "3 min 05 s",
 * "40 s". Months and years from 60 days on, where a count of days stops being easy to read.
 */
export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND));
  if (total >= YEAR_SECONDS) {
    const years = Math.floor(total / YEAR_SECONDS);
    const months = Math.floor((total - years * YEAR_SECONDS) / MONTH_SECONDS);
    return months > 0 ? `${years} y ${months} mo` : `${years} y`;
  }
  if (total >= 60 * 86_400) {
    const months = Math.floor(total / MONTH_SECONDS);
    const rest = Math.floor((total - months * MONTH_SECONDS) / 86_400);
    return rest > 0 ? `${months} mo ${rest} d` : `${months} mo`;
  }
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** "in 3 min 05 s" or "3 min 05 s ago". */
export function relative(at: number, now: number): string {
  return at >= now ? `in ${duration(at - now)}` : `${duration(now - at)} ago`;
}

export const TIME = { SECOND, MINUTE, HOUR, DAY } as const;

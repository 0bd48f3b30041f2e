import { describe, expect, it } from 'vitest';
import { duration, TIME } from './time';

describe('duration', () => {
  it('keeps seconds, minutes, hours and days for the lifetimes tokens usually have', () => {
    expect(duration(40 * TIME.SECOND)).toBe('40 s');
    expect(duration(3 * TIME.MINUTE + 5 * TIME.SECOND)).toBe('3 min 05 s');
    expect(duration(2 * TIME.HOUR)).toBe('2 h');
    expect(duration(2 * TIME.DAY + 4 * TIME.HOUR)).toBe('2 d 4 h');
    expect(duration(59 * TIME.DAY + 23 * TIME.HOUR)).toBe('59 d 23 h');
  });

  it('reads months from 60 days on, and years for decades-long lifetimes', () => {
    expect(duration(60 * TIME.DAY)).toBe('1 mo 29 d');
    expect(duration(100 * TIME.DAY)).toBe('3 mo 8 d');
    expect(duration(365 * TIME.DAY)).toBe('11 mo 30 d');
    expect(duration(366 * TIME.DAY)).toBe('1 y');
    expect(duration(26_693 * TIME.DAY)).toBe('73 y');
    expect(duration(26_730 * TIME.DAY)).toBe('73 y 2 mo');
    expect(duration(100 * 365.2425 * TIME.DAY)).toBe('100 y');
  });

  it('never shows a negative time', () => {
    expect(duration(-5 * TIME.SECOND)).toBe('0 s');
  });
});

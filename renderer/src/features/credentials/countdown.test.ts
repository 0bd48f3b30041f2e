import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from './countdown';

describe('formatTimeLeft', () => {
  it('shows seconds at every scale, so the countdown visibly moves', () => {
    expect(formatTimeLeft(3_599_400)).toBe('59:59');
    expect(formatTimeLeft(61_000)).toBe('01:01');
    expect(formatTimeLeft(3_900_000)).toBe('1:05:00');
    expect(formatTimeLeft(90 * 86_400_000 - 2000)).toBe('89 d 23:59:58');
  });

  it('says expired at or past zero', () => {
    expect(formatTimeLeft(0)).toBe('expired');
    expect(formatTimeLeft(-5)).toBe('expired');
  });
});

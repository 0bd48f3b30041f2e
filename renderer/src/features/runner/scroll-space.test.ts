/** The capped scroll space: every line of a body up to the 100 MB limit can be reached. */
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, contentTopAt, contentTopCentring, scrollHeight, scrollTopFor, visibleLines, type ScrollSpace } from './scroll-space';

// 100 MB of 10-byte lines, 18 px each: 180 million px, far past Chromium's ~33.5 million.
const huge: ScrollSpace = { lineCount: 10_000_000, rowHeight: 18, viewport: 540 };
const small: ScrollSpace = { lineCount: 1_000, rowHeight: 18, viewport: 540 };

describe('scroll space', () => {
  it('is the plain content height while it fits, and capped beyond', () => {
    expect(scrollHeight(small)).toBe(18_000);
    expect(contentTopAt(small, 1234)).toBe(1234);
    expect(scrollHeight(huge)).toBe(MAX_SCROLL_HEIGHT);
  });

  it('shows the last line at the bottom of the scrollbar, inside the scroll height', () => {
    const bottom = scrollHeight(huge) - huge.viewport;
    const lines = visibleLines(huge, bottom, contentTopAt(huge, bottom), 0);
    const last = lines.at(-1)!;
    expect(last.index).toBe(huge.lineCount - 1);
    expect(last.top + huge.rowHeight).toBeLessThanOrEqual(scrollHeight(huge));
    expect(last.top).toBeGreaterThanOrEqual(bottom);
  });

  it('centres a line at 99% of the body, and the scroll position maps back to it', () => {
    const line = 9_900_000;
    const contentTop = contentTopCentring(huge, line);
    const scrollTop = scrollTopFor(huge, contentTop);
    expect(scrollTop).toBeLessThan(scrollHeight(huge));
    // The browser rounds scrollTop to whole pixels: the line must stay in view anyway.
    const rounded = Math.round(scrollTop);
    const shown = visibleLines(huge, rounded, contentTopAt(huge, rounded), 0);
    const target = shown.find((l) => l.index === line)!;
    expect(target).toBeDefined();
    expect(target.top).toBeGreaterThanOrEqual(rounded);
    expect(target.top + huge.rowHeight).toBeLessThanOrEqual(rounded + huge.viewport);
  });

  it('draws consecutive lines one row apart, starting above the viewport by the overscan', () => {
    const lines = visibleLines(small, 900, 900, 2);
    expect(lines[0]).toEqual({ index: 48, top: 864 });
    expect(lines[1]!.top - lines[0]!.top).toBe(18);
    expect(visibleLines({ ...small, lineCount: 0 }, 0, 0, 5)).toEqual([]);
  });
});

/**
 * The scroll space of a very long list of fixed-height lines. Browsers cap an element's height
 * (Chromium at about 33.5 million px, Firefox lower), so a 100 MB body of 18-px lines cannot be
 * one tall element: past the cap, the last lines could never be scrolled to. Instead the
 * scrollable height is capped and a scroll position maps proportionally onto the content, so
 * the scrollbar still spans every line; the lines in view are drawn at the scroll position.
 */

/** Well under every browser's limit, so the scrollbar behaves the same everywhere. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface ScrollSpace {
  lineCount: number;
  rowHeight: number;
  /** The height of the visible part of the scroller. */
  viewport: number;
  /** The cap on the scrollable height (only tests change it). */
  maxHeight?: number;
}

/** The height the scroller's inner element gets. */
export function scrollHeight(space: ScrollSpace): number {
  return Math.min(space.lineCount * space.rowHeight, space.maxHeight ?? MAX_SCROLL_HEIGHT);
}

/** Content pixels per scroll pixel: 1 while the content fits under the cap. */
function ratio(space: ScrollSpace): number {
  const content = space.lineCount * space.rowHeight - space.viewport;
  const scroll = scrollHeight(space) - space.viewport;
  return content <= 0 || scroll <= 0 ? 1 : content / scroll;
}

/** A content top kept between the first line and the last screenful. */
export function clampContentTop(space: ScrollSpace, contentTop: number): number {
  const max = Math.max(0, space.lineCount * space.rowHeight - space.viewport);
  return Math.min(max, Math.max(0, contentTop));
}

/** Where in the content (in px) the top of the viewport is, for a scroll position. */
export function contentTopAt(space: ScrollSpace, scrollTop: number): number {
  return clampContentTop(space, scrollTop * ratio(space));
}

/** The scroll position that puts `contentTop` at the top of the viewport. */
export function scrollTopFor(space: ScrollSpace, contentTop: number): number {
  return contentTop / ratio(space);
}

/** The content top that shows `line` in the middle of the viewport (clamped at both ends). */
export function contentTopCentring(space: ScrollSpace, line: number): number {
  return clampContentTop(space, line * space.rowHeight - (space.viewport - space.rowHeight) / 2);
}

export interface VisibleLine {
  index: number;
  /** The line's top inside the scroller's inner element. */
  top: number;
}

/** The lines in view (plus `overscan` either side), each with where to draw it. */
export function visibleLines(space: ScrollSpace, scrollTop: number, contentTop: number, overscan: number): VisibleLine[] {
  const { lineCount, rowHeight, viewport } = space;
  if (lineCount === 0) return [];
  const first = Math.max(0, Math.floor(contentTop / rowHeight) - overscan);
  const last = Math.min(lineCount - 1, Math.ceil((contentTop + viewport) / rowHeight) + overscan);
  const lines: VisibleLine[] = [];
  for (let index = first; index <= last; index++) lines.push({ index, top: scrollTop + index * rowHeight - contentTop });
  return lines;
}

/**
 * A large body shown as a virtualized list of lines read page by page from the main process
 * (`runner:body-page`): only the visible lines are in the page, so a 20 MB response never
 * freezes the window. Search asks the main process for the next matching line. The scroll
 * space is capped and scaled (`scroll-space.ts`) so every line of a 100 MB body can be reached.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';
import type { BodyView } from '../../../../shared/runner/results';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { clampContentTop, contentTopAt, contentTopCentring, scrollHeight, scrollTopFor, visibleLines, type ScrollSpace } from './scroll-space';

const PAGE = 500;
const ROW_HEIGHT = 18;
const OVERSCAN = 30;

interface Props {
  bodyId: string;
  view: BodyView;
  firstLines: string[];
  lineCount: number;
  complete: boolean;
}

export function PagedBody({ bodyId, view, firstLines, lineCount: initialCount, complete: initiallyComplete }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const lines = useRef(new Map<number, string>());
  const pending = useRef(new Set<number>());
  const [count, setCount] = useState(initialCount);
  const [complete, setComplete] = useState(initiallyComplete);
  /** The lines read so far, for rendering: a new wrapper after each page read or reset. */
  const [shown, setShown] = useState(() => ({ lines: new Map<number, string>() }));
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [match, setMatch] = useState<number | null>(null);
  const [searchNote, setSearchNote] = useState<string | null>(null);
  /** A search hit to scroll to once the list knows that many lines (the count may grow first). */
  const scrollTarget = useRef<number | null>(null);

  const [viewport, setViewport] = useState(0);
  const [position, setPosition] = useState({ scrollTop: 0, contentTop: 0 });
  const space: ScrollSpace = { lineCount: count, rowHeight: ROW_HEIGHT, viewport };
  /** What the wheel handler and scroll moves read: the space and position of the last render. */
  const latest = useRef({ space, position });
  useLayoutEffect(() => {
    latest.current = { space, position };
  });
  /** The scroll position this component set itself, so its scroll event keeps the exact content top. */
  const ownScroll = useRef<number | null>(null);

  const moveTo = useCallback((contentTop: number) => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = scrollTopFor(latest.current.space, contentTop);
    ownScroll.current = element.scrollTop;
    setPosition({ scrollTop: element.scrollTop, contentTop });
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewport(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // Past the height cap one scroll pixel spans several lines: the wheel moves by content pixels
    // instead, so it feels the same on a 100 MB body as on a small one.
    const onWheel = (event: WheelEvent) => {
      const { space: current, position: at } = latest.current;
      if (scrollHeight(current) === current.lineCount * current.rowHeight || event.ctrlKey) return;
      event.preventDefault();
      const unit = event.deltaMode === 1 ? current.rowHeight : event.deltaMode === 2 ? current.viewport : 1;
      moveTo(clampContentTop(current, at.contentTop + event.deltaY * unit));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      observer.disconnect();
      element.removeEventListener('wheel', onWheel);
    };
  }, [moveTo]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    if (ownScroll.current !== null && Math.abs(element.scrollTop - ownScroll.current) < 1) return;
    ownScroll.current = null;
    setPosition({ scrollTop: element.scrollTop, contentTop: contentTopAt(space, element.scrollTop) });
  }

  const load = useCallback(
    async (page: number) => {
      if (pending.current.has(page)) return;
      pending.current.add(page);
      const result = await api.runner['body-page']({ bodyId, view, from: page * PAGE, count: PAGE });
      pending.current.delete(page);
      if (!result.ok) return setError(result.error);
      result.value.lines.forEach((line, i) => lines.current.set(result.value.from + i, line));
      setCount(result.value.lineCount);
      setComplete(result.value.complete);
      setNote(result.value.note);
      setShown({ lines: lines.current });
    },
    [bodyId, view],
  );

  useEffect(() => {
    lines.current = new Map(firstLines.map((line, i) => [i, line]));
    setShown({ lines: lines.current });
    pending.current.clear();
  }, [bodyId, view, firstLines]);

  const items = visibleLines(space, position.scrollTop, position.contentTop, OVERSCAN);
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) {
      if (!lines.current.has(page * PAGE) || !lines.current.has(Math.min(page * PAGE + PAGE, count) - 1)) void load(page);
    }
  }, [first, last, count, load, shown]);

  useEffect(() => {
    // While JSON is still being formatted in the main process, the line count grows: ask again.
    if (complete) return;
    const timer = setTimeout(() => void load(Math.floor(count / PAGE)), 250);
    return () => clearTimeout(timer);
  }, [complete, count, load]);

  useEffect(() => {
    const target = scrollTarget.current;
    if (target === null || target >= count) return;
    scrollTarget.current = null;
    moveTo(contentTopCentring(latest.current.space, target));
  }, [count, match, moveTo]);

  async function find(event: FormEvent | null, backwards = false) {
    event?.preventDefault();
    if (query === '') return;
    const from = match === null ? 0 : backwards ? Math.max(0, match - 1) : match + 1;
    const result = await api.runner['body-search']({ bodyId, view, query, from, backwards });
    if (!result.ok) return setError(result.error);
    setCount(result.value.lineCount);
    setComplete(result.value.complete);
    if (result.value.line === null) {
      setSearchNote(match === null ? 'Not found.' : 'No more matches.');
      return;
    }
    setSearchNote(null);
    // Scrolling now would be clamped to the old line count while JSON is still being formatted.
    scrollTarget.current = result.value.line;
    setMatch(result.value.line);
  }

  return (
    <div className="paged-body">
      <form className="row body-search" onSubmit={(e) => void find(e)} role="search" aria-label="Body search">
        <input value={query} placeholder="Search the body" aria-label="Search the body" onChange={(e) => (setQuery(e.target.value), setMatch(null), setSearchNote(null))} />
        <button type="submit">Next</button>
        <button type="button" onClick={() => void find(null, true)}>
          Previous
        </button>
        <span className="muted small">
          {count.toLocaleString()} lines{complete ? '' : ' so far…'}
          {searchNote ? ` — ${searchNote}` : ''}
        </span>
      </form>
      {note && <p className="muted small">{note}</p>}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      <div className="lines" ref={scroller} aria-label="Response body" role="region" tabIndex={0} onScroll={onScroll}>
        <div className="lines-inner" style={{ height: scrollHeight(space) }}>
          {items.map((item) => (
            <div key={item.index} className={`line${item.index === match ? ' match' : ''}`} style={{ transform: `translateY(${item.top}px)` }}>
              <span className="line-number">{item.index + 1}</span>
              <span className="line-text">{shown.lines.get(item.index) ?? ''}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

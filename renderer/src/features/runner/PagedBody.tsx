/**
 * A large body shown as a virtualized list of lines read page by page from the main process
 * (`runner:body-page`): only the visible lines are in the page, so a 20 MB response never
 * freezes the window. Search asks the main process for the next matching line.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ErrorInfo } from '../../../../shared/errors';
import type { BodyView } from '../../../../shared/runner/results';
import { ErrorMessage } from '../../components/ErrorMessage';
import { runnerApi } from './api';

const PAGE = 500;
const ROW_HEIGHT = 18;

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
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [match, setMatch] = useState<number | null>(null);
  const [searchNote, setSearchNote] = useState<string | null>(null);
  /** A search hit to scroll to once the list knows that many lines (the count may grow first). */
  const scrollTarget = useRef<number | null>(null);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 30 });

  const load = useCallback(
    async (page: number) => {
      if (pending.current.has(page)) return;
      pending.current.add(page);
      const result = await runnerApi.runner['body-page']({ bodyId, view, from: page * PAGE, count: PAGE });
      pending.current.delete(page);
      if (!result.ok) return setError(result.error);
      result.value.lines.forEach((line, i) => lines.current.set(result.value.from + i, line));
      setCount(result.value.lineCount);
      setComplete(result.value.complete);
      setNote(result.value.note);
      setVersion((v) => v + 1);
    },
    [bodyId, view],
  );

  useEffect(() => {
    lines.current = new Map(firstLines.map((line, i) => [i, line]));
    pending.current.clear();
  }, [bodyId, view, firstLines]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) {
      if (!lines.current.has(page * PAGE) || !lines.current.has(Math.min(page * PAGE + PAGE, count) - 1)) void load(page);
    }
  }, [first, last, count, load, version]);

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
    virtualizer.scrollToIndex(target, { align: 'center' });
  }, [count, match, virtualizer]);

  async function find(event: FormEvent | null, backwards = false) {
    event?.preventDefault();
    if (query === '') return;
    const from = match === null ? 0 : backwards ? Math.max(0, match - 1) : match + 1;
    const result = await runnerApi.runner['body-search']({ bodyId, view, query, from, backwards });
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
      <div className="lines" ref={scroller} aria-label="Response body" role="region" tabIndex={0}>
        <div className="lines-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <div key={item.key} className={`line${item.index === match ? ' match' : ''}`} style={{ transform: `translateY(${item.start}px)` }}>
              <span className="line-number">{item.index + 1}</span>
              <span className="line-text">{lines.current.get(item.index) ?? ''}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

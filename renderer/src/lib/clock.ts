/**
 * The one clock behind every countdown in the app: a single timer, aligned to whole seconds,
 * that runs only while something subscribes and pauses while the window is hidden. Components
 * read it with `useNow()`, so only the pieces that show time re-render on each tick.
 */
import { useSyncExternalStore } from 'react';

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function hidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
  schedule();
}

/** Next tick on the next whole second, so every countdown changes together. */
function schedule(): void {
  clearTimeout(timer);
  timer = listeners.size > 0 && !hidden() ? setTimeout(tick, TICK_MS - (Date.now() % TICK_MS) + 5) : undefined;
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => (hidden() ? schedule() : tick()));
}

/** Calls `listener` on every tick; returns the function that stops it. */
export function subscribeClock(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) schedule();
  };
}

/** The clock's current time (ms epoch), the same for every reader within one tick. */
export function clockNow(): number {
  // Without a running timer, catch up at most once per tick so consecutive reads agree.
  if (timer === undefined && Date.now() - now >= TICK_MS) now = Date.now();
  return now;
}

const standStill = () => () => {};

/**
 * The current time, re-rendering the caller on every tick while `live`. A countdown that is not
 * on screen passes `live: false` and costs nothing until it scrolls into view.
 */
export function useNow(live = true): number {
  return useSyncExternalStore(live ? subscribeClock : standStill, clockNow);
}

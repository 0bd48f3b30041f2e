// Time and timers, below both the vault and the token engine: the real clock, and a manual one
// for tests, where time moves only when told.

export interface Clock {
  now(): number;
  /** Calls `callback` after `delayMs`; returns a cancel function. */
  setTimer(callback: () => void, delayMs: number): () => void;
}

/** setTimeout overflows past ~24.8 days; Lemonway tokens live 90. */
const MAX_TIMER_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    let timer: NodeJS.Timeout;
    const arm = (remaining: number) => {
      timer = setTimeout(() => (remaining > MAX_TIMER_MS ? arm(remaining - MAX_TIMER_MS) : callback()), Math.min(remaining, MAX_TIMER_MS));
      // Timers only refresh the dashboard; they must not keep a CLI process alive.
      timer.unref();
    };
    arm(Math.max(0, delayMs));
    return () => clearTimeout(timer);
  },
};

export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void;
  set(now: number): void;
  pendingTimers(): number;
}

export function createManualClock(start = Date.UTC(2025, 0, 1)): ManualClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  /** Fires due timers in time order, each seeing the clock at its own due time. */
  const runUntil = (target: number) => {
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].callback();
    }
    now = target;
  };
  return {
    now: () => now,
    setTimer(callback, delayMs) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, delayMs), callback });
      return () => timers.delete(id);
    },
    advance: (ms) => runUntil(now + ms),
    set: (value) => runUntil(value),
    pendingTimers: () => timers.size,
  };
}

// The auth timeline: every token request with its outcome, request and response, secrets masked.
// The unmasked request stays in a closure (not a field), so entries can be sent to the renderer
// as they are; only `toCurl({ reveal: true })`, called on purpose, shows secrets.
import type { TimelineEntryView } from '../../../shared/domain/token';
import { toCurl, type CurlRequest } from '../../../shared/runner/curl-export';

/** The redacted request of an entry. */
export type TimelineRequest = TimelineEntryView['request'];

/**
 * One token request with its outcome. The data fields are `TimelineEntryView` (shared with the
 * renderer); `toCurl` is not an own enumerable field, so entries serialize without it.
 */
export interface TimelineEntry extends TimelineEntryView {
  /** cURL command; masked unless `reveal` is true. */
  toCurl(options?: { reveal?: boolean }): string;
}

export type TimelineEntryData = Omit<TimelineEntry, 'toCurl'>;

export interface TimelineSink {
  record(entry: TimelineEntry): void;
}

export interface Timeline extends TimelineSink {
  /** Oldest first. */
  list(): TimelineEntry[];
  clear(): void;
  /** Called after each new entry (for the renderer's live timeline). */
  subscribe(listener: (entry: TimelineEntry) => void): () => void;
}

/** Builds an entry whose toCurl keeps the unmasked request out of the entry's fields. */
export function timelineEntry(data: TimelineEntryData, revealed: CurlRequest, insecure: boolean): TimelineEntry {
  const entry = { ...data } as TimelineEntry;
  Object.defineProperty(entry, 'toCurl', {
    enumerable: false,
    value: (options: { reveal?: boolean } = {}) => toCurl(options.reveal ? { ...revealed, insecure } : { ...data.request, insecure }),
  });
  return entry;
}

/** Ring buffer of the last `capacity` entries (default 500). */
export function createMemoryTimeline(capacity = 500): Timeline {
  const entries: TimelineEntry[] = [];
  const listeners = new Set<(entry: TimelineEntry) => void>();
  return {
    record(entry) {
      entries.push(entry);
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
      for (const listener of listeners) listener(entry);
    },
    list: () => [...entries],
    clear: () => void entries.splice(0),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

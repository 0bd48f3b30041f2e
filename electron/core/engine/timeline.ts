// The auth timeline: every token request with its outcome, request and response, secrets masked.
// The unmasked request stays in a closure (not a field), so entries can be sent to the renderer
// as they are; only `toCurl({ reveal: true })`, called on purpose, shows secrets.
import type { HttpRedirect, HttpTimings } from '../http';
import { toCurl, type CurlRequest } from './curl';
import type { TokenErrorInfo } from './errors';

export interface TimelineRequest {
  method: string;
  url: string;
  headers: Array<{ name: string; value: string }>;
  body?: string;
}

export interface TimelineEntry {
  id: string;
  /** ms epoch when the request was sent */
  at: number;
  environmentId: string;
  environmentName: string;
  credentialId: string;
  credentialName: string;
  purpose: 'token' | 'refresh';
  method: string;
  /** With secrets masked. */
  url: string;
  status: number | null;
  durationMs: number;
  outcome: 'success' | 'failure';
  error?: TokenErrorInfo;
  /** Masked. */
  request: TimelineRequest;
  /** Masked; absent when no response arrived. */
  response?: { status: number; headers: Record<string, string>; body: string; redirects: HttpRedirect[]; timings: HttpTimings };
  /** e.g. TLS verification disabled for this environment. */
  warnings: string[];
  /** cURL command; masked unless `reveal` is true. Not an own enumerable field: entries serialize without it. */
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

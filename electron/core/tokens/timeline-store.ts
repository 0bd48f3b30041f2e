/**
 * The auth timeline, kept across restarts and shared with the CLI: every token request is
 * appended (already redacted) to `timeline.jsonl` in the data directory. The unredacted
 * request needed for "copy as cURL with secrets" stays in this process's memory only.
 *
 * Recording never fails a token request: the token was issued (and counts against the auth
 * service's limits) whether or not the timeline can be saved. An entry that cannot be appended
 * (disk full) is kept in memory, carries a warning saying so, and the failure is logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { TimelineEntryView } from '../../../shared/domain/token';
import { toCurl } from '../../../shared/runner/curl-export';
import type { TimelineEntry, TimelineSink } from '../engine';
import { writeFileDurably } from '../store/durable-write';

export interface TimelineStore extends TimelineSink {
  /** Newest first, optionally for one environment and/or credential. */
  list(filter?: { environmentId?: string; credentialId?: string; limit?: number }): TimelineEntryView[];
  /** cURL for one entry; `reveal` works only for requests this process sent. */
  curl(entryId: string, reveal: boolean): string;
  subscribe(listener: (entry: TimelineEntryView) => void): () => void;
}

export function createTimelineStore(options: { dataDir: string; capacity?: number; log?: (message: string) => void }): TimelineStore {
  const file = path.join(options.dataDir, 'timeline.jsonl');
  const capacity = options.capacity ?? 500;
  const sent = new Map<string, TimelineEntry>();
  const listeners = new Set<(entry: TimelineEntryView) => void>();
  let appendedSinceCount = 0;
  /** Entries this process could not append to the file, oldest first. */
  const unsaved: TimelineEntryView[] = [];

  function readAll(): TimelineEntryView[] {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: TimelineEntryView[] = [];
    let unreadable = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line) as TimelineEntryView);
      } catch {
        // A line cut short by a crash mid-append: the others are still good.
        unreadable++;
      }
    }
    if (unreadable) options.log?.(`timeline.jsonl: ${unreadable} unreadable line(s) skipped`);
    return entries;
  }

  function trim(entries: TimelineEntryView[]): void {
    const kept = entries.slice(-capacity);
    writeFileDurably(file, kept.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  }

  function append(view: TimelineEntryView): void {
    fs.appendFileSync(file, JSON.stringify(view) + '\n', { mode: 0o600 });
    // Appends since the last look at the file: re-reading it after every token request would
    // be O(file) each time; the real count (other processes append too) is taken only here.
    appendedSinceCount++;
    if (appendedSinceCount > capacity) {
      appendedSinceCount = 0;
      try {
        const all = readAll();
        if (all.length > capacity * 2) trim(all);
      } catch (error) {
        // The entry is saved; the file is only longer than it needs to be until the next try.
        options.log?.(`The auth timeline could not be shortened: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  return {
    record(entry) {
      sent.set(entry.id, entry);
      if (sent.size > capacity) sent.delete(sent.keys().next().value!);
      let view: TimelineEntryView = JSON.parse(JSON.stringify(entry));
      try {
        append(view);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'the disk is full' : error instanceof Error ? error.message : String(error);
        const warning = `This entry could not be saved to timeline.jsonl (${reason}); it is kept only until Tokenbench closes. The token itself was kept.`;
        view = { ...view, warnings: [...view.warnings, warning] };
        unsaved.push(view);
        if (unsaved.length > capacity) unsaved.shift();
        options.log?.(`The auth timeline could not be saved: ${reason}. The token was kept.`);
      }
      for (const listener of listeners) listener(view);
    },

    list(filter = {}) {
      return [...readAll(), ...unsaved]
        .filter((e) => (!filter.environmentId || e.environmentId === filter.environmentId) && (!filter.credentialId || e.credentialId === filter.credentialId))
        .reverse()
        .slice(0, filter.limit ?? capacity);
    },

    curl(entryId, reveal) {
      if (reveal) {
        const entry = sent.get(entryId);
        if (!entry) {
          throw new AppError('not-found', 'The unredacted request is only kept in memory by the Tokenbench process that sent it, and this one was sent before a restart or by the CLI.', {
            hint: 'Copy the redacted cURL and fill in the secrets yourself, or get a new token and copy that exchange.',
          });
        }
        return entry.toCurl({ reveal: true });
      }
      const view = [...readAll(), ...unsaved].find((e) => e.id === entryId);
      if (!view) throw new AppError('not-found', 'That timeline entry no longer exists.');
      return toCurl({ ...view.request, insecure: view.warnings.length > 0 && view.warnings.some((w) => /TLS/i.test(w)) });
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// The history of sent requests: `history/index.jsonl` (one summary per line, newest last) and
// `history/entries/ID.json` (the masked request, response and small body). Appending is cheap and
// listing reads only summaries; the oldest entries go past a bound. Writes hold the index's lock,
// shared with other Tokenbench processes. Everything stored here has been masked by the caller.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import { requestDraftSchema, type RequestDraft } from '../../../shared/runner/draft';
import type { BodyKind, HistoryList, HistorySummary, ResponseSummary, SentRequest } from '../../../shared/runner/results';
import { DEFAULT_LOCK_STALE_MS, withFileLock } from '../store/file-lock';

export const HISTORY_LIMIT = 500;

export interface HistoryRecord {
  summary: HistorySummary;
  draft: RequestDraft;
  request: SentRequest;
  response: ResponseSummary | null;
  /** The masked body text when it was small enough to keep; null otherwise (see sizeBytes). */
  body: { kind: BodyKind; contentType: string; sizeBytes: number; text: string | null; note: string | null } | null;
  error: ErrorInfo | null;
}

const summarySchema = z.object({
  id: z.uuid(),
  at: z.number(),
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  durationMs: z.number().nullable(),
  sizeBytes: z.number().nullable(),
  environmentName: z.string().nullable(),
  credentialName: z.string().nullable(),
  error: z.string().nullable(),
  // Older lines have no such field: their token was not renewed as far as anyone knows.
  renewed: z.boolean().optional(),
});

const headers = z.array(z.tuple([z.string(), z.string()]));
const recordSchema = z.object({
  summary: summarySchema,
  draft: requestDraftSchema,
  request: z.looseObject({
    method: z.string(),
    url: z.string(),
    headers,
    body: z.string().nullable(),
    bodyBytes: z.number(),
    credentialName: z.string().nullable(),
    environmentName: z.string().nullable(),
  }),
  response: z.looseObject({ status: z.number(), headers, sizeBytes: z.number(), timings: z.looseObject({ totalMs: z.number() }) }).nullable(),
  body: z
    .object({ kind: z.enum(['empty', 'json', 'text', 'binary']), contentType: z.string(), sizeBytes: z.number(), text: z.string().nullable(), note: z.string().nullable() })
    .nullable(),
  error: z.looseObject({ code: z.string(), message: z.string() }).nullable(),
});

function matches(summary: HistorySummary, needle: string): boolean {
  const haystack = [summary.method, summary.url, summary.status ?? '', summary.environmentName ?? '', summary.credentialName ?? '', summary.error ?? ''].join(' ');
  return haystack.toLowerCase().includes(needle);
}

export class HistoryStore {
  readonly dir: string;
  private readonly indexPath: string;
  private readonly entriesDir: string;

  constructor(
    dataDir: string,
    private readonly limit = HISTORY_LIMIT,
  ) {
    this.dir = path.join(dataDir, 'history');
    this.indexPath = path.join(this.dir, 'index.jsonl');
    this.entriesDir = path.join(this.dir, 'entries');
  }

  private entryPath(id: string): string {
    // Ids come from the renderer: only our own UUIDs can name a file.
    if (!z.uuid().safeParse(id).success) throw new AppError('not-found', 'That history entry does not exist.');
    return path.join(this.entriesDir, `${id}.json`);
  }

  private readLines(): string[] {
    try {
      return fs.readFileSync(this.indexPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AppError('store-corrupt', `The history index could not be read (${(error as Error).message}).`, { cause: error });
    }
  }

  private parseLines(lines: string[]): { summaries: HistorySummary[]; unreadable: number } {
    const summaries: HistorySummary[] = [];
    let unreadable = 0;
    for (const line of lines) {
      try {
        summaries.push(summarySchema.parse(JSON.parse(line)));
      } catch {
        unreadable += 1;
      }
    }
    return { summaries, unreadable };
  }

  /** Adds an entry; returns how many entries the history holds now. */
  async add(record: HistoryRecord): Promise<number> {
    const entry = recordSchema.parse(record);
    fs.mkdirSync(this.entriesDir, { recursive: true, mode: 0o700 });
    return withFileLock(this.indexPath, DEFAULT_LOCK_STALE_MS, () => {
      fs.writeFileSync(this.entryPath(record.summary.id), JSON.stringify(entry), { mode: 0o600 });
      fs.appendFileSync(this.indexPath, `${JSON.stringify(entry.summary)}\n`, { mode: 0o600 });
      const lines = this.readLines();
      if (lines.length <= this.limit) return lines.length;
      const kept = lines.slice(-this.limit);
      const temporary = `${this.indexPath}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, `${kept.join('\n')}\n`, { mode: 0o600 });
      fs.renameSync(temporary, this.indexPath);
      for (const summary of this.parseLines(lines.slice(0, -this.limit)).summaries) fs.rmSync(this.entryPath(summary.id), { force: true });
      return kept.length;
    });
  }

  /** Newest first; `search` matches method, URL, status, environment, credential and error. */
  list(search = '', limit = this.limit): HistoryList {
    const { summaries, unreadable } = this.parseLines(this.readLines());
    const needle = search.trim().toLowerCase();
    const entries = summaries.reverse().filter((s) => needle === '' || matches(s, needle));
    return { entries: entries.slice(0, limit), unreadable };
  }

  get(id: string): HistoryRecord {
    let text: string;
    try {
      text = fs.readFileSync(this.entryPath(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not-found', 'That history entry is gone: the history may have been cleared or trimmed to its most recent entries.');
      throw error;
    }
    const parsed = (() => {
      try {
        return recordSchema.safeParse(JSON.parse(text));
      } catch {
        return null;
      }
    })();
    if (!parsed?.success) {
      throw new AppError('store-corrupt', `The history entry ${id}.json is damaged and cannot be reopened.`, { hint: `It is left as it is in ${this.entriesDir}.` });
    }
    return parsed.data as HistoryRecord;
  }

  /** Removes every entry; returns how many there were. */
  async clear(): Promise<number> {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return withFileLock(this.indexPath, DEFAULT_LOCK_STALE_MS, () => {
      const count = this.readLines().length;
      fs.rmSync(this.entriesDir, { recursive: true, force: true });
      fs.rmSync(this.indexPath, { force: true });
      return count;
    });
  }
}

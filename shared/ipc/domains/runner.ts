/**
 * Channels of the request runner: send (and cancel) a request, page through a large response
 * body, export as cURL; saved requests (`requests:*`) and the history of sent requests
 * (`history:*`). Requests run in the main process: the renderer never holds a secret value.
 */
import { z } from 'zod';
import { requestDraftSchema } from '../../runner/draft';
import type { BodyPage, HistoryEntryView, HistoryList, HistorySummary, RunResult } from '../../runner/results';
import { collectionNameSchema, folderPathSchema, savedRequestNameSchema, type SavedRequest } from '../../runner/saved';
import { channel, event } from '../define';

const id = (what: string) => z.string().min(1, `Which ${what}? The id is missing.`).max(200);
const bodyView = z.enum(['pretty', 'raw', 'hex']);

export const runnerChannels = {
  /** `sendId` is chosen by the renderer so that it can cancel the request while it runs. */
  'runner:send': channel<RunResult>()(
    z
      .object({
        draft: requestDraftSchema,
        sendId: id('request in flight'),
        /** The user confirmed sending in a production environment. */
        confirmed: z.boolean().optional(),
      })
      .strict(),
  ),
  'runner:cancel': channel<{ cancelled: boolean }>()(z.object({ sendId: id('request in flight') }).strict()),
  'runner:body-page': channel<BodyPage>()(
    z
      .object({
        bodyId: id('response body'),
        view: bodyView,
        from: z.number().int().min(0),
        count: z.number().int().min(1).max(5000),
      })
      .strict(),
  ),
  /** The next line at or after `from` (before it, when `backwards`) containing `query`, case-insensitive. */
  'runner:body-search': channel<{ line: number | null; lineCount: number; complete: boolean }>()(
    z
      .object({
        bodyId: id('response body'),
        view: bodyView,
        query: z.string().min(1, 'Type something to search for.').max(1000),
        from: z.number().int().min(0),
        backwards: z.boolean().optional(),
      })
      .strict(),
  ),
  /** The request as a cURL command with variables filled in; secrets masked unless `reveal`. */
  'runner:export-curl': channel<{ command: string; revealed: boolean; note: string | null }>()(
    z.object({ draft: requestDraftSchema, reveal: z.boolean() }).strict(),
  ),

  'requests:list': channel<SavedRequest[]>()(z.object({}).strict()),
  /** Creates a saved request, or replaces the one with `id`. */
  'requests:save': channel<SavedRequest>()(
    z
      .object({
        id: id('saved request').optional(),
        name: savedRequestNameSchema,
        collection: collectionNameSchema,
        folder: folderPathSchema.optional(),
        draft: requestDraftSchema,
      })
      .strict(),
  ),
  'requests:delete': channel<{ deleted: string }>()(z.object({ id: id('saved request') }).strict()),

  'history:list': channel<HistoryList>()(
    z.object({ search: z.string().max(1000).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
  ),
  'history:get': channel<HistoryEntryView>()(z.object({ id: id('history entry') }).strict()),
  'history:clear': channel<{ cleared: number }>()(z.object({}).strict()),
};

export const runnerEvents = {
  'requests:changed': event<SavedRequest[]>(),
  /** A request was added to the history (`latest`), or the history was cleared (`latest` null). */
  'history:changed': event<{ latest: HistorySummary | null; count: number }>(),
};

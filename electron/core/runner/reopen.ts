// Reopens a history entry: the draft to edit again, and the response as it was (its body, when
// the history kept it, goes back into the body store so the viewer pages it like a fresh one).
import type { HistoryEntryView, ResponseBody } from '../../../shared/runner/results';
import type { BodyStore } from './body-store';
import type { HistoryRecord } from './history';
import { ALREADY_MASKED } from './mask';
import { bodyWithoutContent, prepareBody } from './response-body';

async function bodyOf(record: HistoryRecord, bodies: BodyStore): Promise<ResponseBody> {
  const kept = record.body!;
  if (kept.text !== null) {
    // Stored bodies were masked before they were written.
    const body = await prepareBody(Buffer.from(kept.text, 'utf8'), kept.contentType, ALREADY_MASKED, bodies);
    return { ...body, sizeBytes: kept.sizeBytes, note: kept.note ?? body.note };
  }
  return bodyWithoutContent(kept.kind, kept.contentType, kept.sizeBytes, kept.note);
}

export async function reopenEntry(record: HistoryRecord, bodies: BodyStore): Promise<HistoryEntryView> {
  const { summary, draft, request, response, error } = record;
  const result =
    response && record.body
      ? { historyId: summary.id, at: summary.at, request, response, body: await bodyOf(record, bodies), historyProblem: null }
      : null;
  return { summary, draft, request, result, error };
}

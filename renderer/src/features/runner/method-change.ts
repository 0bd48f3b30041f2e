/**
 * Changing the method says what happens to the body: GET and HEAD send none, so the body (and
 * the Content-Type that described it) is set aside, said so, and restored when the method goes
 * back to one that sends a body. Nothing typed is lost, and no GET goes out with a body.
 */
import type { KeyValueRow, RequestBody, RequestDraft } from '../../../../shared/runner/draft';

export const METHODS_WITHOUT_BODY: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** A body kept out of the request while the method sends none. */
export interface SetAsideBody {
  body: RequestBody;
  contentType: KeyValueRow[];
}

export interface MethodChange {
  draft: RequestDraft;
  setAside: SetAsideBody | null;
  /** What happened to the body, in the user's words; null when nothing did. */
  notice: string | null;
}

const BODY_NAMES: Record<RequestBody['type'], string> = { none: 'body', json: 'JSON body', form: 'form body', raw: 'raw body' };
const isContentType = (row: KeyValueRow) => row.name.trim().toLowerCase() === 'content-type';

export function changeMethod(draft: RequestDraft, method: string, setAside: SetAsideBody | null): MethodChange {
  const next = { ...draft, method };
  if (METHODS_WITHOUT_BODY.has(method) && draft.body.type !== 'none') {
    const kept: SetAsideBody = { body: draft.body, contentType: draft.headers.filter(isContentType) };
    return {
      draft: { ...next, body: { type: 'none' }, headers: draft.headers.filter((row) => !isContentType(row)) },
      setAside: kept,
      notice: `${method} sends no body: the ${BODY_NAMES[draft.body.type]}${kept.contentType.length ? ' and its Content-Type header' : ''} are set aside, and come back if you switch to a method that sends one.`,
    };
  }
  if (!METHODS_WITHOUT_BODY.has(method) && setAside && draft.body.type === 'none') {
    return {
      draft: { ...next, body: setAside.body, headers: [...draft.headers, ...(draft.headers.some(isContentType) ? [] : setAside.contentType)] },
      setAside: null,
      notice: `The ${BODY_NAMES[setAside.body.type]} set aside earlier is back: ${method} sends it.`,
    };
  }
  return { draft: next, setAside, notice: null };
}

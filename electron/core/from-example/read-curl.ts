// A pasted cURL command as an example request, through the runner's own cURL parser.
import { CurlParseError, parseCurl } from '../../../shared/runner/curl-parse';
import type { KeyValueRow } from '../../../shared/runner/draft';
import { bodyFromText, ExampleError, type ExampleBody, type ExampleRequest } from './example-request';

function bodyOf(draft: ReturnType<typeof parseCurl>['draft'], warnings: string[]): ExampleBody {
  const body = draft.body;
  if (body.type === 'none') return { kind: 'none' };
  if (body.type === 'form') return { kind: 'form', fields: body.fields.map(({ name, value }) => ({ name, value })) };
  const contentType = draft.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  return bodyFromText(body.text, body.type === 'json' ? 'application/json' : contentType, warnings);
}

function withQuery(url: string, query: KeyValueRow[]): string {
  if (query.length === 0) return url;
  return `${url}?${query.map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(q.value)}`).join('&')}`;
}

export function readCurl(text: string): ExampleRequest {
  let parsed: ReturnType<typeof parseCurl>;
  try {
    parsed = parseCurl(text);
  } catch (error) {
    if (error instanceof CurlParseError) throw new ExampleError(error.message);
    throw error;
  }
  const { draft, warnings } = parsed;
  return {
    source: 'curl',
    method: draft.method,
    url: withQuery(draft.url, draft.query),
    headers: draft.headers.map(({ name, value }) => ({ name, value })),
    body: bodyOf(draft, warnings),
    warnings,
  };
}

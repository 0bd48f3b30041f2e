// Request -> cURL command, one option per line. Used for a draft as a template (`{{names}}` kept,
// no values at all) and, in the main process, for the filled request and the auth timeline's
// recorded token requests, with secrets masked unless the user asked to reveal them. Pure (no Node APIs).
import { composeRequest } from './compose';
import type { RequestDraft } from './draft';
import { shellQuote } from './shell-words';

export interface CurlRequest {
  method: string;
  url: string;
  headers: ReadonlyArray<{ name: string; value: string }>;
  body?: string;
  /** The request was sent without checking the server's certificate (an environment's choice). */
  insecure?: boolean;
}

export function toCurl(request: CurlRequest): string {
  const lines = [`curl ${shellQuote(request.url)}`];
  const method = request.method.toUpperCase();
  if (method === 'HEAD') lines.push('--head');
  else if (method !== 'GET' || request.body !== undefined) lines.push(`-X ${shellQuote(method)}`);
  if (request.insecure) lines.push('--insecure');
  for (const { name, value } of request.headers) lines.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  if (request.body !== undefined) lines.push(`--data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}

/** The draft as written: `{{variables}}` stay as they are, so nothing secret can be in it. */
export function draftToCurl(draft: RequestDraft): string {
  const composed = composeRequest(draft, {});
  return toCurl({
    method: composed.method,
    url: composed.url.value,
    headers: composed.headers.map((h) => ({ name: h.name, value: h.value })),
    body: composed.body?.value,
  });
}

// A raw HTTP request as docs print it (`POST /authenticate/token?grant_type=password HTTP/1.1`,
// `Host:`, headers, a blank line, the body). Docs often print the answer right after it; that part
// is returned separately as the sample response.
import { bodyFromText, ExampleError, type ExampleRequest } from './example-request';

export const REQUEST_LINE = /^([A-Z]{3,7})\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/;
const RESPONSE_LINE = /^HTTP\/\d(?:\.\d)?\s+\d{3}\b/m;

export interface ReadHttp {
  request: ExampleRequest;
  /** The response the docs printed after the request, if any. */
  response?: string;
}

export function readHttp(text: string): ReadHttp {
  const normalized = text.replace(/\r\n/g, '\n').trim();
  const responseAt = normalized.search(RESPONSE_LINE);
  const requestText = responseAt > 0 ? normalized.slice(0, responseAt) : normalized;
  const response = responseAt > 0 ? normalized.slice(responseAt) : undefined;

  const lines = requestText.split('\n');
  const first = REQUEST_LINE.exec(lines[0]!.trim());
  if (!first) throw new ExampleError('A raw HTTP request starts with a line like "POST /oauth/token HTTP/1.1".');
  const [, method, target] = first;
  const warnings: string[] = [];
  const headers: ExampleRequest['headers'] = [];
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') break;
    const colon = line.indexOf(':');
    // Docs elide headers they do not care about ("..headers..").
    if (colon <= 0) {
      warnings.push(`The line "${line.slice(0, 60)}" is not a header; it was skipped.`);
      continue;
    }
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  const host = headers.find((h) => h.name.toLowerCase() === 'host')?.value;
  const kept = headers.filter((h) => !['host', 'content-length'].includes(h.name.toLowerCase()));
  const absolute = /^https?:\/\//i.test(target!);
  if (!absolute && !target!.startsWith('/')) throw new ExampleError(`"${target}" is not a path: the request line names a path like /oauth/token.`);
  // Docs print HTTPS hosts; plain http is for local servers, which print their port.
  const url = absolute ? target! : host ? `${/^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https'}://${host}${target}` : target!;
  const contentType = kept.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const body = bodyFromText(lines.slice(i + 1).join('\n'), contentType, warnings);
  return { request: { source: 'http', method: method!, url, headers: kept, body, warnings }, response };
}

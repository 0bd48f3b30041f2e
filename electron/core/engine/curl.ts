// "Copy as cURL" for a recorded request.

export interface CurlRequest {
  method: string;
  url: string;
  headers: Array<{ name: string; value: string }>;
  body?: string;
  insecure?: boolean;
}

/** POSIX shell single-quoting: safe for any content. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function toCurl(request: CurlRequest): string {
  const parts = ['curl', '-X', request.method, quote(request.url)];
  if (request.insecure) parts.push('--insecure');
  for (const { name, value } of request.headers) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', quote(request.body));
  return parts.join(' ');
}

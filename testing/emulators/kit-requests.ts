// Request parsing and JSON replies shared by the emulators: media types, JSON or form fields,
// and the Authorization header schemes the vendors use (Bearer, Basic, and bare values).

/** An emulator's answer to one request. */
export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

/** The media type of a request without parameters, lower case ('' when absent). */
export function mediaType(headers: Record<string, string>): string {
  return (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A JSON object body, or undefined when the body is not a JSON object. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Field of a parsed body when it is a string. */
export function stringField(fields: Record<string, unknown> | URLSearchParams | undefined, name: string): string | undefined {
  if (fields === undefined) return undefined;
  const value = fields instanceof URLSearchParams ? fields.get(name) : fields[name];
  return typeof value === 'string' ? value : undefined;
}

/** Splits `Authorization: <scheme> <value>`; the scheme comes back in lower case. */
export function authorization(headers: Record<string, string>): { scheme: string; value: string } | undefined {
  const header = headers['authorization'];
  if (header === undefined) return undefined;
  const match = /^(\S+)\s+(.+)$/.exec(header.trim());
  return match ? { scheme: match[1]!.toLowerCase(), value: match[2]!.trim() } : undefined;
}

export function bearerToken(headers: Record<string, string>): string | undefined {
  const auth = authorization(headers);
  return auth?.scheme === 'bearer' ? auth.value : undefined;
}

/** user:password from `Authorization: Basic base64(user:password)`. */
export function basicCredentials(headers: Record<string, string>): { user: string; password: string } | undefined {
  const auth = authorization(headers);
  if (auth?.scheme !== 'basic') return undefined;
  const decoded = Buffer.from(auth.value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// What every example reader (cURL, raw HTTP, Python requests, JavaScript fetch/axios) produces: the
// one request the example sends, in neutral terms, before any guessing about variables or secrets.
// A value the example takes from elsewhere (a code variable, an environment variable) is written as
// a `<placeholder>`, the way vendor docs write values the reader must supply.

export type ExampleSource = 'curl' | 'http' | 'python' | 'javascript';

export interface ExampleField {
  name: string;
  value: string;
}

export type ExampleBody =
  | { kind: 'none' }
  | { kind: 'form' | 'json'; fields: ExampleField[] }
  | { kind: 'raw'; text: string };

export interface ExampleRequest {
  source: ExampleSource;
  method: string;
  /** Absolute (`https://host/path?q`) or, when the example names no host, a path (`/path?q`). */
  url: string;
  headers: ExampleField[];
  body: ExampleBody;
  /** Options that were ignored or read loosely, one sentence each. */
  warnings: string[];
}

/** A pasted example that cannot become a request; the message says what to paste instead. */
export class ExampleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExampleError';
  }
}

/** Pasted examples are a few lines; a bound keeps a hostile paste from costing much. */
export const MAX_EXAMPLE_CHARACTERS = 100_000;
export const MAX_SAMPLE_RESPONSE_CHARACTERS = 200_000;

export function placeholder(name: string): string {
  return `<${name}>`;
}

export function findField(fields: ExampleField[], name: string): ExampleField | undefined {
  const lower = name.toLowerCase();
  return fields.find((f) => f.name.toLowerCase() === lower);
}

/** `a=1&b=2` as fields; null when the text is not name=value pairs. */
export function formFields(text: string): ExampleField[] | null {
  if (text.trim() === '') return [];
  const fields: ExampleField[] = [];
  for (const pair of text.trim().split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    try {
      const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
      fields.push({ name: decode(pair.slice(0, eq)), value: decode(pair.slice(eq + 1)) });
    } catch {
      return null;
    }
  }
  return fields;
}

/** A JSON object's fields as text values; nested values are kept as their JSON and warned about. */
export function jsonFields(value: unknown, warnings: string[]): ExampleField[] | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.entries(value as Record<string, unknown>).map(([name, field]) => {
    if (typeof field === 'string') return { name, value: field };
    if (field !== null && typeof field === 'object') warnings.push(`The body field "${name}" holds an object; recipes send flat fields, so it is sent as the text of that JSON.`);
    else warnings.push(`The body field "${name}" is ${JSON.stringify(field)}; recipes send text fields, so it is sent as "${String(field)}".`);
    return { name, value: typeof field === 'object' && field !== null ? JSON.stringify(field) : String(field) };
  });
}

/** The body from its text and the Content-Type the example gave. */
export function bodyFromText(text: string, contentType: string | undefined, warnings: string[]): ExampleBody {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'none' };
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('json') || (!type && /^[{[]/.test(trimmed))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      // Docs run on into prose after the body ("will lead to the following response.").
      const end = trimmed.lastIndexOf(trimmed.startsWith('[') ? ']' : '}');
      try {
        parsed = JSON.parse(trimmed.slice(0, end + 1));
        warnings.push('Text after the JSON body was ignored.');
      } catch {
        throw new ExampleError('The body looks like JSON but is not valid JSON: check its quotes and commas.');
      }
    }
    const fields = jsonFields(parsed, warnings);
    if (fields === null) throw new ExampleError('The JSON body is not an object ({"name": "value", ...}); a token request recipe sends an object.');
    return { kind: 'json', fields };
  }
  const fields = formFields(trimmed);
  if (fields !== null) return { kind: 'form', fields };
  return { kind: 'raw', text: trimmed };
}

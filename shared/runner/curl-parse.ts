// Pasted cURL command -> request draft. Understands the options people paste (-X, -H, -d and its
// variants, --data-urlencode, -u, --url, -G, -I, -A, -e, -b, -m) and says which it ignored.
// Pure (no Node APIs).
import { base64Utf8 } from '../recipe/build-request';
import { emptyDraft, findHeader, type KeyValueRow, type RequestBody, type RequestDraft } from './draft';
import { referencedNames } from './references';
import { shellWords, ShellSyntaxError } from './shell-words';

export class CurlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CurlParseError';
  }
}

export interface ParsedCurl {
  draft: RequestDraft;
  /** Options that were ignored or changed meaning, one sentence each. */
  warnings: string[];
}

const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json']);
const WITH_VALUE = new Set(['-X', '--request', '-H', '--header', '-u', '--user', '--url', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-m', '--max-time', ...DATA_OPTIONS]);
/** Options taking a value that the runner has no use for. */
const IGNORED_WITH_VALUE = new Set(['-o', '--output', '-w', '--write-out', '--connect-timeout', '-c', '--cookie-jar', '--retry', '--cacert', '--capath', '-E', '--cert', '--key', '-x', '--proxy', '-r', '--range', '--limit-rate', '-T', '--upload-file', '--resolve', '--interface']);
const FLAGS = new Set(['-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-L', '--location', '-k', '--insecure', '--compressed', '-g', '--globoff', '-G', '--get', '-I', '--head', '-f', '--fail', '--http1.1', '--http2', '-N', '--no-buffer', '-#', '--progress-bar']);

interface Collected {
  method?: string;
  url?: string;
  headers: KeyValueRow[];
  data: string[];
  json: boolean;
  get: boolean;
  head: boolean;
  timeoutSeconds?: number;
  warnings: string[];
}

/** Expands `-sSL` into `-s -S -L`, and `-XPOST` / `-HAccept:x` into option + value. */
function expandShort(word: string): string[] {
  if (!/^-[A-Za-z#]{2,}/.test(word) || word.startsWith('--')) return [word];
  const first = `-${word[1]}`;
  if (WITH_VALUE.has(first) || IGNORED_WITH_VALUE.has(first)) return [first, word.slice(2)];
  const letters = [...word.slice(1)].map((l) => `-${l}`);
  return letters.every((l) => FLAGS.has(l)) ? letters : [word];
}

function header(text: string): KeyValueRow {
  // curl's `-H 'Name;'` sends an empty header; `Name:` alone would remove it.
  if (/^[^:;]+;$/.test(text.trim())) return { name: text.trim().slice(0, -1), value: '', enabled: true };
  const colon = text.indexOf(':');
  if (colon <= 0) throw new CurlParseError(`-H "${text}" is not a header: write it as "Name: value".`);
  return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim(), enabled: true };
}

function dataPiece(option: string, value: string, warnings: string[]): string {
  if (value.startsWith('@') && option !== '--data-raw' && option !== '--data-urlencode') {
    throw new CurlParseError(`${option} ${value} reads a file, which the runner cannot do: paste the file's content instead.`);
  }
  if (option !== '--data-urlencode') return value;
  // curl: "name=content" encodes only the content; "=content" and "content" encode it all.
  const eq = value.indexOf('=');
  if (value.startsWith('@') || (eq > 0 && value.slice(0, eq).includes('@'))) warnings.push(`--data-urlencode ${value} reads a file; it was taken as text.`);
  if (eq === -1) return encodeURIComponent(value);
  const name = value.slice(0, eq);
  return name === '' ? encodeURIComponent(value.slice(1)) : `${name}=${encodeURIComponent(value.slice(eq + 1))}`;
}

function collect(words: string[]): Collected {
  const out: Collected = { headers: [], data: [], json: false, get: false, head: false, warnings: [] };
  const queue = words.flatMap(expandShort);
  while (queue.length > 0) {
    const word = queue.shift()!;
    const takeValue = () => {
      const value = queue.shift();
      if (value === undefined) throw new CurlParseError(`${word} needs a value after it.`);
      return value;
    };
    if (!word.startsWith('-') || word === '-') {
      if (out.url !== undefined) throw new CurlParseError(`The command has two URLs ("${out.url}" and "${word}"); the runner sends one request at a time.`);
      out.url = word;
    } else if (word === '-X' || word === '--request') out.method = takeValue().toUpperCase();
    else if (word === '-H' || word === '--header') out.headers.push(header(takeValue()));
    else if (word === '--url') {
      const value = takeValue();
      if (out.url !== undefined) throw new CurlParseError(`The command has two URLs ("${out.url}" and "${value}"); the runner sends one request at a time.`);
      out.url = value;
    } else if (DATA_OPTIONS.has(word)) {
      if (word === '--json') out.json = true;
      out.data.push(dataPiece(word, takeValue(), out.warnings));
    } else if (word === '-u' || word === '--user') {
      const value = takeValue();
      if (referencedNames(value).length > 0) throw new CurlParseError('-u cannot hold {{variables}}: use a credential, or an Authorization header built from variables.');
      const credentials = value.includes(':') ? value : `${value}:`;
      out.headers.push({ name: 'Authorization', value: `Basic ${base64Utf8(credentials)}`, enabled: true });
    } else if (word === '-A' || word === '--user-agent') out.headers.push({ name: 'User-Agent', value: takeValue(), enabled: true });
    else if (word === '-e' || word === '--referer') out.headers.push({ name: 'Referer', value: takeValue(), enabled: true });
    else if (word === '-b' || word === '--cookie') {
      const value = takeValue();
      if (!value.includes('=')) throw new CurlParseError(`-b ${value} reads cookies from a file: paste them as -b 'name=value' instead.`);
      out.headers.push({ name: 'Cookie', value, enabled: true });
    } else if (word === '-m' || word === '--max-time') {
      const seconds = Math.ceil(Number(takeValue()));
      if (!Number.isFinite(seconds) || seconds < 1) throw new CurlParseError(`${word} needs a number of seconds.`);
      out.timeoutSeconds = Math.min(seconds, 600);
    } else if (word === '-G' || word === '--get') out.get = true;
    else if (word === '-I' || word === '--head') out.head = true;
    else if (word === '-k' || word === '--insecure') {
      out.warnings.push('-k (skip TLS checks) was ignored: the runner checks certificates unless the environment allows insecure TLS.');
    } else if (word === '-F' || word === '--form') {
      throw new CurlParseError('-F (multipart form upload) is not supported by the runner yet.');
    } else if (IGNORED_WITH_VALUE.has(word)) {
      out.warnings.push(`${word} ${takeValue()} was ignored.`);
    } else if (!FLAGS.has(word)) {
      out.warnings.push(`${word} is not an option the runner knows; it was ignored.`);
    }
  }
  return out;
}

function decodeForm(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/** `a=1&b=2` as rows; null when the text is not form-encoded pairs. */
function formRows(text: string): KeyValueRow[] | null {
  if (text === '') return [];
  const rows: KeyValueRow[] = [];
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    try {
      rows.push({ name: decodeForm(pair.slice(0, eq)), value: decodeForm(pair.slice(eq + 1)), enabled: true });
    } catch {
      return null;
    }
  }
  return rows;
}

/** JSON that may hold `{{name}}` where a value goes: references are checked as plain numbers. */
export function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    JSON.parse(jsonWithReferencesAsValues(trimmed));
    return true;
  } catch {
    return false;
  }
}

/** Same length, so parse error positions still point at the user's text. */
export function jsonWithReferencesAsValues(text: string): string {
  return text.replace(/\{\{\s*[A-Za-z_][A-Za-z0-9_.-]*\s*\}\}/g, (ref) => `1${' '.repeat(ref.length - 1)}`);
}

function splitUrl(url: string): { base: string; query: KeyValueRow[] } {
  const withoutFragment = url.split('#')[0]!;
  const mark = withoutFragment.indexOf('?');
  if (mark === -1) return { base: withoutFragment, query: [] };
  const rows = formRows(withoutFragment.slice(mark + 1));
  // Query strings that are not name=value pairs (`?ping`) stay in the URL as typed.
  return rows === null ? { base: withoutFragment, query: [] } : { base: withoutFragment.slice(0, mark), query: rows };
}

function bodyFrom(data: string, contentType: string | undefined, forceJson: boolean, warnings: string[]): RequestBody {
  const type = contentType?.toLowerCase() ?? '';
  if (forceJson || type.includes('json')) return { type: 'json', text: data };
  if (!contentType && looksLikeJson(data)) {
    warnings.push('The data is JSON but the command set no Content-Type: curl would have sent it as a form; the runner sends it as application/json.');
    return { type: 'json', text: data };
  }
  if (!contentType || type.startsWith('application/x-www-form-urlencoded')) {
    const rows = formRows(data);
    if (rows !== null) return { type: 'form', fields: rows };
  }
  return { type: 'raw', text: data };
}

export function parseCurl(command: string): ParsedCurl {
  let words: string[];
  try {
    words = shellWords(command.trim().replace(/^\$\s+/, ''));
  } catch (error) {
    if (error instanceof ShellSyntaxError) throw new CurlParseError(error.message);
    throw error;
  }
  if (words[0] !== 'curl') throw new CurlParseError('This does not look like a cURL command: it should start with "curl".');
  const found = collect(words.slice(1));
  if (found.url === undefined) throw new CurlParseError('The command has no URL: add the address to call.');
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(found.url) || found.url.startsWith('{{') ? found.url : `http://${found.url}`;
  const { base, query } = splitUrl(url);
  const data = found.data.join('&');
  const hasData = found.data.length > 0;
  const headers = [...found.headers];
  if (found.json) {
    if (!findHeader(headers, 'content-type')) headers.push({ name: 'Content-Type', value: 'application/json', enabled: true });
    if (!findHeader(headers, 'accept')) headers.push({ name: 'Accept', value: 'application/json', enabled: true });
  }
  const draft = emptyDraft({ url: base, query, headers });
  if (found.timeoutSeconds !== undefined) draft.timeoutSeconds = found.timeoutSeconds;
  if (hasData && found.get) {
    const rows = formRows(data);
    if (rows === null) throw new CurlParseError('-G moves the data into the query string, but the data is not name=value pairs.');
    draft.query.push(...rows);
  } else if (hasData) {
    draft.body = bodyFrom(data, findHeader(headers, 'content-type')?.value, found.json, found.warnings);
  }
  draft.method = found.method ?? (found.head ? 'HEAD' : hasData && !found.get ? 'POST' : 'GET');
  return { draft, warnings: found.warnings };
}

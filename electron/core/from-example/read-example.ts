// Which kind of example was pasted, and its reader.
import { readCode } from './read-code';
import { readCurl } from './read-curl';
import { readHttp, REQUEST_LINE } from './read-http';
import { ExampleError, MAX_EXAMPLE_CHARACTERS, type ExampleRequest } from './example-request';

export interface ReadExample {
  request: ExampleRequest;
  /** A sample response printed with the example (raw HTTP docs do). */
  response?: string;
}

export function readExample(text: string): ReadExample {
  if (text.length > MAX_EXAMPLE_CHARACTERS) {
    throw new ExampleError(`The example is over ${MAX_EXAMPLE_CHARACTERS.toLocaleString('en')} characters: paste only the token request.`);
  }
  const trimmed = text.trim();
  if (trimmed === '') throw new ExampleError('Paste the token request from the vendor\'s docs: a cURL command, a raw HTTP request, or Python/JavaScript code.');
  if (/^(\$\s+)?curl\s/.test(trimmed)) return { request: readCurl(trimmed) };
  if (REQUEST_LINE.test(trimmed.split('\n')[0]!.trim())) return readHttp(trimmed);
  if (/\brequests\.(post|get|put|patch|request)\s*\(|\bimport requests\b/.test(trimmed)) return { request: readCode(trimmed, 'python') };
  if (/\b(fetch|axios(\.\w+)?)\s*\(/.test(trimmed)) return { request: readCode(trimmed, 'javascript') };
  throw new ExampleError(
    'This does not look like a request Tokenbench can read. Paste a cURL command, a raw HTTP request ("POST /oauth/token HTTP/1.1" and its headers), or Python requests / JavaScript fetch / axios code.',
  );
}

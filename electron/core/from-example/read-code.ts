// Python `requests` and JavaScript `fetch` / `axios` snippets as example requests. The reader
// finds the one call that sends the request, follows simple assignments (`payload = {...}`,
// `const url = "..."`) and turns values it cannot know (`self.client_id`, `process.env.SECRET`)
// into `<placeholders>` named after them.
import { base64Utf8 } from '../../../shared/recipe/build-request';
import { assignments, ExpressionReader, lastName, tokenize, type Token, type Value } from './code-literals';
import { bodyFromText, ExampleError, findField, placeholder, type ExampleBody, type ExampleField, type ExampleRequest, type ExampleSource } from './example-request';

const MAX_RESOLVE_DEPTH = 8;

class Resolver {
  constructor(private readonly known: Map<string, Value>) {}

  /** Follows names to what they were assigned, a few steps deep (cycles stop there). */
  resolve(value: Value | undefined, depth = 0): Value | undefined {
    if (value?.kind !== 'ref' || depth > MAX_RESOLVE_DEPTH) return value;
    const target = this.known.get(value.name);
    return target ? this.resolve(target, depth + 1) : value;
  }

  text(value: Value | undefined): string {
    const resolved = this.resolve(value);
    if (resolved === undefined) return '';
    if (resolved.kind === 'text') return resolved.value;
    if (resolved.kind === 'ref') return placeholder(lastName(resolved.name));
    if (resolved.kind === 'call') {
      // os.getenv("X"), os.environ.get("X"), String(x): the argument names the value.
      const inner = resolved.args[0];
      if (/(getenv|environ\.get|String|str)$/.test(resolved.callee) && inner?.kind === 'text') return placeholder(inner.value);
      if (inner) return this.text(inner);
      return placeholder(lastName(resolved.callee));
    }
    return placeholder('value');
  }

  fields(value: Value | undefined): ExampleField[] | undefined {
    const resolved = this.resolve(value);
    if (resolved?.kind !== 'object') return undefined;
    return resolved.entries.map(([name, field]) => ({ name, value: this.text(field) }));
  }

  /** A named option of a call or an options object. */
  option(value: Value | undefined, name: string): Value | undefined {
    const resolved = this.resolve(value);
    if (resolved?.kind === 'object') return resolved.entries.find(([key]) => key === name)?.[1];
    return undefined;
  }
}

type Call = Extract<Value, { kind: 'call' }>;

function findCall(tokens: Token[], reader: ExpressionReader, pattern: RegExp): Call | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'name') continue;
    const previous = tokens[i - 1];
    if (previous?.type === 'punct' && previous.value === '.') continue;
    const { value } = reader.read(i);
    if (value.kind === 'call' && pattern.test(value.callee)) return value;
  }
  return undefined;
}

function basicAuth(resolver: Resolver, auth: Value | undefined): ExampleField | undefined {
  const resolved = resolver.resolve(auth);
  if (resolved === undefined) return undefined;
  let pair: Value[] | undefined;
  if (resolved.kind === 'list') pair = resolved.items;
  else if (resolved.kind === 'call' && /HTTPBasicAuth$/.test(resolved.callee)) pair = resolved.args;
  else if (resolved.kind === 'object') pair = [resolver.option(resolved, 'username')!, resolver.option(resolved, 'password')!];
  if (!pair || pair.length < 2) return undefined;
  const user = resolver.text(pair[0]);
  const password = resolver.text(pair[1]);
  return { name: 'Authorization', value: `Basic ${base64Utf8(`${user}:${password}`)}` };
}

/** A body given as a dict/object (form or JSON by `kind`), a string, or a wrapping call. */
function bodyOf(resolver: Resolver, value: Value | undefined, kind: 'form' | 'json', headers: ExampleField[], warnings: string[]): ExampleBody {
  const resolved = resolver.resolve(value);
  if (resolved === undefined) return { kind: 'none' };
  if (resolved.kind === 'call') {
    if (/JSON\.stringify$|json\.dumps$/.test(resolved.callee)) return bodyOf(resolver, resolved.args[0], 'json', headers, warnings);
    if (/URLSearchParams$|stringify$|urlencode$/.test(resolved.callee)) return bodyOf(resolver, resolved.args[0], 'form', headers, warnings);
  }
  const fields = resolver.fields(resolved);
  if (fields) return { kind, fields };
  if (resolved.kind === 'text') return bodyFromText(resolved.value, findField(headers, 'content-type')?.value, warnings);
  throw new ExampleError('The request body in the code is not a dict/object or a string the reader can follow: paste the body as a literal.');
}

function headersOf(resolver: Resolver, value: Value | undefined): ExampleField[] {
  return resolver.fields(value) ?? [];
}

function python(tokens: Token[], reader: ExpressionReader, resolver: Resolver, warnings: string[]): Omit<ExampleRequest, 'source' | 'warnings'> {
  const call = findCall(tokens, reader, /(^|\.)(post|put|patch|get|request)$/);
  if (!call) throw new ExampleError('No requests.post(...) (or .get/.put/.request) call was found in the Python code.');
  const named = new Map(call.named);
  const positional = [...call.args];
  const verb = /\.(\w+)$/.exec(call.callee)?.[1] ?? 'request';
  const method = verb === 'request' ? resolver.text(named.get('method') ?? positional.shift()).toUpperCase() : verb.toUpperCase();
  const url = requireUrl(resolver.text(named.get('url') ?? positional.shift()));
  const headers = headersOf(resolver, named.get('headers'));
  const auth = basicAuth(resolver, named.get('auth'));
  if (auth) headers.push(auth);
  const params = resolver.fields(named.get('params'));
  const body = named.has('json') ? bodyOf(resolver, named.get('json'), 'json', headers, warnings) : bodyOf(resolver, named.get('data') ?? positional.shift(), 'form', headers, warnings);
  return { method, url: withParams(url, params), headers, body };
}

function javascript(tokens: Token[], reader: ExpressionReader, resolver: Resolver, warnings: string[]): Omit<ExampleRequest, 'source' | 'warnings'> {
  const call = findCall(tokens, reader, /^(fetch|axios(\.(post|put|patch|get|request))?)$/);
  if (!call) throw new ExampleError('No fetch(...) or axios(...) call was found in the JavaScript code.');
  if (call.callee === 'fetch') {
    const url = requireUrl(resolver.text(call.args[0]));
    const options = call.args[1];
    const headers = headersOf(resolver, resolver.option(options, 'headers'));
    const method = (resolver.text(resolver.option(options, 'method')) || 'GET').toUpperCase();
    const body = bodyOf(resolver, resolver.option(options, 'body'), 'json', headers, warnings);
    return { method, url, headers, body };
  }
  const verb = /\.(\w+)$/.exec(call.callee)?.[1];
  const hasData = verb === 'post' || verb === 'put' || verb === 'patch';
  const config = verb && verb !== 'request' ? call.args[hasData ? 2 : 1] : call.args[0];
  const url = requireUrl(verb && verb !== 'request' ? resolver.text(call.args[0]) : resolver.text(resolver.option(config, 'url')));
  const method = (verb && verb !== 'request' ? verb : resolver.text(resolver.option(config, 'method')) || 'GET').toUpperCase();
  const headers = headersOf(resolver, resolver.option(config, 'headers'));
  const auth = basicAuth(resolver, resolver.option(config, 'auth'));
  if (auth) headers.push(auth);
  const data = hasData ? call.args[1] : resolver.option(config, 'data');
  // axios sends an object as JSON unless the headers ask for a form.
  const asForm = /x-www-form-urlencoded/i.test(findField(headers, 'content-type')?.value ?? '');
  const body = bodyOf(resolver, data, asForm ? 'form' : 'json', headers, warnings);
  return { method, url: withParams(url, resolver.fields(resolver.option(config, 'params'))), headers, body };
}

function requireUrl(url: string): string {
  if (!url || url.startsWith('<')) {
    throw new ExampleError('The code does not show the URL it calls as text: put the token URL in the call, e.g. requests.post("https://.../oauth/token", ...).');
  }
  return url;
}

function withParams(url: string, params: ExampleField[] | undefined): string {
  if (!params?.length) return url;
  const query = params.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value)}`).join('&');
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

export function readCode(text: string, language: Extract<ExampleSource, 'python' | 'javascript'>): ExampleRequest {
  const tokens = tokenize(text);
  const reader = new ExpressionReader(tokens);
  const resolver = new Resolver(assignments(tokens, reader));
  const warnings: string[] = ['Read from code: values the code takes from elsewhere became variables for you to fill in.'];
  const request = language === 'python' ? python(tokens, reader, resolver, warnings) : javascript(tokens, reader, resolver, warnings);
  return { source: language, ...request, warnings };
}

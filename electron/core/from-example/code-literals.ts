// A small, tolerant reader of the literal parts of Python and JavaScript snippets: strings (with
// f-strings and template literals), numbers, dicts/objects, lists, tuples, names and calls. It never
// runs anything. What it cannot read becomes a `<placeholder>`: the user supplies that value.
// Bounded: hostile input costs at most MAX_TOKENS tokens and MAX_DEPTH nesting.
import { ExampleError } from './example-request';

export type Token =
  | { type: 'string'; value: string }
  | { type: 'number'; value: string }
  | { type: 'name'; value: string }
  | { type: 'punct'; value: string };

export type Value =
  | { kind: 'text'; value: string }
  | { kind: 'object'; entries: Array<[string, Value]> }
  | { kind: 'list'; items: Value[] }
  | { kind: 'ref'; name: string }
  | { kind: 'call'; callee: string; args: Value[]; named: Array<[string, Value]> };

const MAX_TOKENS = 20_000;
const MAX_DEPTH = 24;
const PUNCT = ['**', '...', '=>', '==', '===', '!=', '{', '}', '[', ']', '(', ')', ',', ':', '=', ';', '+', '.', '?', '|', '&', '*', '-', '<', '>', '!', '/', '%', '@', '~', '^'];

/** Expressions inside `{...}` / `${...}` of interpolated strings become placeholders. */
function interpolate(text: string, open: '{' | '${'): string {
  const pattern = open === '{' ? /\{([^{}]*)\}/g : /\$\{([^{}]*)\}/g;
  return text.replace(pattern, (_, expr: string) => `<${lastName(expr.trim()) || 'value'}>`);
}

/** `self.client_id` -> `client_id`; `os.environ["API_KEY"]` -> `API_KEY`. */
export function lastName(expr: string): string {
  const quoted = /["']([^"']+)["']\s*\]?\s*\)?$/.exec(expr);
  if (quoted) return quoted[1]!;
  const names = expr.match(/[A-Za-z_$][\w$]*/g);
  return names ? names[names.length - 1]! : '';
}

function readString(source: string, start: number): { value: string; end: number; prefix: string } {
  let i = start;
  let prefix = '';
  while (/[rRbBuUfF]/.test(source[i]!)) prefix += source[i++]!.toLowerCase();
  const quote = source[i]!;
  const triple = source.slice(i, i + 3) === quote.repeat(3) && quote !== '`';
  const close = triple ? quote.repeat(3) : quote;
  i += close.length;
  let value = '';
  const raw = prefix.includes('r');
  while (i < source.length) {
    if (source.startsWith(close, i)) return { value, end: i + close.length, prefix };
    const char = source[i]!;
    if (char === '\\' && !raw && i + 1 < source.length) {
      const next = source[i + 1]!;
      value += ({ n: '\n', t: '\t', r: '\r', '\n': '' } as Record<string, string>)[next] ?? next;
      i += 2;
      continue;
    }
    if (char === '\n' && !triple && quote !== '`') break;
    value += char;
    i += 1;
  }
  throw new ExampleError('A string in the code is never closed: check that every quote has its partner.');
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    if (tokens.length > MAX_TOKENS) throw new ExampleError('The code is too long to read as an example: paste only the part that asks for the token.');
    const char = source[i]!;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '#' || source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
    } else if (/["'`]/.test(char) || (/[rRbBuUfF]/.test(char) && /^[rRbBuUfF]{1,2}["']/.test(source.slice(i, i + 3)))) {
      const { value, end, prefix } = readString(source, i);
      tokens.push({ type: 'string', value: prefix.includes('f') ? interpolate(value, '{') : char === '`' ? interpolate(value, '${') : value });
      i = end;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9][0-9_.eExXa-fA-F]*/.exec(source.slice(i, i + 64))!;
      tokens.push({ type: 'number', value: match[0].replace(/_/g, '') });
      i += match[0].length;
    } else if (/[A-Za-z_$]/.test(char)) {
      const match = /^[A-Za-z_$][\w$]*/.exec(source.slice(i, i + 256))!;
      tokens.push({ type: 'name', value: match[0] });
      i += match[0].length;
    } else {
      const punct = PUNCT.find((p) => source.startsWith(p, i)) ?? char;
      tokens.push({ type: 'punct', value: punct });
      i += punct.length;
    }
  }
  return tokens;
}

const CONSTANTS: Record<string, string> = { True: 'true', False: 'false', true: 'true', false: 'false', None: '', null: '', undefined: '' };

/** Reads one expression at `tokens[at]`; `end` is the index after it. */
export class ExpressionReader {
  constructor(private readonly tokens: Token[]) {}

  private is(at: number, value: string): boolean {
    const token = this.tokens[at];
    return token !== undefined && token.type === 'punct' && token.value === value;
  }

  read(at: number, depth = 0): { value: Value; end: number } {
    if (depth > MAX_DEPTH) throw new ExampleError('The code nests too deeply to read as an example.');
    const token = this.tokens[at];
    if (token === undefined) return { value: { kind: 'text', value: '' }, end: at };
    let result: { value: Value; end: number };
    if (token.type === 'string') {
      // Adjacent strings and `+` concatenation join into one text.
      let text = token.value;
      let end = at + 1;
      while (this.tokens[end]?.type === 'string' || (this.is(end, '+') && this.tokens[end + 1]?.type === 'string')) {
        if (this.is(end, '+')) end += 1;
        text += (this.tokens[end] as { value: string }).value;
        end += 1;
      }
      result = { value: { kind: 'text', value: text }, end };
    } else if (token.type === 'number') result = { value: { kind: 'text', value: token.value }, end: at + 1 };
    else if (this.is(at, '{')) result = this.readObject(at + 1, depth);
    else if (this.is(at, '[') || this.is(at, '(')) result = this.readList(at + 1, this.is(at, '[') ? ']' : ')', depth);
    else if (this.is(at, '-') && this.tokens[at + 1]?.type === 'number') result = { value: { kind: 'text', value: `-${this.tokens[at + 1]!.value}` }, end: at + 2 };
    else if (token.type === 'name') result = this.readName(at, depth);
    else result = { value: { kind: 'ref', name: 'value' }, end: at + 1 };
    return result;
  }

  private readName(at: number, depth: number): { value: Value; end: number } {
    let end = at;
    const parts: string[] = [];
    if (this.tokens[end]?.value === 'new' || this.tokens[end]?.value === 'await') end += 1;
    for (;;) {
      const token = this.tokens[end];
      if (token?.type !== 'name') break;
      parts.push(token.value);
      end += 1;
      if (this.is(end, '.') || this.is(end, '?.')) end += 1;
      else if (this.is(end, '[') && this.tokens[end + 1]?.type === 'string' && this.is(end + 2, ']')) {
        parts.push(this.tokens[end + 1]!.value);
        end += 3;
        break;
      } else break;
    }
    const name = parts.join('.');
    if (parts.length === 1 && Object.hasOwn(CONSTANTS, name)) return { value: { kind: 'text', value: CONSTANTS[name]! }, end };
    if (this.is(end, '(')) {
      const call = this.readCall(end + 1, name, depth);
      return call;
    }
    return { value: { kind: 'ref', name }, end };
  }

  private readCall(at: number, callee: string, depth: number): { value: Value; end: number } {
    const args: Value[] = [];
    const named: Array<[string, Value]> = [];
    let i = at;
    while (i < this.tokens.length && !this.is(i, ')')) {
      if (this.is(i, '**') || this.is(i, '*') || this.is(i, '...')) i += 1;
      const token = this.tokens[i];
      if (token?.type === 'name' && this.is(i + 1, '=') && !this.is(i + 1, '==')) {
        const { value, end } = this.read(i + 2, depth + 1);
        named.push([token.value, value]);
        i = end;
      } else {
        const { value, end } = this.read(i, depth + 1);
        args.push(value);
        i = end === i ? i + 1 : end;
      }
      i = this.skipTo(i, [',', ')']);
      if (this.is(i, ',')) i += 1;
    }
    return { value: { kind: 'call', callee, args, named }, end: i + 1 };
  }

  private readObject(at: number, depth: number): { value: Value; end: number } {
    const entries: Array<[string, Value]> = [];
    let i = at;
    while (i < this.tokens.length && !this.is(i, '}')) {
      if (this.is(i, '**') || this.is(i, '...')) {
        i = this.skipTo(i + 1, [',', '}']);
      } else {
        const key = this.tokens[i];
        const name = key?.type === 'string' || key?.type === 'name' || key?.type === 'number' ? key.value : undefined;
        if (name !== undefined && this.is(i + 1, ':')) {
          const { value, end } = this.read(i + 2, depth + 1);
          entries.push([name, value]);
          i = end;
        } else if (name !== undefined && key?.type === 'name' && (this.is(i + 1, ',') || this.is(i + 1, '}'))) {
          entries.push([name, { kind: 'ref', name }]); // JS shorthand `{ clientId }`
          i += 1;
        } else i += 1;
        i = this.skipTo(i, [',', '}']);
      }
      if (this.is(i, ',')) i += 1;
    }
    return { value: { kind: 'object', entries }, end: i + 1 };
  }

  private readList(at: number, close: string, depth: number): { value: Value; end: number } {
    const items: Value[] = [];
    let i = at;
    while (i < this.tokens.length && !this.is(i, close)) {
      const { value, end } = this.read(i, depth + 1);
      items.push(value);
      i = this.skipTo(end === i ? i + 1 : end, [',', close]);
      if (this.is(i, ',')) i += 1;
    }
    // `(expr)` is grouping, not a tuple.
    if (close === ')' && items.length === 1) return { value: items[0]!, end: i + 1 };
    return { value: { kind: 'list', items }, end: i + 1 };
  }

  /** Skips what the reader does not understand (operators, method chains) up to a separator at this level. */
  skipTo(at: number, stops: string[]): number {
    let i = at;
    let level = 0;
    while (i < this.tokens.length) {
      if (level === 0 && stops.some((s) => this.is(i, s))) return i;
      if (this.is(i, '(') || this.is(i, '[') || this.is(i, '{')) level += 1;
      else if (this.is(i, ')') || this.is(i, ']') || this.is(i, '}')) {
        if (level === 0) return i;
        level -= 1;
      }
      i += 1;
    }
    return i;
  }
}

/** Top-level `NAME = expr` (and `const`/`let`/`var NAME = expr`) assignments, last one wins. */
export function assignments(tokens: Token[], reader: ExpressionReader): Map<string, Value> {
  const found = new Map<string, Value>();
  for (let i = 0; i < tokens.length - 2; i++) {
    const name = tokens[i]!;
    const eq = tokens[i + 1]!;
    const before = tokens[i - 1];
    if (name.type !== 'name' || eq.type !== 'punct' || eq.value !== '=') continue;
    if (before?.type === 'punct' && (before.value === '.' || before.value === ',' || before.value === '(')) continue;
    found.set(name.value, reader.read(i + 2).value);
  }
  return found;
}

// Splits a pasted shell command into words the way a POSIX shell would for a cURL command:
// single quotes, double quotes with backslash escapes, bash's $'...' (Chrome's "Copy as cURL"
// uses it), backslash escapes, and line continuations (`\` or Windows `^` at the end of a line).
// Pure (no Node APIs).

export class ShellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '0': '\0' };

function ansiCString(input: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start;
  while (i < input.length) {
    const char = input[i]!;
    if (char === "'") return { text, end: i + 1 };
    if (char !== '\\') {
      text += char;
      i += 1;
      continue;
    }
    const next = input[i + 1] ?? '';
    const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(input.slice(i + 2)) : next === 'u' ? /^[0-9a-fA-F]{1,4}/.exec(input.slice(i + 2)) : null;
    if (hex) {
      text += String.fromCharCode(parseInt(hex[0], 16));
      i += 2 + hex[0].length;
    } else {
      text += ANSI_C_ESCAPES[next] ?? `\\${next}`;
      i += 2;
    }
  }
  throw new ShellSyntaxError("A $'...' string is never closed: check that every quote has its partner.");
}

export function shellWords(command: string): string[] {
  // Continuations first: they join lines before any quoting applies.
  const input = command.replace(/\\\r?\n/g, '').replace(/\^\r?\n/g, '');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const push = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < input.length) {
    const char = input[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      push();
      i += 1;
    } else if (char === "'") {
      const end = input.indexOf("'", i + 1);
      if (end === -1) throw new ShellSyntaxError('A single quote (\') is never closed: check that every quote has its partner.');
      word += input.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (char === '$' && input[i + 1] === "'") {
      const { text, end } = ansiCString(input, i + 2);
      word += text;
      inWord = true;
      i = end;
    } else if (char === '"') {
      i += 1;
      for (;;) {
        if (i >= input.length) throw new ShellSyntaxError('A double quote (") is never closed: check that every quote has its partner.');
        const inner = input[i]!;
        if (inner === '"') break;
        if (inner === '\\' && '"\\$`'.includes(input[i + 1] ?? '')) {
          word += input[i + 1];
          i += 2;
        } else {
          word += inner;
          i += 1;
        }
      }
      inWord = true;
      i += 1;
    } else if (char === '\\' && i + 1 < input.length) {
      word += input[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += char;
      inWord = true;
      i += 1;
    }
  }
  push();
  return words;
}

/** POSIX single-quoting: safe for any content, readable for ordinary content. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_\-.,/:@%+=]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

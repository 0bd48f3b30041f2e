// Pretty-prints JSON text into lines, a slice at a time, so a 20 MB body is formatted without
// blocking the main process: the first screen is ready after the first slice, the rest follows
// between other work. The output matches JSON.stringify(value, null, 2) except that numbers and
// string escapes are kept exactly as the server wrote them. Structure is checked as it goes.

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;
const INDENT = '  ';
const SCALAR = /[-+0-9.eEa-z]/y;
/** About 5-15 ms of work per slice on a laptop. */
const SLICE_CHARS = 256 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class JsonLines {
  readonly lines: string[] = [];
  /** Why the text is not JSON (with the offset), once found; formatting stops there. */
  error: string | null = null;
  private pos = 0;
  private line = '';
  private readonly closers: string[] = [];
  private running = false;

  constructor(private readonly text: string) {}

  get complete(): boolean {
    return this.error !== null || this.pos >= this.text.length;
  }

  /** Formats at least `budget` more characters of input (or to the end). */
  step(budget: number): void {
    const text = this.text;
    const stop = Math.min(text.length, this.pos + budget);
    try {
      while (this.pos < stop && this.error === null) this.token(text);
    } finally {
      if (this.pos >= text.length && this.error === null) this.finish();
    }
  }

  /**
   * Formats the rest in the background, a slice per turn of the event loop, for as long as
   * `wanted()` says so (the body store stops it when a newer body arrives).
   */
  async run(wanted: () => boolean = () => true, sliceChars = SLICE_CHARS): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.complete && wanted()) {
        this.step(sliceChars);
        await nextTurn();
      }
    } finally {
      this.running = false;
    }
  }

  /** Formats until `count` lines exist (or the end), yielding between slices so other work goes on. */
  async until(count: number): Promise<void> {
    while (this.lines.length < count && !this.complete) {
      this.step(SLICE_CHARS);
      if (this.lines.length < count && !this.complete) await nextTurn();
    }
  }

  private fail(message: string): void {
    this.error = `${message} at character ${this.pos + 1}`;
    if (this.line.trim() !== '') this.lines.push(this.line);
    this.line = '';
  }

  private newLine(depth: number): void {
    this.lines.push(this.line);
    this.line = INDENT.repeat(depth);
  }

  private skipSpace(text: string): void {
    let code = text.charCodeAt(this.pos);
    while (code === SPACE || code === LF || code === CR || code === TAB) code = text.charCodeAt(++this.pos);
  }

  private token(text: string): void {
    this.skipSpace(text);
    if (this.pos >= text.length) return;
    const char = text[this.pos]!;
    switch (char) {
      case '{':
      case '[': {
        const close = char === '{' ? '}' : ']';
        this.pos += 1;
        this.skipSpace(text);
        if (text[this.pos] === close) {
          this.line += char + close;
          this.pos += 1;
          return;
        }
        this.line += char;
        this.closers.push(close);
        this.newLine(this.closers.length);
        return;
      }
      case '}':
      case ']': {
        if (this.closers.pop() !== char) return this.fail(`Unexpected "${char}"`);
        this.newLine(this.closers.length);
        this.line += char;
        this.pos += 1;
        return;
      }
      case ',':
        if (this.closers.length === 0) return this.fail('Unexpected ","');
        this.line += ',';
        this.pos += 1;
        this.newLine(this.closers.length);
        return;
      case ':':
        this.line += ': ';
        this.pos += 1;
        return;
      case '"':
        return this.string(text);
      default: {
        SCALAR.lastIndex = this.pos;
        const start = this.pos;
        while (SCALAR.test(text)) this.pos = SCALAR.lastIndex;
        if (this.pos === start) return this.fail(`Unexpected "${char}"`);
        this.line += text.slice(start, this.pos);
      }
    }
  }

  private string(text: string): void {
    let end = this.pos + 1;
    for (;;) {
      end = text.indexOf('"', end);
      if (end === -1) {
        this.pos = text.length;
        return this.fail('A string is never closed');
      }
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes += 1;
      if (backslashes % 2 === 0) break;
      end += 1;
    }
    this.line += text.slice(this.pos, end + 1);
    this.pos = end + 1;
  }

  private finish(): void {
    if (this.closers.length > 0) {
      this.fail(`The text ends before its closing "${this.closers.at(-1)}"`);
      return;
    }
    if (this.line !== '') this.lines.push(this.line);
    this.line = '';
  }
}

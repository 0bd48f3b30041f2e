// Response bodies kept in the main process so the renderer can read a large one page by page:
// text split into lines on demand, JSON pretty-printed in slices (json-lines.ts), binary as a hex
// dump. Bounded: the least recently used bodies are dropped past a total size.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { MAX_LINE_CHARS, type BodyKind, type BodyPage, type BodyView } from '../../../shared/runner/results';
import { JsonLines } from './json-lines';

const HEX_BYTES_PER_LINE = 16;

interface StoredBody {
  kind: BodyKind;
  /** Masked text (json and text bodies). */
  text: string;
  /** Original bytes (binary bodies). */
  bytes: Buffer | null;
  sizeBytes: number;
  lineStarts: number[] | null;
  lowerText: string | null;
  pretty: JsonLines | null;
}

export interface BodyStoreOptions {
  /** Total bytes (text counted twice: UTF-16) kept before the oldest bodies go. */
  maxTotalBytes?: number;
}

function cut(line: string): string {
  return line.length <= MAX_LINE_CHARS ? line : `${line.slice(0, MAX_LINE_CHARS)} … (${line.length - MAX_LINE_CHARS} more characters)`;
}

function hexLine(bytes: Buffer, line: number): string {
  const start = line * HEX_BYTES_PER_LINE;
  const slice = bytes.subarray(start, start + HEX_BYTES_PER_LINE);
  const hex = [...slice].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  const ascii = [...slice].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
  return `${start.toString(16).padStart(8, '0')}  ${hex.padEnd(HEX_BYTES_PER_LINE * 3 - 1)}  |${ascii}|`;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export class BodyStore {
  private readonly bodies = new Map<string, StoredBody>();
  private readonly maxTotalBytes: number;
  private newest: string | null = null;

  constructor(options: BodyStoreOptions = {}) {
    this.maxTotalBytes = options.maxTotalBytes ?? 400 * 1024 * 1024;
  }

  /** Keeps a body; JSON starts formatting in the background at once. */
  add(kind: BodyKind, text: string, bytes: Buffer | null): string {
    const id = randomUUID();
    const pretty = kind === 'json' ? new JsonLines(text) : null;
    this.bodies.set(id, { kind, text, bytes, sizeBytes: bytes?.length ?? text.length * 2, lineStarts: null, lowerText: null, pretty });
    // Only the newest body formats in the background; older ones format when a page is asked for.
    this.newest = id;
    void pretty?.run(() => this.newest === id && this.bodies.has(id));
    this.evict(id);
    return id;
  }

  private evict(keep: string): void {
    let total = [...this.bodies.values()].reduce((sum, body) => sum + body.sizeBytes, 0);
    for (const [id, body] of this.bodies) {
      if (total <= this.maxTotalBytes) break;
      if (id === keep) continue;
      this.bodies.delete(id);
      total -= body.sizeBytes;
    }
  }

  private get(id: string): StoredBody {
    const body = this.bodies.get(id);
    if (!body) {
      throw new AppError('not-found', 'That response body is no longer in memory: only the most recent large responses are kept.', {
        hint: 'Send the request again to see its body.',
      });
    }
    // Map order is insertion order: re-inserting marks it as most recently used.
    this.bodies.delete(id);
    this.bodies.set(id, body);
    return body;
  }

  /** Throws when the body cannot be shown in that view. */
  private refuse(body: StoredBody, view: BodyView): void {
    if (view === 'hex' && body.kind !== 'binary') throw new AppError('invalid-request', 'The hex view is for binary bodies; this one is text.');
    if (view !== 'hex' && body.kind === 'binary') throw new AppError('invalid-request', 'This body is binary: it can be shown as hex only.');
  }

  private rawLines(body: StoredBody): number[] {
    body.lineStarts ??= lineStartsOf(body.text);
    return body.lineStarts;
  }

  private lineCount(body: StoredBody, view: BodyView): number {
    if (view === 'hex') return Math.ceil((body.bytes?.length ?? 0) / HEX_BYTES_PER_LINE);
    if (view === 'pretty' && body.pretty) return body.pretty.lines.length;
    return this.rawLines(body).length;
  }

  private complete(body: StoredBody, view: BodyView): boolean {
    return view !== 'pretty' || !body.pretty || body.pretty.complete;
  }

  private line(body: StoredBody, view: BodyView, index: number): string {
    if (view === 'hex') return hexLine(body.bytes!, index);
    if (view === 'pretty' && body.pretty) return body.pretty.lines[index]!;
    const starts = this.rawLines(body);
    const end = index + 1 < starts.length ? starts[index + 1]! - 1 : body.text.length;
    return body.text.slice(starts[index]!, end).replace(/\r$/, '');
  }

  /** Lines [from, from + count) of a view; waits for the JSON formatter to get that far. */
  async page(bodyId: string, view: BodyView, from: number, count: number): Promise<BodyPage> {
    const body = this.get(bodyId);
    this.refuse(body, view);
    if (view === 'pretty' && body.pretty) await body.pretty.until(from + count);
    const lineCount = this.lineCount(body, view);
    const lines: string[] = [];
    for (let i = from; i < Math.min(lineCount, from + count); i++) lines.push(cut(this.line(body, view, i)));
    const formatError = view === 'pretty' ? (body.pretty?.error ?? null) : null;
    const note = formatError ? `Not valid JSON (${formatError}): the Raw view shows all of it.` : null;
    return { bodyId, view, from, lines, lineCount, complete: this.complete(body, view), note };
  }

  async search(bodyId: string, view: BodyView, query: string, from: number, backwards = false): Promise<{ line: number | null; lineCount: number; complete: boolean }> {
    const body = this.get(bodyId);
    this.refuse(body, view);
    if (view === 'pretty' && body.pretty) await body.pretty.until(Number.POSITIVE_INFINITY);
    const needle = query.toLowerCase();
    const lineCount = this.lineCount(body, view);
    const result = (line: number | null) => ({ line, lineCount, complete: this.complete(body, view) });
    if (view === 'raw' || (view === 'pretty' && !body.pretty)) {
      body.lowerText ??= body.text.toLowerCase();
      const starts = this.rawLines(body);
      const at = backwards ? body.lowerText.lastIndexOf(needle, (starts[from + 1] ?? body.text.length) - 1) : body.lowerText.indexOf(needle, starts[from] ?? body.text.length);
      return result(at === -1 ? null : lineOf(starts, at));
    }
    const step = backwards ? -1 : 1;
    for (let i = Math.min(from, lineCount - 1); i >= 0 && i < lineCount; i += step) {
      if (this.line(body, view, i).toLowerCase().includes(needle)) return result(i);
    }
    return result(null);
  }
}

/** The line holding character `offset` (binary search over line starts). */
function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

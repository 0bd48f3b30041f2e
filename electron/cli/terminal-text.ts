/**
 * Text for a terminal: control characters (ANSI escapes, carriage returns, bidi overrides) from
 * names, URLs, error messages or response bodies are shown escaped, so a hostile server or file
 * cannot move the cursor, rewrite earlier lines or hide text. Durations are rounded for people.
 */

// C0 controls except tab and line feed, DEL, C1 controls, and the bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string): string {
  // The \uXXXX form reads the same in plain text and stays valid inside JSON strings.
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A stream whose text is escaped before it is written (for terminals and error output). */
export function escapingStream(stream: NodeJS.WritableStream): NodeJS.WritableStream {
  return new Proxy(stream, {
    get(target, property, receiver) {
      if (property !== 'write') return Reflect.get(target, property, receiver);
      return (chunk: string | Uint8Array, ...rest: unknown[]) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        return (target.write as (...args: unknown[]) => boolean).call(target, escapeControl(text), ...rest);
      };
    },
  });
}

/** "850 ms", "1.2 s", "3 min 5 s", "2 h 10 min": precise enough to read, never a long fraction. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (Math.abs(seconds) < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

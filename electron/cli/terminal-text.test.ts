import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { escapeControl, escapingStream, formatDuration } from './terminal-text';

describe('text for a terminal', () => {
  it('shows control characters escaped, keeping line breaks, tabs and ordinary Unicode', () => {
    expect(escapeControl('ok\tfine\nnext')).toBe('ok\tfine\nnext');
    expect(escapeControl('\u001b[2J\u001b]0;pwned\u0007name\rover')).toBe('\\u001b[2J\\u001b]0;pwned\\u0007name\\u000dover');
    expect(escapeControl('a\u009bb\u007fc')).toBe('a\\u009bb\\u007fc');
    // Inside JSON text the escape is still valid JSON.
    expect(JSON.parse(escapeControl(JSON.stringify({ name: 'x\u009by\u202e' })))).toEqual({ name: 'x\u009by\u202e' });
    expect(escapeControl('file\u202Egnp.exe')).toBe('file\\u202egnp.exe');
    expect(escapeControl('Zürich ••••1234 日本')).toBe('Zürich ••••1234 日本');
  });

  it('escapes what goes through a stream, strings and bytes alike', () => {
    const sink = new PassThrough();
    let written = '';
    sink.on('data', (chunk) => (written += chunk));
    const stream = escapingStream(sink);
    stream.write('a\u001b[31m');
    stream.write(Buffer.from('b\u0007\n'));
    expect(written).toBe('a\\u001b[31mb\\u0007\n');
  });

  it('rounds durations', () => {
    expect(formatDuration(12.3456)).toBe('12 ms');
    expect(formatDuration(1234.5)).toBe('1.2 s');
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(3_599_400)).toBe('59 min 59 s');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
    expect(formatDuration(10 * 86_400_000)).toBe('10 days');
  });
});

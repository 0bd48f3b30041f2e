import { describe, expect, it } from 'vitest';
import { JsonLines } from './json-lines';

function format(text: string, slice = 7): JsonLines {
  const lines = new JsonLines(text);
  while (!lines.complete) lines.step(slice);
  return lines;
}

describe('JsonLines', () => {
  const value = {
    name: 'a "quoted" \\ name',
    list: [1, -2.5, true, null, { deep: [[], {}] }, 'x,y:{z}'],
    empty: {},
    nested: { a: { b: { c: 'd' } } },
    unicode: 'é ✓',
  };

  it.each([
    ['minified', JSON.stringify(value)],
    ['already pretty', JSON.stringify(value, null, 4)],
    ['a bare array', JSON.stringify([value, value])],
    ['a scalar', '"just a string"'],
  ])('formats %s JSON like JSON.stringify(value, null, 2), slice by slice', (_name, text) => {
    expect(format(text).lines.join('\n')).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it.each([
    ['{"a": 1', /ends before its closing "}"/],
    ['{"a": [1, 2}', /Unexpected "}"/],
    ['{"a": "never closed', /never closed/],
    ['<html>', /Unexpected "<"/],
  ])('stops at the first structural problem in %s', (text, message) => {
    const lines = format(text);
    expect(lines.complete).toBe(true);
    expect(lines.error).toMatch(message);
  });

  it('formats a large body without blocking: the first lines exist before the rest is done', async () => {
    const big = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })));
    const lines = new JsonLines(big);
    await lines.until(100);
    expect(lines.lines.length).toBeGreaterThanOrEqual(100);
    expect(lines.complete).toBe(false);
    await lines.until(Number.POSITIVE_INFINITY);
    expect(lines.complete).toBe(true);
    expect(lines.lines.length).toBe(JSON.stringify(JSON.parse(big), null, 2).split('\n').length);
  });
});

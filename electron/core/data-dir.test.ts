import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('prefers --data-dir, in both spellings', () => {
    expect(resolveDataDir(['--data-dir', '/tmp/a'], { TOKENBENCH_DATA_DIR: '/tmp/b' }, '/def')).toBe('/tmp/a');
    expect(resolveDataDir(['--data-dir=/tmp/c'], {}, '/def')).toBe('/tmp/c');
  });
  it('then TOKENBENCH_DATA_DIR, then the platform default', () => {
    expect(resolveDataDir([], { TOKENBENCH_DATA_DIR: 'rel' }, '/def')).toBe(path.resolve('rel'));
    expect(resolveDataDir([], {}, '/def')).toBe('/def');
  });
  it('explains a flag without a folder', () => {
    expect(() => resolveDataDir(['--data-dir'], {}, '/def')).toThrow('--data-dir needs a folder');
  });
});

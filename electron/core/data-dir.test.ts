import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateDataDir, resolveDataDir } from './data-dir';

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

describe.skipIf(process.platform === 'win32')('ensurePrivateDataDir', () => {
  const modeOf = (dir: string) => (fs.statSync(dir).mode & 0o777).toString(8);

  it('creates the folder (and its missing parents) for its owner only', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-dir-')), 'a', 'data');
    expect(ensurePrivateDataDir(dir)).toBeNull();
    expect(modeOf(dir)).toBe('700');
  });

  it('closes a folder that others could enter, as Electron creates userData', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-dir-'));
    fs.chmodSync(dir, 0o755);
    expect(ensurePrivateDataDir(dir)).toBeNull();
    expect(modeOf(dir)).toBe('700');
  });
});

// The durable writer under a file layer that cuts writes short and runs out of space at every
// byte of a write: the old file always survives whole, no temporary file is left, and the
// error names the file and says what to do.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../testing/vault';
import { writeFileDurably, type FileLayer } from './durable-write';
import { faultyDisk } from '../../../testing/fixtures/faulty-disk.fixture';

const oldContent = JSON.stringify({ kept: 'the previous content', list: Array.from({ length: 50 }, (_, i) => i) });
const newContent = JSON.stringify({ kept: 'the next content, a little longer', list: Array.from({ length: 80 }, (_, i) => `item-${i}`) });

function failureOf(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the write to fail');
}

describe('durable writes', () => {
  it('writes every byte through short writes, fsyncs the file and the folder, and leaves nothing else behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.json');
    fs.writeFileSync(file, oldContent);
    const disk = faultyDisk({ chunk: 7, free: Infinity });
    writeFileDurably(file, newContent, { files: disk });
    expect(fs.readFileSync(file, 'utf8')).toBe(newContent);
    expect(disk.calls.fsync).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(['data.json']);
  });

  it('on a full disk at any byte: the old file whole, no temporary file, and an error that says what to do', () => {
    const dir = tempDir();
    const file = path.join(dir, 'workspace.json');
    fs.writeFileSync(file, oldContent, { mode: 0o600 });
    let torn = 0;
    const size = Buffer.byteLength(newContent);
    for (let free = 0; free < size; free++) {
      const error = failureOf(() => writeFileDurably(file, newContent, { files: faultyDisk({ chunk: 13, free }) }));
      expect(error.code).toBe('disk-full');
      expect(error.message).toBe('workspace.json could not be saved: the disk is full. The previous workspace.json is unchanged, and this change was not saved.');
      expect(error.hint).toContain('Free some space');
      if (fs.readFileSync(file, 'utf8') !== oldContent) torn++;
      expect(fs.readdirSync(dir)).toEqual(['workspace.json']);
    }
    expect(torn).toBe(0);
    writeFileDurably(file, newContent, { files: faultyDisk({ chunk: 13, free: size }) });
    expect(fs.readFileSync(file, 'utf8')).toBe(newContent);
  });

  it('never takes a write that puts nothing down for progress', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secrets.json');
    fs.writeFileSync(file, oldContent);
    const stuck: FileLayer = { ...fs, writeSync: (() => 0) as unknown as FileLayer['writeSync'] };
    expect(failureOf(() => writeFileDurably(file, newContent, { files: stuck })).code).toBe('disk-full');
    expect(fs.readFileSync(file, 'utf8')).toBe(oldContent);
  });

  it('refuses to rename a file whose size does not match what was written', () => {
    const dir = tempDir();
    const file = path.join(dir, 'tokens.json');
    fs.writeFileSync(file, oldContent);
    const lying: FileLayer = { ...fs, fstatSync: ((fd: number) => ({ ...fs.fstatSync(fd), size: 3 })) as unknown as FileLayer['fstatSync'] };
    const error = failureOf(() => writeFileDurably(file, newContent, { files: lying }));
    expect(error.message).toContain(`tokens.json could not be saved (the new file holds 3 bytes instead of ${Buffer.byteLength(newContent)})`);
    expect(fs.readFileSync(file, 'utf8')).toBe(oldContent);
    expect(fs.readdirSync(dir)).toEqual(['tokens.json']);
  });

  it('keeps the permission bits a file already has; new files are private', () => {
    const dir = tempDir();
    const file = path.join(dir, 'credentials.json');
    writeFileDurably(file, oldContent);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o644);
    writeFileDurably(file, newContent);
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
  });
});

// The durable writer under a file layer that cuts writes short and runs out of space at every
// byte of a write: the old file always survives whole, no temporary file is left, and the
// error names the file and says what to do.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../testing/vault';
import { copyFileDurably, writeFileDurably, type FileLayer } from './durable-write';
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

/** node:fs with chosen operations failing, counting the descriptors opened and closed. */
function spyDisk(fail: { open?: (file: string) => string | undefined; stat?: string; fsyncDir?: string; closeDir?: boolean } = {}) {
  const open = new Set<number>();
  const dirs = new Set<number>();
  const closed: unknown[] = [];
  const error = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  const layer: FileLayer = {
    ...fs,
    openSync: ((file: string, flags: string, mode?: number) => {
      const code = fail.open?.(file);
      if (code) throw error(code);
      const fd = fs.openSync(file, flags, mode);
      open.add(fd);
      if (flags === 'r') dirs.add(fd);
      return fd;
    }) as FileLayer['openSync'],
    closeSync: (fd: number) => {
      closed.push(fd);
      open.delete(fd);
      if (fail.closeDir && dirs.has(fd)) {
        fs.closeSync(fd);
        throw error('EIO');
      }
      fs.closeSync(fd);
    },
    fsyncSync: (fd: number) => {
      if (fail.fsyncDir && dirs.has(fd)) throw error(fail.fsyncDir);
      fs.fsyncSync(fd);
    },
    statSync: ((file: string) => {
      if (fail.stat) throw error(fail.stat);
      return fs.statSync(file);
    }) as FileLayer['statSync'],
  };
  return { layer, open, closed };
}

describe('durable writes when the system says no', () => {
  function setup(name = 'workspace.json') {
    const dir = tempDir();
    const file = path.join(dir, name);
    fs.writeFileSync(file, oldContent);
    return { dir, file };
  }

  it('writes bytes exactly as given', () => {
    const { file } = setup('vault.json');
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x41]);
    writeFileDurably(file, bytes);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('keeps what the disk said as the cause: the bytes it took, or the size it holds', () => {
    const { file } = setup();
    const stuck: FileLayer = { ...fs, writeSync: (() => 0) as unknown as FileLayer['writeSync'] };
    const full = failureOf(() => writeFileDurably(file, 'abc', { files: stuck }));
    expect((full.cause as Error).message).toBe('wrote 0 of 3 bytes and the disk took no more');
    const lying: FileLayer = { ...fs, fstatSync: ((fd: number) => ({ ...fs.fstatSync(fd), size: 1 })) as unknown as FileLayer['fstatSync'] };
    expect((failureOf(() => writeFileDurably(file, 'abc', { files: lying })).cause as NodeJS.ErrnoException).code).toBe('EIO');
  });

  it('closes every descriptor it opened, whether the write succeeds or fails', () => {
    const { file } = setup();
    const ok = spyDisk();
    writeFileDurably(file, newContent, { files: ok.layer });
    expect(ok.open.size).toBe(0);
    const full = faultyDisk({ chunk: 5, free: 10 });
    const counted = spyDisk();
    failureOf(() => writeFileDurably(file, newContent, { files: { ...counted.layer, writeSync: full.writeSync } }));
    expect(counted.open.size).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(newContent);
  });

  it('says the folder may not be written when the temporary file cannot be created', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS']) {
      const { dir, file } = setup();
      const error = failureOf(() => writeFileDurably(file, newContent, { files: spyDisk({ open: (f) => (f.includes('.tmp-') ? code : undefined) }).layer }));
      expect(error.code).toBe('store-write-failed');
      expect(error.message).toBe(`workspace.json could not be saved: Tokenbench may not write in ${dir} (${code}). Nothing was changed.`);
      expect(error.hint).toBe('Check that the data folder is writable by you and not on a read-only disk.');
      expect(fs.readdirSync(dir)).toEqual(['workspace.json']);
    }
  });

  it('counts a full quota as a full disk, and names any other failure with its reason', () => {
    const { file } = setup();
    const quota = failureOf(() => writeFileDurably(file, newContent, { files: spyDisk({ open: (f) => (f.includes('.tmp-') ? 'EDQUOT' : undefined) }).layer }));
    expect(quota.code).toBe('disk-full');
    const other = failureOf(() => writeFileDurably(file, newContent, { files: spyDisk({ open: (f) => (f.includes('.tmp-') ? 'EIO' : undefined) }).layer }));
    expect(other.code).toBe('store-write-failed');
    expect(other.message).toBe('workspace.json could not be saved (EIO: simulated). The previous workspace.json is unchanged, and this change was not saved.');
    expect(other.hint).toBe('Check the disk that holds the data folder, then try again.');
    expect(fs.readFileSync(file, 'utf8')).toBe(oldContent);
  });

  it('refuses to write when the old file\'s permissions cannot be read, and takes a missing file as new', () => {
    const { file } = setup();
    expect(failureOf(() => writeFileDurably(file, newContent, { files: spyDisk({ stat: 'EACCES' }).layer })).code).toBe('store-write-failed');
    expect(fs.readFileSync(file, 'utf8')).toBe(oldContent);
    const fresh = path.join(tempDir(), 'new.json');
    writeFileDurably(fresh, newContent, { files: spyDisk({ stat: 'ENOENT' }).layer });
    expect(fs.readFileSync(fresh, 'utf8')).toBe(newContent);
  });

  it('accepts a system that cannot sync a folder, and reports any other failure to sync it', () => {
    for (const code of ['EISDIR', 'EPERM', 'EINVAL', 'EACCES']) {
      const { file } = setup();
      const disk = spyDisk({ fsyncDir: code });
      writeFileDurably(file, newContent, { files: disk.layer });
      expect(fs.readFileSync(file, 'utf8'), code).toBe(newContent);
      expect(disk.open.size).toBe(0);
    }
    for (const code of ['EISDIR', 'EIO']) {
      const { file } = setup();
      const refusedOpen = spyDisk({ open: (f) => (f.endsWith('.json') || f.includes('.tmp-') ? undefined : code) });
      if (code === 'EIO') expect(failureOf(() => writeFileDurably(file, newContent, { files: refusedOpen.layer })).message).toContain('could not be saved (EIO: simulated)');
      else writeFileDurably(file, newContent, { files: refusedOpen.layer });
    }
    const { file } = setup();
    expect(failureOf(() => writeFileDurably(file, newContent, { files: spyDisk({ fsyncDir: 'EIO' }).layer })).code).toBe('store-write-failed');
  });

  it('closes only descriptors it opened: none when the temporary file or the folder cannot be opened', () => {
    const { file } = setup();
    const noTemp = spyDisk({ open: (f) => (f.includes('.tmp-') ? 'EACCES' : undefined) });
    expect(failureOf(() => writeFileDurably(file, newContent, { files: noTemp.layer })).code).toBe('store-write-failed');
    expect(noTemp.closed).toEqual([]);
    const noFolder = spyDisk({ open: (f) => (f.includes('.tmp-') ? undefined : 'EISDIR') });
    writeFileDurably(file, newContent, { files: noFolder.layer });
    expect(noFolder.closed).toEqual([expect.any(Number)]);
  });

  it('does not fail a finished write when closing the folder fails', () => {
    const { file } = setup();
    writeFileDurably(file, newContent, { files: spyDisk({ closeDir: true }).layer });
    expect(fs.readFileSync(file, 'utf8')).toBe(newContent);
  });

  it('names a missing source in a clear error, and leaves the copy as it was', () => {
    const { dir, file } = setup('vault.json');
    const copy = path.join(dir, 'vault.json.bak');
    fs.writeFileSync(copy, 'the backup before');
    const missing = path.join(dir, 'gone.json');
    let thrown: unknown;
    try {
      copyFileDurably(missing, copy);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'not-found', message: `${missing} could not be copied to vault.json.bak: it does not exist (it was moved or deleted). vault.json.bak was not changed.` });
    expect((thrown as AppError).message).not.toMatch(/ENOENT/);
    expect(fs.readFileSync(copy, 'utf8')).toBe('the backup before');
    expect(fs.readFileSync(file, 'utf8')).toBe(oldContent);
  });

  it('copies a file durably with its bytes and permission bits', () => {
    const { dir, file } = setup('vault.json');
    fs.chmodSync(file, 0o640);
    const copy = path.join(dir, 'vault.json.bak');
    copyFileDurably(file, copy);
    expect(fs.readFileSync(copy, 'utf8')).toBe(oldContent);
    expect(fs.statSync(copy).mode & 0o777).toBe(0o640);
    expect(fs.statSync(copy).ino).not.toBe(fs.statSync(file).ino);
  });
});

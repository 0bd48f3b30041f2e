/**
 * A disk for the writer's fault tests: node:fs, except that each write puts down at most
 * `chunk` bytes (as a busy disk may) and the disk holds only `free` more bytes: a write past that
 * puts down what fits, and the next one fails with ENOSPC, the way Linux reports a full disk.
 */
import fs from 'node:fs';
import type { FileLayer } from './durable-write';

export function faultyDisk(options: { chunk: number; free: number }): FileLayer & { calls: { fsync: number } } {
  let free = options.free;
  const calls = { fsync: 0 };
  return {
    ...fs,
    calls,
    writeSync: ((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
      if (free <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const count = Math.min(length, options.chunk, free);
      free -= count;
      return fs.writeSync(fd, buffer, offset, count, position);
    }) as FileLayer['writeSync'],
    fsyncSync: (fd: number) => {
      calls.fsync++;
      fs.fsyncSync(fd);
    },
  };
}


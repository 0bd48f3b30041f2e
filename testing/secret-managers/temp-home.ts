/** A throwaway folder for one secret manager, removed at the end. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempHome(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tokenbench-${prefix}-`));
  fs.chmodSync(dir, 0o700);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Where Tokenbench keeps its files: `--data-dir DIR` (or `--data-dir=DIR`) wins, then the
 * TOKENBENCH_DATA_DIR environment variable, then the platform default the caller passes
 * (Electron's userData folder, or the CLI's own default).
 */
import fs from 'node:fs';
import path from 'node:path';

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, platformDefault: string): string {
  const flagIndex = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  if (flagIndex >= 0) {
    const arg = argv[flagIndex]!;
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[flagIndex + 1];
    if (!value || value.startsWith('--')) throw new Error('--data-dir needs a folder, e.g. --data-dir ~/tokenbench-data');
    return path.resolve(value);
  }
  if (env.TOKENBENCH_DATA_DIR) return path.resolve(env.TOKENBENCH_DATA_DIR);
  return platformDefault;
}

/**
 * Creates the data folder private to its owner (0700), and closes an existing one that others
 * may enter (Electron creates its userData folder 0755 before we run). Returns a warning when
 * the folder's permissions cannot be changed (not ours, a file system without modes); the files
 * inside are 0600 either way.
 */
export function ensurePrivateDataDir(dir: string): string | null {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return null;
  const mode = fs.statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return null;
  try {
    fs.chmodSync(dir, mode & 0o700);
    return null;
  } catch (error) {
    return `The data folder ${dir} is open to other users (mode ${mode.toString(8)}) and could not be made private: ${(error as Error).message}. Its files are readable by you only.`;
  }
}

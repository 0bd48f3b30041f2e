/**
 * Where Tokenbench keeps its files: `--data-dir DIR` (or `--data-dir=DIR`) wins, then the
 * TOKENBENCH_DATA_DIR environment variable, then the platform default the caller passes
 * (Electron's userData folder, or the CLI's own default).
 */
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

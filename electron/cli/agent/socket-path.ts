/**
 * Where the unlock agent of a data folder listens: a unix socket in a folder only this user can
 * enter (0700, owned by them, not a symlink), like ssh-agent's. Kept free of heavy imports: the
 * thin client loads it on every call.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function agentFolder(env: Record<string, string | undefined>): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return path.join(env.XDG_RUNTIME_DIR || os.tmpdir(), `tokenbench-${uid}`);
}

/** One agent per data folder, named by a hash of its path (socket paths are short, ~100 bytes). */
export function agentSocketPath(dataDir: string, env: Record<string, string | undefined>): string {
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 24);
  return path.join(agentFolder(env), `agent-${id}.sock`);
}

/** Why the folder cannot be trusted, or null when it is private to this user. */
export function folderProblem(folder: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(folder);
  } catch {
    return `${folder} does not exist`;
  }
  if (!stat.isDirectory()) return `${folder} is not a folder (a symlink or a file)`;
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return `${folder} belongs to another user`;
  if ((stat.mode & 0o077) !== 0) return `${folder} can be entered by other users (mode ${(stat.mode & 0o777).toString(8)})`;
  return null;
}

/** Creates the private folder if needed; throws when an existing one cannot be trusted. */
export function ensureAgentFolder(env: Record<string, string | undefined>): string {
  const folder = agentFolder(env);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const problem = folderProblem(folder);
  if (problem) throw new Error(`The unlock session's folder is not private: ${problem}. Remove it or fix its owner and mode (0700).`);
  return folder;
}

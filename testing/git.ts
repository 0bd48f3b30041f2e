/**
 * Test kit for workspace folders in git: the machine's real `git`, run with a throwaway
 * identity and no user or system configuration, so tests behave the same everywhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

/** Runs git in `cwd`; its output, or an error with git's own message. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'pull.rebase=false', ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs git and returns its exit code and output, for commands expected to fail (a conflicting merge). */
export function gitStatus(cwd: string, ...args: string[]): { code: number | null; output: string } {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'pull.rebase=false', ...args], { cwd, env, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

export function commitAll(cwd: string, message: string): void {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', message);
}

/** Every file of a clone, its `.git` too, as text; the full history with every patch; and every git object unpacked. */
export function everythingIn(clone: string): string {
  const files = fs.readdirSync(clone, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const texts = files.map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1'));
  return [...texts, git(clone, 'log', '-p', '--all'), git(clone, 'cat-file', '--batch', '--batch-all-objects')].join('\n');
}

/** Replaces `from` by `to` in a file of the clone (as a person would in an editor). */
export function editFile(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file} does not contain ${String(from)}`);
  fs.writeFileSync(file, next);
}

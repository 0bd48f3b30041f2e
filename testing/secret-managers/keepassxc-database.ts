/** A real KeePassXC database made with `keepassxc-cli` in a temporary folder. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { tempHome } from './temp-home';

export interface KeePassXcDatabase {
  file: string;
  password: string;
  add(group: string, entry: string, password: string): void;
  dispose(): void;
}

export function createKeePassXcDatabase(password: string): KeePassXcDatabase {
  const home = tempHome('keepassxc');
  const file = path.join(home.dir, 'team.kdbx');
  const cli = (args: string[], input: string) => execFileSync('keepassxc-cli', args, { input, stdio: ['pipe', 'ignore', 'ignore'] });
  cli(['db-create', '--set-password', file], `${password}\n${password}\n`);
  const groups = new Set<string>();
  return {
    file,
    password,
    add(group, entry, value) {
      if (!groups.has(group)) cli(['mkdir', file, group], `${password}\n`);
      groups.add(group);
      cli(['add', '--password-prompt', file, `${group}/${entry}`], `${password}\n${value}\n${value}\n`);
    },
    dispose: () => home.remove(),
  };
}

/**
 * A real `pass` store on a throwaway GPG key in a temporary GNUPGHOME: no passphrase, or (for a
 * "locked" store) a passphrase and no way to type it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempHome } from './temp-home';

export interface PassStore {
  env: NodeJS.ProcessEnv;
  insert(entry: string, content: string): void;
  dispose(): void;
}

export function createPassStore(options: { locked?: boolean } = {}): PassStore {
  const home = tempHome('pass');
  const gnupg = path.join(home.dir, 'gnupg');
  fs.mkdirSync(gnupg, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home.dir, GNUPGHOME: gnupg, PASSWORD_STORE_DIR: path.join(home.dir, 'store') };
  const email = 'team@tokenbench.invalid';
  const params = [
    ...(options.locked ? [] : ['%no-protection']),
    'Key-Type: EDDSA',
    'Key-Curve: ed25519',
    ...(options.locked ? ['Passphrase: a-passphrase-nobody-types'] : []),
    'Subkey-Type: ECDH',
    'Subkey-Curve: cv25519',
    'Name-Real: Tokenbench Test',
    `Name-Email: ${email}`,
    'Expire-Date: 0',
    '%commit',
  ].join('\n');
  execFileSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--gen-key'], { env, input: params, stdio: ['pipe', 'ignore', 'ignore'] });
  execFileSync('pass', ['init', email], { env, stdio: 'ignore' });
  const killAgent = () => execFileSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' });
  return {
    env,
    insert(entry, content) {
      execFileSync('pass', ['insert', '--multiline', entry], { env, input: content, stdio: ['pipe', 'ignore', 'ignore'] });
      // A fresh agent: nothing unlocked is cached from the insert.
      killAgent();
    },
    dispose() {
      killAgent();
      home.remove();
    },
  };
}

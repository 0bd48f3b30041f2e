/**
 * A private Secret Service: a D-Bus session bus of our own and gnome-keyring-daemon on it,
 * unlocked with a throwaway password. Nothing touches the user's real keyring.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempHome } from './temp-home';

export interface SecretServiceSession {
  env: NodeJS.ProcessEnv;
  store(attributes: string[], value: string): void;
  /** Locks the default collection, as a screen lock would. */
  lock(): void;
  dispose(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSecretService(): Promise<SecretServiceSession> {
  const home = tempHome('keyring');
  const runtime = path.join(home.dir, 'run');
  fs.mkdirSync(runtime, { mode: 0o700 });
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1', `--address=unix:path=${path.join(runtime, 'bus')}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    bus.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
    bus.once('exit', (code) => reject(new Error(`dbus-daemon ended (${code})`)));
  });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home.dir, XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: path.join(home.dir, 'data'), DBUS_SESSION_BUS_ADDRESS: address };
  execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--daemonize'], { env, input: 'keyring-test-password', stdio: ['pipe', 'ignore', 'ignore'] });
  // The daemon registers its bus name shortly after it forks.
  for (let i = 0; i < 100; i++) {
    if (spawnSync('secret-tool', ['search', 'probe', 'probe'], { env }).status !== null) break;
    await sleep(50);
  }
  const dbus = (member: string, args: string[]) =>
    execFileSync('dbus-send', ['--session', '--dest=org.freedesktop.secrets', '--type=method_call', '--print-reply', '/org/freedesktop/secrets', `org.freedesktop.Secret.Service.${member}`, ...args], { env, stdio: 'ignore' });
  return {
    env,
    store(attributes, value) {
      execFileSync('secret-tool', ['store', '--label=tokenbench test', ...attributes], { env, input: value, stdio: ['pipe', 'ignore', 'ignore'] });
    },
    lock: () => dbus('Lock', ['array:objpath:/org/freedesktop/secrets/collection/login']),
    dispose() {
      // gnome-keyring-daemon ends with its bus.
      bus.kill();
      home.remove();
    },
  };
}

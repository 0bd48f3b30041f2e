/**
 * The OS keychain on Linux: the Secret Service (GNOME Keyring, KeePassXC's integration, KWallet)
 * through libsecret's `secret-tool`, by attributes. `secret-tool lookup` answers a locked
 * collection and a missing item alike (exit 1, nothing said), so a failed look-up is followed by
 * a `search`, which names a locked item.
 */
import type { SecretReference } from '../../../shared/domain/secret-reference';
import { sourceError, type SecretSource } from './source';
import { complaint, runTool, ToolNotFound } from './run-tool';

type KeychainReference = Extract<SecretReference, { source: 'keychain' }>;

export const keychainSource: SecretSource<KeychainReference> = {
  name: 'keychain',
  describe: (reference) => `the keychain item ${reference.attributes.map(([name, value]) => `${name}=${value}`).join(', ')}`,
  async read(reference, context) {
    const what = this.describe(reference);
    const attributes = reference.attributes.flat();
    const run = (command: 'lookup' | 'search') => runTool('secret-tool', [command, ...attributes], { env: context.env, timeoutMs: context.timeoutMs });
    let lookup;
    try {
      lookup = await run('lookup');
    } catch (error) {
      if (error instanceof ToolNotFound) throw sourceError('missing', 'keychain', `${what} cannot be read: secret-tool is not installed.`, 'Install libsecret-tools (Debian/Ubuntu) or libsecret (Fedora).');
      throw error;
    }
    if (lookup.timedOut) throw sourceError('locked', 'keychain', `The keychain did not answer within ${Math.round(context.timeoutMs / 1000)} s for ${what}; it may be waiting for you to unlock it.`, 'Unlock your keyring, then try again.');
    if (lookup.exitCode === 0 && lookup.stdout !== '') return lookup.stdout;
    const said = complaint(lookup);
    if (/could not connect|dbus|autolaunch|org\.freedesktop\.secrets|not provided by any/i.test(lookup.stderr)) {
      throw sourceError('missing', 'keychain', `${what} cannot be read: no keychain (Secret Service) is running in this session (${said}).`, 'Start your desktop keyring (gnome-keyring, KeePassXC with Secret Service, KWallet); on a server use another source, e.g. env: or vault:.');
    }
    const search = await run('search');
    if (/locked/i.test(search.stderr) || search.stdout.includes('[/')) {
      throw sourceError('locked', 'keychain', `${what} cannot be read: the keyring that holds it is locked.`, 'Unlock your keyring (log in to the desktop, or open Passwords and Keys), then try again.');
    }
    throw sourceError('not-found', 'keychain', `${what} does not exist in the keychain.`, `Store it with: secret-tool store --label=NAME ${attributes.join(' ')}`);
  },
};

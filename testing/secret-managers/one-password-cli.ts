/**
 * A stand-in for the 1Password CLI that keeps `op read`'s documented contract: `op read
 * [--no-newline] op://Vault/Item/field` prints the field (plus a newline unless told not to) and
 * exits 0; otherwise it prints `[ERROR] <time> <reason>` on stderr and exits 1. It is signed in
 * when OP_SERVICE_ACCOUNT_TOKEN is set, as a service account in CI would be. No real `op` can be
 * installed here (it is not in the machine's package registries).
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempHome } from './temp-home';

export interface FakeOpCli {
  /** PATH with the stand-in first, and OP_SERVICE_ACCOUNT_TOKEN when signed in. */
  env(options: { signedIn: boolean }): NodeJS.ProcessEnv;
  dispose(): void;
}

const SCRIPT = `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
const fail = (reason) => { process.stderr.write('[ERROR] 2026/11/30 09:00:00 ' + reason + '\\n'); process.exit(1); };
if (args[0] !== 'read') fail('unknown command "' + args[0] + '" for "op"');
const noNewline = args.includes('--no-newline') || args.includes('-n');
const uri = args.slice(1).find((a) => !a.startsWith('-'));
if (!uri || !uri.startsWith('op://')) fail('invalid secret reference: secret reference must start with op://');
if (!process.env.OP_SERVICE_ACCOUNT_TOKEN) fail('You are not currently signed in. Please run \`op signin --help\` for instructions');
const items = JSON.parse(fs.readFileSync(process.env.TOKENBENCH_OP_ITEMS, 'utf8'));
const [vault, item, field] = uri.slice(5).split('/');
if (!(vault in items)) fail('could not read secret \\'' + uri + '\\': "' + vault + '" isn\\'t a vault in this account. Specify the vault with its ID or name.');
if (!(item in items[vault])) fail('could not read secret \\'' + uri + '\\': could not get item ' + vault + '/' + item + ': "' + item + '" isn\\'t an item in the "' + vault + '" vault. Specify the item with its UUID, name, or domain.');
if (!(field in items[vault][item])) fail('could not read secret \\'' + uri + '\\': could not get field ' + field + ': "' + field + '" isn\\'t a field in the "' + item + '" item.');
process.stdout.write(items[vault][item][field] + (noNewline ? '' : '\\n'));
`;

/** `items`: vault -> item -> field -> value. */
export function createFakeOpCli(items: Record<string, Record<string, Record<string, string>>>): FakeOpCli {
  const home = tempHome('op');
  const bin = path.join(home.dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'op'), SCRIPT, { mode: 0o755 });
  const itemsFile = path.join(home.dir, 'items.json');
  fs.writeFileSync(itemsFile, JSON.stringify(items), { mode: 0o600 });
  return {
    env: ({ signedIn }) => ({
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      TOKENBENCH_OP_ITEMS: itemsFile,
      ...(signedIn ? { OP_SERVICE_ACCOUNT_TOKEN: 'ops_test-service-account' } : {}),
    }),
    dispose: () => home.remove(),
  };
}

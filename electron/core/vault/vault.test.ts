import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createManualClock } from '../clock';
import { withChecksum } from '../store/integrity';
import { DEFAULT_SCRYPT } from './kdf';
import { TEST_SCRYPT, hashDir, tempDir, testKeychain } from '../../../testing/vault';
import { createVault, type VaultOptions } from './vault';

const PASSPHRASE = 'correct horse battery staple';
const SECRET = 'canary-secret-7f3a9c1e55d0';

function open(dataDir: string, extra: Partial<VaultOptions> = {}) {
  return createVault({ dataDir, problems: [], scryptCost: TEST_SCRYPT, ...extra });
}

async function vaultWithSecret(extra: Partial<VaultOptions> = {}) {
  const dataDir = tempDir();
  const vault = open(dataDir, extra);
  await vault.setup({ passphrase: PASSPHRASE });
  await vault.secrets.write({ 'env/e1/API_KEY': SECRET, 'env/e1/OTHER': 'other-secret-value-123' });
  return { dataDir, vault };
}

async function failure(promiseOrFn: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a failure');
}

/**
 * Changes a data file the way an attacker would: with its checksum computed again (anyone who can
 * write the file can), so what is left to catch the change is the encryption.
 */
function editJson<T extends Record<string, unknown>>(file: string, edit: (data: T) => void) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(data);
  fs.writeFileSync(file, JSON.stringify(withChecksum(data, data.integrity.generation)));
}

describe('vault', () => {
  it('keeps secret values encrypted on disk and readable once unlocked', async () => {
    const { dataDir, vault } = await vaultWithSecret();
    expect(vault.status()).toMatchObject({ state: 'unlocked', unlockMethods: ['passphrase'] });
    for (const file of fs.readdirSync(dataDir)) expect(fs.readFileSync(path.join(dataDir, file), 'utf8')).not.toContain(SECRET);
    const sealed = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).entries['env/e1/API_KEY'];
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+$/);

    const reopened = open(dataDir);
    expect(reopened.status().state).toBe('locked');
    await reopened.unlock({ passphrase: PASSPHRASE });
    expect(reopened.secrets.read('env/e1/API_KEY', 'API_KEY')).toBe(SECRET);
  });

  it('refuses every secret operation while locked, saying how to unlock', async () => {
    const { vault } = await vaultWithSecret();
    vault.lock();
    for (const attempt of [() => vault.secrets.read('env/e1/API_KEY', 'API_KEY'), () => vault.secrets.write({ x: 'y' }), () => vault.secrets.remove(() => true)]) {
      const error = await failure(attempt);
      expect(error.code).toBe('vault-locked');
      expect(error.hint).toMatch(/passphrase/);
    }
  });

  it('decrypts lazily: unlocking opens only the data key', async () => {
    const { dataDir } = await vaultWithSecret();
    const vault = open(dataDir);
    await vault.unlock({ passphrase: PASSPHRASE });
    expect(vault.redactor.text(`key=${SECRET}`)).toBe(`key=${SECRET}`);
    vault.secrets.read('env/e1/API_KEY', 'API_KEY');
    expect(vault.redactor.text(`key=${SECRET}`)).toBe('key=••••');
    vault.lock();
    expect(vault.redactor.text(`key=${SECRET}`)).toBe(`key=${SECRET}`);
  });

  it('tells a wrong passphrase apart and changes nothing on disk', async () => {
    const { dataDir } = await vaultWithSecret();
    const before = hashDir(dataDir);
    const error = await failure(open(dataDir).unlock({ passphrase: 'not the passphrase' }));
    expect(error.code).toBe('vault-wrong-passphrase');
    expect(error.message).toBe('That passphrase does not unlock this vault.');
    expect(hashDir(dataDir)).toBe(before);
  });

  it('detects a flipped bit in a stored secret, and changes nothing on disk', async () => {
    const { dataDir } = await vaultWithSecret();
    const file = path.join(dataDir, 'secrets.json');
    editJson<{ entries: Record<string, string> }>(file, (data) => {
      const raw = Buffer.from(data.entries['env/e1/API_KEY']!.slice(3), 'base64');
      raw[raw.length - 1]! ^= 0x01;
      data.entries['env/e1/API_KEY'] = `v1:${raw.toString('base64')}`;
    });
    const before = hashDir(dataDir);
    const vault = open(dataDir);
    await vault.unlock({ passphrase: PASSPHRASE });
    const error = await failure(() => vault.secrets.read('env/e1/API_KEY', 'the secret API_KEY'));
    expect(error.code).toBe('vault-tampered');
    expect(error.message).toContain('the secret API_KEY failed its integrity check');
    expect(vault.secrets.read('env/e1/OTHER', 'OTHER')).toBe('other-secret-value-123');
    expect(hashDir(dataDir)).toBe(before);
  });

  it('refuses a ciphertext moved to another entry', async () => {
    const { dataDir } = await vaultWithSecret();
    editJson<{ entries: Record<string, string> }>(path.join(dataDir, 'secrets.json'), (data) => {
      data.entries['env/e1/OTHER'] = data.entries['env/e1/API_KEY']!;
    });
    const vault = open(dataDir);
    await vault.unlock({ passphrase: PASSPHRASE });
    expect((await failure(() => vault.secrets.read('env/e1/OTHER', 'OTHER'))).code).toBe('vault-tampered');
  });

  it('says a tampered vault key is a damaged vault.json, and how to put it right, never "set the value again"', async () => {
    const { dataDir } = await vaultWithSecret();
    const file = path.join(dataDir, 'vault.json');
    editJson<{ slots: Array<{ wrappedKey: string }> }>(file, (vaultJson) => {
      const raw = Buffer.from(vaultJson.slots[0]!.wrappedKey.slice(3), 'base64');
      raw[raw.length - 1]! ^= 0x01;
      vaultJson.slots[0]!.wrappedKey = `v1:${raw.toString('base64')}`;
    });
    const before = hashDir(dataDir);
    const error = await failure(open(dataDir).unlock({ passphrase: PASSPHRASE }));
    expect(error.code).toBe('vault-tampered');
    expect(error.message).toMatch(/^vault\.json is damaged or was changed outside Tokenbench: the passphrase is right/);
    expect(error.hint).toContain('vault.json.bak');
    expect(`${error.message} ${error.hint}`).not.toMatch(/set the value again/i);
    expect(hashDir(dataDir)).toBe(before);
    // The copy kept since setup opens the vault.
    fs.copyFileSync(`${file}.bak`, file);
    const reopened = open(dataDir);
    await reopened.unlock({ passphrase: PASSPHRASE });
    expect(reopened.secrets.read('env/e1/API_KEY', 'API_KEY')).toBe(SECRET);
  });

  it('reports a truncated vault file as damaged, without touching it', async () => {
    const { dataDir } = await vaultWithSecret();
    const file = path.join(dataDir, 'vault.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 40));
    fs.rmSync(`${file}.bak`, { force: true });
    const before = hashDir(dataDir);
    const vault = open(dataDir);
    expect(vault.status()).toMatchObject({ state: 'damaged', problem: { code: 'store-corrupt' } });
    expect(vault.status().problem!.message).toContain('vault.json is damaged: it ends early');
    const error = await failure(vault.unlock({ passphrase: PASSPHRASE }));
    expect(error.code).toBe('store-corrupt');
    expect(hashDir(dataDir)).toBe(before);
  });

  it('reports a missing key slot and a key that does not belong, changing nothing', async () => {
    const keychain = testKeychain();
    const dataDir = tempDir();
    await open(dataDir, { keychain }).setup({ useKeychain: true });
    const before = hashDir(dataDir);
    const missing = await failure(open(dataDir).unlock({ passphrase: PASSPHRASE }));
    expect(missing.code).toBe('vault-slot-missing');
    expect(missing.message).toContain('no passphrase');
    const otherMachine = await failure(open(dataDir, { keychain: testKeychain() }).unlock({ method: 'keychain' }));
    expect(otherMachine.code).toBe('vault-keychain-unavailable');
    expect(hashDir(dataDir)).toBe(before);

    // secrets.json from another vault.
    const { dataDir: otherDir } = await vaultWithSecret();
    const { dataDir: mineDir } = await vaultWithSecret();
    fs.copyFileSync(path.join(otherDir, 'secrets.json'), path.join(mineDir, 'secrets.json'));
    const beforeMine = hashDir(mineDir);
    const vault = open(mineDir);
    await vault.unlock({ passphrase: PASSPHRASE });
    expect((await failure(() => vault.secrets.read('env/e1/API_KEY', 'API_KEY'))).code).toBe('vault-key-mismatch');
    expect(hashDir(mineDir)).toBe(beforeMine);
  });

  it('refuses a new vault that would strand secrets sealed by a lost one', async () => {
    const { dataDir } = await vaultWithSecret();
    fs.rmSync(path.join(dataDir, 'vault.json'));
    fs.rmSync(path.join(dataDir, 'vault.json.bak'), { force: true });
    const vault = open(dataDir);
    expect(vault.status().state).toBe('not-set-up');
    expect((await failure(vault.setup({ passphrase: PASSPHRASE }))).code).toBe('vault-key-mismatch');
  });

  it('changes the passphrase by re-wrapping the key: secrets stay byte-identical', async () => {
    const { dataDir, vault } = await vaultWithSecret();
    const secretsBefore = fs.readFileSync(path.join(dataDir, 'secrets.json'));
    expect((await failure(vault.changePassphrase({ current: 'wrong passphrase!', next: 'a brand new passphrase' }))).code).toBe('vault-wrong-passphrase');
    expect((await failure(vault.changePassphrase({ current: PASSPHRASE, next: 'short' }))).code).toBe('vault-weak-passphrase');
    await vault.changePassphrase({ current: PASSPHRASE, next: 'a brand new passphrase' });
    expect(fs.readFileSync(path.join(dataDir, 'secrets.json')).equals(secretsBefore)).toBe(true);
    expect((await failure(open(dataDir).unlock({ passphrase: PASSPHRASE }))).code).toBe('vault-wrong-passphrase');
    const reopened = open(dataDir);
    await reopened.unlock({ passphrase: 'a brand new passphrase' });
    expect(reopened.secrets.read('env/e1/API_KEY', 'API_KEY')).toBe(SECRET);
  });

  it('locks itself after the idle time the user set, and remembers the setting', async () => {
    const time = createManualClock();
    const { dataDir, vault } = await vaultWithSecret({ time });
    const events: string[] = [];
    vault.onChange((status) => events.push(status.state));
    await vault.updateSettings({ autoLockMinutes: 5 });
    expect(vault.status().autoLockAt).toBe(time.now() + 5 * 60_000);
    time.advance(4 * 60_000);
    vault.secrets.read('env/e1/API_KEY', 'API_KEY');
    time.advance(4 * 60_000);
    expect(vault.status().state).toBe('unlocked');
    time.advance(60_000);
    expect(vault.status().state).toBe('locked');
    expect(events.at(-1)).toBe('locked');
    expect(time.pendingTimers()).toBe(0);
    expect(open(dataDir).status().autoLockMinutes).toBe(5);
  });

  it('unlocks with the keychain slot, and explains when the keychain cannot be used', async () => {
    const keychain = testKeychain();
    const dataDir = tempDir();
    await open(dataDir, { keychain }).setup({ passphrase: PASSPHRASE, useKeychain: true });
    const vault = open(dataDir, { keychain });
    expect(vault.status().unlockMethods.sort()).toEqual(['keychain', 'passphrase']);
    await vault.unlock({ method: 'keychain' });
    expect(vault.status().state).toBe('unlocked');

    const noKeychain = await failure(open(tempDir(), { keychain: testKeychain(false) }).setup({ useKeychain: true }));
    expect(noKeychain.code).toBe('vault-keychain-unavailable');
    expect(noKeychain.message).toContain('the test keychain is switched off');
  });

  it('stores OWASP-level scrypt parameters by default', async () => {
    const dataDir = tempDir();
    await createVault({ dataDir, problems: [] }).setup({ passphrase: PASSPHRASE });
    const slot = JSON.parse(fs.readFileSync(path.join(dataDir, 'vault.json'), 'utf8')).slots[0];
    expect(slot.kdf).toMatchObject({ name: 'scrypt', ...DEFAULT_SCRYPT });
    expect(Buffer.from(slot.kdf.salt, 'base64')).toHaveLength(16);
  });
});

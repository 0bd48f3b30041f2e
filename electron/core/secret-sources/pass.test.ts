// The real `pass` on a throwaway GPG key: reads, and says clearly when the key is locked, the
// entry is missing or pass is not installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPassStore, type PassStore } from '../../../testing/secret-managers/pass-store';
import { passSource } from './pass';

const VALUE = 'pass-canary-7f3a9c1e';
const context = (env: NodeJS.ProcessEnv) => ({ env, timeoutMs: 30_000 });

describe('pass', () => {
  let store: PassStore;
  let locked: PassStore;
  beforeAll(() => {
    store = createPassStore();
    store.insert('team/lengow', `${VALUE}\nlogin: ci-bot\n`);
    locked = createPassStore({ locked: true });
    locked.insert('team/lengow', `${VALUE}\n`);
  }, 60_000);
  afterAll(() => {
    store?.dispose();
    locked?.dispose();
  });

  it('reads the first line of an entry', async () => {
    expect(await passSource('pass').read({ source: 'pass', entry: 'team/lengow' }, context(store.env))).toBe(VALUE);
  });

  it('names a missing entry', async () => {
    const failure = passSource('pass').read({ source: 'pass', entry: 'team/nope' }, context(store.env));
    await expect(failure).rejects.toMatchObject({ code: 'secret-source-not-found', message: expect.stringContaining('team/nope') });
  });

  it('says the key is locked when gpg cannot ask for its passphrase, without the value', async () => {
    const error = await passSource('pass').read({ source: 'pass', entry: 'team/lengow' }, context(locked.env)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('GPG key is locked') });
    expect(JSON.stringify(error)).not.toContain(VALUE);
  });

  it('says when the tool is not installed', async () => {
    const failure = passSource('gopass').read({ source: 'gopass', entry: 'team/lengow' }, context({ ...store.env, PATH: '/nonexistent' }));
    await expect(failure).rejects.toMatchObject({ code: 'secret-source-missing', message: expect.stringContaining('gopass is not installed') });
  });
});

// `op read`'s CLI contract served by a stand-in (testing/secret-managers/one-password-cli.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeOpCli } from '../../../testing/secret-managers/one-password-cli';
import { onePasswordSource } from './one-password';

const VALUE = 'op-canary-1c9e44';

describe('1Password (op read)', () => {
  const op = createFakeOpCli({ Team: { Lengow: { credential: VALUE } } });
  afterAll(() => op.dispose());
  const read = (uri: string, signedIn = true) => onePasswordSource.read({ source: '1password', uri }, { env: op.env({ signedIn }), timeoutMs: 30_000 });

  it('reads a field, byte for byte', async () => {
    expect(await read('op://Team/Lengow/credential')).toBe(VALUE);
  });

  it('says when op is not signed in', async () => {
    await expect(read('op://Team/Lengow/credential', false)).rejects.toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('not signed in') });
  });

  it('names a wrong vault, item or field', async () => {
    for (const uri of ['op://Nope/Lengow/credential', 'op://Team/Nope/credential', 'op://Team/Lengow/nope']) {
      await expect(read(uri)).rejects.toMatchObject({ code: 'secret-source-not-found', message: expect.stringContaining(uri) });
    }
  });

  it('says when op is not installed', async () => {
    await expect(onePasswordSource.read({ source: '1password', uri: 'op://Team/Lengow/credential' }, { env: { PATH: '/nonexistent' }, timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'secret-source-missing' });
  });
});

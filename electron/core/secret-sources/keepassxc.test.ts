// The real keepassxc-cli on a throwaway database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeePassXcDatabase, type KeePassXcDatabase } from '../../../testing/secret-managers/keepassxc-database';
import { keepassxcSource } from './keepassxc';

const VALUE = 'kdbx-canary-52b1e0';
const context = (env: NodeJS.ProcessEnv) => ({ env: { PATH: process.env.PATH, ...env }, timeoutMs: 30_000 });

describe('KeePassXC', () => {
  let db: KeePassXcDatabase;
  beforeAll(() => {
    db = createKeePassXcDatabase('database-password-1');
    db.add('Team', 'Lengow', VALUE);
  }, 60_000);
  afterAll(() => db?.dispose());
  const reference = (entry = 'Team/Lengow', attribute = 'Password', database?: string) => ({ source: 'keepassxc' as const, database: database ?? db.file, entry, attribute });

  it('reads an entry with the password given on standard input', async () => {
    expect(await keepassxcSource.read(reference(), context({ TOKENBENCH_KEEPASSXC_PASSWORD: db.password }))).toBe(VALUE);
    expect(await keepassxcSource.read(reference('Team/Lengow', 'Title'), context({ TOKENBENCH_KEEPASSXC_PASSWORD: db.password }))).toBe('Lengow');
  });

  it('says the database is locked without a password, and with a wrong one', async () => {
    await expect(keepassxcSource.read(reference(), context({}))).rejects.toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('locked') });
    await expect(keepassxcSource.read(reference(), context({ TOKENBENCH_KEEPASSXC_PASSWORD: 'wrong' }))).rejects.toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('did not open') });
  });

  it('names a missing entry, attribute and database file', async () => {
    const env = context({ TOKENBENCH_KEEPASSXC_PASSWORD: db.password });
    await expect(keepassxcSource.read(reference('Team/Nope'), env)).rejects.toMatchObject({ code: 'secret-source-not-found', message: expect.stringContaining('Team/Nope') });
    await expect(keepassxcSource.read(reference('Team/Lengow', 'Nope'), env)).rejects.toMatchObject({ code: 'secret-source-not-found' });
    await expect(keepassxcSource.read(reference('Team/Lengow', 'Password', `${db.file}.missing`), env)).rejects.toMatchObject({ code: 'secret-source-not-found', message: expect.stringContaining('no database file') });
  });
});

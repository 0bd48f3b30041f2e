// The resolver: parses, picks the source, keeps values in memory briefly, masks them, forgets.
import { describe, expect, it } from 'vitest';
import { parseSecretReference } from '../../../shared/domain/secret-reference';
import { createSecretResolver } from './resolver';

describe('secret references', () => {
  it('parses each form and refuses unknown or malformed ones with the reason', () => {
    expect(parseSecretReference('pass:team/lengow')).toEqual({ source: 'pass', entry: 'team/lengow' });
    expect(parseSecretReference('keepassxc:/x/team.kdbx#Team/Lengow@UserName')).toEqual({ source: 'keepassxc', database: '/x/team.kdbx', entry: 'Team/Lengow', attribute: 'UserName' });
    expect(parseSecretReference('keepassxc:/x/team.kdbx#Team/Lengow')).toMatchObject({ attribute: 'Password' });
    expect(parseSecretReference('op://Team/Lengow/credential')).toEqual({ source: '1password', uri: 'op://Team/Lengow/credential' });
    expect(parseSecretReference('vault:secret/team/lengow#client_secret')).toEqual({ source: 'vault', mount: 'secret', path: 'team/lengow', field: 'client_secret' });
    expect(parseSecretReference('env:LENGOW_SECRET')).toEqual({ source: 'env', name: 'LENGOW_SECRET' });
    expect(parseSecretReference('keychain:service=lengow,account=ci')).toEqual({ source: 'keychain', attributes: [['service', 'lengow'], ['account', 'ci']] });
    expect(() => parseSecretReference('s3:bucket/key')).toThrow(/start it with one of pass:/);
    expect(() => parseSecretReference('pass:--help')).toThrow(/may not start with "-"/);
    expect(() => parseSecretReference('op://Team/Lengow')).toThrow(/op:\/\/Vault\/Item\/field/);
    expect(() => parseSecretReference('vault:secret#x')).toThrow(/MOUNT\/PATH#FIELD/);
    expect(() => parseSecretReference('env:A B')).toThrow(/letters, digits/);
  });

  it('reads through the source, remembers the value for masking, reuses it briefly and forgets on demand', async () => {
    let now = 0;
    const remembered: string[] = [];
    const env: NodeJS.ProcessEnv = { TEAM_SECRET: 'first-value' };
    const resolver = createSecretResolver({ env, remember: (v) => remembered.push(v), now: () => now, keepMs: 1000 });
    expect(await resolver.resolve('env:TEAM_SECRET')).toBe('first-value');
    env.TEAM_SECRET = 'second-value';
    expect(await resolver.resolve('env:TEAM_SECRET')).toBe('first-value');
    now = 1000;
    expect(await resolver.resolve('env:TEAM_SECRET')).toBe('second-value');
    env.TEAM_SECRET = 'third-value';
    resolver.forget();
    expect(await resolver.resolve('env:TEAM_SECRET')).toBe('third-value');
    expect(remembered).toEqual(['first-value', 'second-value', 'third-value']);
  });

  it('says a missing variable, and a malformed reference, in the user\'s words', async () => {
    const resolver = createSecretResolver({ env: {}, remember: () => undefined });
    await expect(resolver.resolve('env:NOPE')).rejects.toMatchObject({ code: 'secret-source-not-found', message: 'the environment variable NOPE is not set for Tokenbench.' });
    await expect(resolver.resolve('nope')).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

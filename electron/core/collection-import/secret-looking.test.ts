import { describe, expect, it } from 'vitest';
import { isSecret, looksSecretName, referencedName } from './secret-looking';

describe('secret-looking values', () => {
  it('judges by name, not fooled by URLs and types named after tokens', () => {
    for (const name of ['client_secret', 'clientSecret', 'password', 'api_key', 'X-Api-Key', 'access_token', 'Authorization', 'Cookie', 'privateKey']) expect(looksSecretName(name), name).toBe(true);
    for (const name of ['tokenUrl', 'access_token_url', 'token_type', 'baseUrl', 'username', 'scope', 'authUrl', 'Accept']) expect(looksSecretName(name), name).toBe(false);
  });

  it('judges by value: JWTs, Bearer values and known key prefixes', () => {
    expect(isSecret('x', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig')).toBe(true);
    expect(isSecret('x', 'Bearer abc123')).toBe(true);
    expect(isSecret('x', 'sk_live_abcdef')).toBe(true);
    expect(isSecret('x', 'https://api.example.com')).toBe(false);
  });

  it('a reference to a variable is not a secret in itself', () => {
    expect(isSecret('client_secret', '{{clientSecret}}')).toBe(false);
    expect(isSecret('client_secret', '')).toBe(false);
    expect(referencedName(' {{ clientSecret }} ')).toBe('clientSecret');
    expect(referencedName('Bearer {{t}}')).toBeNull();
  });
});

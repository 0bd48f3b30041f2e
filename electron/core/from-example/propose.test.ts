// The guessing rules one by one: readers, secrets by name and by shape, lifetimes, and bad input.
import { describe, expect, it } from 'vitest';
import { ExampleError } from './example-request';
import { isPlaceholder, looksLikeSecret, variableName } from './lift-values';
import { proposeFromExample } from './propose';
import { readSampleResponse, statedLifetime } from './read-sample-response';

function jwt(claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

function failure(run: () => unknown): ExampleError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExampleError) return error;
    throw error;
  }
  throw new Error('expected an ExampleError');
}

describe('values', () => {
  it('names variables in the user\'s words', () => {
    expect(['client_id', 'Client-Secret', 'X-Api-Key', 'grantType', 'Grant_type', 'access_token', 'pwd_hash'].map(variableName)).toEqual([
      'clientId', 'clientSecret', 'apiKey', 'grantType', 'grantType', 'accessToken', 'pwdHash',
    ]);
  });

  it('tells placeholders from values', () => {
    for (const p of ['<your client secret>', '{{secret}}', '${SECRET}', '$CLIENT_SECRET', 'YOUR_API_KEY', 'xxxx', 'string']) expect(isPlaceholder(p)).toBe(true);
    expect(isPlaceholder('application key', 'client_id')).toBe(true);
    expect(isPlaceholder('username', 'username')).toBe(true);
    for (const v of ['client_credentials', 'da012c0f-b1a7-4f86-8279-3cd69b9185e2', 'johndoe']) expect(isPlaceholder(v, 'x')).toBe(false);
  });

  it('knows secrets by shape', () => {
    expect(looksLikeSecret('da012c0f-b1a7-4f86-8279-3cd69b9185e2')).toBe(true);
    expect(looksLikeSecret('sk_live_51HxYz9aQ2bC3dE4f')).toBe(true);
    expect(looksLikeSecret(jwt({ sub: 'x' }))).toBe(true);
    for (const v of ['client_credentials', 'application/json', 'https://api.example.com/token', 'short1']) expect(looksLikeSecret(v)).toBe(false);
  });

  it('lifts a key-shaped value under an unknown header into a secret, and keeps dialect values', () => {
    const proposal = proposeFromExample({
      example: `curl https://api.example.com/auth -H 'X-Vendor-Key: 9f8e7d6c5b4a39281706f5e4' -H 'X-Client: portal' --data-urlencode 'grant_type=client_credentials'`,
      sampleResponse: '{"access_token": "abc", "expires_in": 60}',
    });
    expect(proposal.recipe.tokenRequest.headers).toEqual({ 'X-Vendor-Key': '{{vendorKey}}', 'X-Client': 'portal' });
    expect(proposal.variables).toContainEqual(expect.objectContaining({ name: 'vendorKey', value: '9f8e7d6c5b4a39281706f5e4', secret: true }));
    for (const guess of proposal.guesses) expect(guess.why.length).toBeGreaterThan(10);
  });

  it('reads -u as HTTP Basic with the client ID and secret', () => {
    const proposal = proposeFromExample({ example: 'curl -u my-client:s3cr3t-value-123 -d grant_type=client_credentials https://id.example.org/oauth2/token' });
    expect(proposal.recipe.tokenRequest.clientAuth).toEqual({ type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' });
    expect(proposal.variables.map((v) => [v.name, v.value, v.secret])).toEqual([
      ['baseUrl', 'https://id.example.org', false],
      ['clientId', 'my-client', false],
      ['clientSecret', 's3cr3t-value-123', true],
    ]);
    // No sample: OAuth2's standard fields, and it says so.
    expect(proposal.guesses.find((g) => g.part === 'tokenResponse')!.why).toMatch(/No sample response/);
  });
});

describe('the sample response', () => {
  it('finds a token one level down, its lifetime as epoch milliseconds, and extras', () => {
    const read = readSampleResponse('{"data": {"jwt": "opaque-token-value-0123456789", "expiry": 1924992000000, "tenant": "acme"}}', '');
    expect(read.response).toMatchObject({ token: 'data.jwt', lifetime: { from: 'expires-at', path: 'data.expiry', format: 'epoch-milliseconds' }, extras: { tenant: 'data.tenant' } });
  });

  it('reads an ISO timestamp with a zone, epoch seconds, and a JWT exp', () => {
    expect(readSampleResponse('{"token": "t", "expires_at": "2030-01-01T00:00:00+02:00"}', '').response.lifetime).toMatchObject({ from: 'expires-at', format: 'iso' });
    expect(readSampleResponse('{"token": "t", "exp": 1924992000}', '').response.lifetime).toMatchObject({ from: 'expires-at', format: 'epoch-seconds' });
    expect(readSampleResponse(`{"id_token": "${jwt({ exp: 1924992000 })}"}`, '').response.lifetime).toEqual({ from: 'jwt-exp' });
  });

  it('takes a lifetime stated in words, else assumes an hour and warns', () => {
    expect(statedLifetime('Access tokens expire 1 hour after creation.')).toMatchObject({ seconds: 3600 });
    expect(statedLifetime('tokens are valid for 15 minutes')).toMatchObject({ seconds: 900 });
    const read = readSampleResponse('{"token": "t"}', '');
    expect(read.response.lifetime).toEqual({ from: 'fixed', seconds: 3600 });
    expect(read.warnings.join(' ')).toMatch(/no lifetime/);
  });

  it('refuses a sample without a token or without JSON', () => {
    expect(failure(() => readSampleResponse('{"ok": true}', '')).message).toMatch(/No token was found/);
    expect(failure(() => readSampleResponse('HTTP/1.1 200 OK', '')).message).toMatch(/no JSON object/);
  });
});

describe('bad input gets a clear error, fast', () => {
  it('says what to paste', () => {
    expect(failure(() => proposeFromExample({ example: '' })).message).toMatch(/Paste the token request/);
    expect(failure(() => proposeFromExample({ example: 'hello world' })).message).toMatch(/cURL command, a raw HTTP request/);
    expect(failure(() => proposeFromExample({ example: "curl 'https://x.example/token" })).message).toMatch(/never closed/);
    expect(failure(() => proposeFromExample({ example: 'DELETE /token HTTP/1.1\nHost: a.example' })).message).toMatch(/not DELETE/);
    expect(failure(() => proposeFromExample({ example: 'curl https://a.example/t -H "Content-Type: text/plain" -d "a b c"' })).message).toMatch(/neither JSON nor form/);
    expect(failure(() => proposeFromExample({ example: 'requests.post(url, data=payload)' })).message).toMatch(/does not show the URL/);
  });

  it('bounds hostile pastes', () => {
    expect(failure(() => proposeFromExample({ example: `curl ${'a'.repeat(200_000)}` })).message).toMatch(/over 100,000 characters/);
    const deep = `requests.post("https://a.example/t", json=${'{"a":'.repeat(1000)}1${'}'.repeat(1000)})`;
    expect(failure(() => proposeFromExample({ example: deep })).message).toMatch(/nests too deeply/);
    const many = `fetch("https://a.example/t", {body: JSON.stringify({${Array.from({ length: 9000 }, (_, i) => `f${i}: 1`).join(',')}})})`;
    expect(failure(() => proposeFromExample({ example: many })).message).toMatch(/too long to read/);
    expect(failure(() => proposeFromExample({ example: 'requests.post("https://a.example/t", data="unclosed)' })).message).toMatch(/never closed/);
  });
});

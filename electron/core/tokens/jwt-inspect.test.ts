// The JWT inspector against real tokens signed with jose and a JWKS served over local HTTP.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { AppError } from '../../../shared/errors';
import { inspectJwt } from './jwt-inspect';

let signing: { privateKey: CryptoKey; publicKey: CryptoKey };
let other: { privateKey: CryptoKey; publicKey: CryptoKey };
let server: http.Server;
let jwksUrl: string;
let baseUrl: string;

const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(key: CryptoKey, claims: Record<string, unknown>, exp: number, kid = 'k1') {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setIssuedAt(nowSeconds() - 10).setExpirationTime(exp).sign(key);
}

beforeAll(async () => {
  signing = await generateKeyPair('RS256', { extractable: true });
  other = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = http.createServer((request, response) => {
    if (request.url === '/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else if (request.url === '/html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  jwksUrl = `${baseUrl}/jwks.json`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('inspectJwt', () => {
  it('decodes header, claims, times, scopes and roles without checking the signature', async () => {
    const exp = nowSeconds() + 600;
    const token = await sign(signing.privateKey, { sub: 'client-42', scope: 'read write', realm_access: { roles: ['admin'] }, roles: ['viewer'] }, exp);
    const result = await inspectJwt(token);
    expect(result.isJwt).toBe(true);
    expect(result.header).toMatchObject({ alg: 'RS256', kid: 'k1' });
    expect(result.claims).toMatchObject({ sub: 'client-42' });
    expect(result.times?.exp).toBe(exp * 1000);
    expect(result.times?.iat).toBeTypeOf('number');
    expect(result.scopes).toEqual(['read', 'write']);
    expect(result.roles).toEqual(['viewer', 'admin']);
    expect(result.signature).toEqual({ checked: false });
  });

  it('finds a valid signature through a JWKS served over HTTP', async () => {
    const token = await sign(signing.privateKey, { sub: 'a' }, nowSeconds() + 600);
    const result = await inspectJwt(token, { jwksUrl });
    expect(result.signature).toMatchObject({ checked: true, valid: true });
  });

  it('reports a token signed with another key as invalid', async () => {
    const token = await sign(other.privateKey, { sub: 'a' }, nowSeconds() + 600);
    const result = await inspectJwt(token, { jwksUrl });
    expect(result.signature).toMatchObject({ checked: true, valid: false });
    if (result.signature.checked) expect(result.signature.detail).toMatch(/does not match/);
  });

  it('says an expired token has a good signature but has expired', async () => {
    const token = await sign(signing.privateKey, { sub: 'a' }, nowSeconds() - 60);
    const result = await inspectJwt(token, { jwksUrl });
    expect(result.signature).toMatchObject({ checked: true, valid: true });
    if (result.signature.checked) expect(result.signature.detail).toMatch(/expired/);
    expect(result.times!.exp!).toBeLessThan(Date.now());
  });

  it('says an opaque value is not a JWT, and an encrypted one cannot be read', async () => {
    const opaque = await inspectJwt('4f0c9a1b2d3e');
    expect(opaque).toMatchObject({ isJwt: false, signature: { checked: false } });
    expect(opaque.reason).toMatch(/not a JWT/);
    expect((await inspectJwt('a.b.c.d.e')).reason).toMatch(/encrypted/);
    expect((await inspectJwt('abc.def.ghi')).reason).toMatch(/not readable JSON/);
  });

  it('checks with a PEM public key, a JWK and an HS256 shared secret', async () => {
    const token = await sign(signing.privateKey, { sub: 'a' }, nowSeconds() + 600);
    const pem = await exportSPKI(signing.publicKey);
    expect((await inspectJwt(token, { key: pem })).signature).toMatchObject({ valid: true });
    expect((await inspectJwt(token, { key: await exportSPKI(other.publicKey) })).signature).toMatchObject({ valid: false });
    expect((await inspectJwt(token, { key: JSON.stringify(await exportJWK(signing.publicKey)) })).signature).toMatchObject({ valid: true });

    const secret = 'a shared secret of at least thirty-two bytes!';
    const hs = await new SignJWT({ sub: 'b' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
    expect((await inspectJwt(hs, { key: secret })).signature).toMatchObject({ valid: true });
    expect((await inspectJwt(hs, { key: 'another secret entirely, also long enough' })).signature).toMatchObject({ valid: false });
  });

  it('refuses keys that cannot check the signature, without echoing them', async () => {
    const token = await sign(signing.privateKey, { sub: 'a' }, nowSeconds() + 600);
    const notAKey = 'sup3r-secret-looking-text';
    const error = await inspectJwt(token, { key: notAKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).not.toContain(notAKey);
    await expect(inspectJwt(token, { key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----' })).rejects.toThrow(/private key/);
  });

  it('explains a JWKS address that does not serve a key set', async () => {
    const token = await sign(signing.privateKey, { sub: 'a' }, nowSeconds() + 600);
    await expect(inspectJwt(token, { jwksUrl: `${baseUrl}/missing?secret=x` })).rejects.toThrow(/could not be read/);
    const html = await inspectJwt(token, { jwksUrl: `${baseUrl}/html` }).catch((e: unknown) => e as AppError);
    expect(html).toBeInstanceOf(AppError);
    expect((html as AppError).message).not.toContain('secret=');
  });
});

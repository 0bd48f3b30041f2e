import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor';

describe('the vault\'s secret memory', () => {
  it('masks nothing until a value is remembered, and every encoding of it afterwards, without tails', () => {
    const memory = createRedactor();
    const secret = 'Vault-Secret/42+x';
    expect(memory.redact(secret)).toBe(secret);
    memory.remember(secret);
    expect(memory.redact(`a ${secret} b ${secret}`)).toBe('a •••• b ••••');
    expect(memory.redact(encodeURIComponent(secret))).toBe('••••');
    expect(memory.redact(Buffer.from(secret).toString('base64url'))).toBe('••••');
    expect(memory.redact(Buffer.from(`client:${secret}`).toString('base64'))).toContain('••••');
    expect(memory.redact(secret.toLowerCase())).toBe('••••');
    expect(memory.redact(JSON.stringify({ v: 'say "hi" \\ now' }))).toBe(JSON.stringify({ v: 'say "hi" \\ now' }));
  });

  it('masks values holding JSON and regex metacharacters in JSON text', () => {
    const memory = createRedactor();
    memory.remember('a"b\\c.d*');
    expect(memory.redact(JSON.stringify({ v: 'a"b\\c.d*' }))).toBe('{"v":"••••"}');
    expect(memory.redact('aXb\\c.d*')).toBe('aXb\\c.d*');
  });

  it('masks 4-character values but not 3-character ones', () => {
    const memory = createRedactor();
    memory.remember('abc');
    memory.remember('wxyz');
    expect(memory.redact('abc wxyz')).toBe('abc ••••');
  });

  it('masks a value containing another whole', () => {
    const memory = createRedactor();
    memory.remember('inner');
    memory.remember('outer-inner-outer');
    expect(memory.redact('outer-inner-outer')).toBe('••••');
  });

  it('forgets every value when the vault locks', () => {
    const memory = createRedactor();
    memory.remember('forgotten-secret');
    memory.forgetAll();
    expect(memory.redact('forgotten-secret')).toBe('forgotten-secret');
  });
});

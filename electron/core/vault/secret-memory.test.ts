import { describe, expect, it } from 'vitest';
import { Redactor } from '../engine/redact';

/** As the vault holds it: no tails, since its messages mix values of many environments. */
const createRedactor = () => new Redactor([], { showTail: false });

describe('the vault\'s secret memory', () => {
  it('masks nothing until a value is remembered, and every encoding of it afterwards, without tails', () => {
    const memory = createRedactor();
    const secret = 'Vault-Secret/42+x';
    expect(memory.text(secret)).toBe(secret);
    memory.add(secret);
    expect(memory.text(`a ${secret} b ${secret}`)).toBe('a •••• b ••••');
    expect(memory.text(encodeURIComponent(secret))).toBe('••••');
    expect(memory.text(Buffer.from(secret).toString('base64url'))).toBe('••••');
    expect(memory.text(Buffer.from(`client:${secret}`).toString('base64'))).toContain('••••');
    expect(memory.text(secret.toLowerCase())).toBe('••••');
    expect(memory.text(JSON.stringify({ v: 'say "hi" \\ now' }))).toBe(JSON.stringify({ v: 'say "hi" \\ now' }));
  });

  it('masks values holding JSON and regex metacharacters in JSON text', () => {
    const memory = createRedactor();
    memory.add('a"b\\c.d*');
    expect(memory.text(JSON.stringify({ v: 'a"b\\c.d*' }))).toBe('{"v":"••••"}');
    expect(memory.text('aXb\\c.d*')).toBe('aXb\\c.d*');
  });

  it('masks 4-character values but not 3-character ones', () => {
    const memory = createRedactor();
    memory.add('abc');
    memory.add('wxyz');
    expect(memory.text('abc wxyz')).toBe('abc ••••');
  });

  it('masks a value containing another whole', () => {
    const memory = createRedactor();
    memory.add('inner');
    memory.add('outer-inner-outer');
    expect(memory.text('outer-inner-outer')).toBe('••••');
  });

  it('forgets every value when the vault locks', () => {
    const memory = createRedactor();
    memory.add('forgotten-secret');
    memory.forgetAll();
    expect(memory.text('forgotten-secret')).toBe('forgotten-secret');
  });
});

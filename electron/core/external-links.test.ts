import { expect, it } from 'vitest';
import { externalLinkTarget } from './external-links';

it('opens https links only, normalized', () => {
  expect(externalLinkTarget('https://docs.example.com/oauth#token')).toBe('https://docs.example.com/oauth#token');
  expect(externalLinkTarget('HTTPS://Docs.Example.com')).toBe('https://docs.example.com/');
});

it('refuses other schemes, embedded credentials and malformed links', () => {
  for (const link of [
    'http://docs.example.com/',
    'file:///etc/passwd',
    'smb://attacker/share',
    'javascript:alert(1)',
    'ms-settings:',
    'vscode://file/etc/passwd',
    'https://user:pass@docs.example.com/',
    'https://docs.example.com@evil.example/',
    'not a link',
    '',
  ]) {
    expect(externalLinkTarget(link), link).toBeNull();
  }
});

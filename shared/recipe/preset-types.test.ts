import { describe, expect, it } from 'vitest';
import { findPreset, presetAllowedHosts } from './presets';

describe('presetAllowedHosts', () => {
  const lemonway = findPreset('lemonway')!;
  const landax = findPreset('landax')!;

  it('suggests the vendor hosts of the kind of environment', () => {
    expect(presetAllowedHosts(lemonway, false)).not.toEqual(presetAllowedHosts(lemonway, true));
    expect(presetAllowedHosts(landax, false)).toEqual(['*.landax.no']);
  });

  it('adds a typed address the vendor hosts do not cover, with its port, and only once', () => {
    expect(presetAllowedHosts(landax, false, { baseUrl: 'http://127.0.0.1:4100/x', username: 'http://a-username-not-an-address' })).toEqual([
      '*.landax.no',
      '127.0.0.1:4100',
    ]);
    expect(presetAllowedHosts(landax, false, { baseUrl: 'https://acme.landax.no' })).toEqual(['*.landax.no']);
  });

  it('looks only at address fields, never at a secret value', () => {
    expect(presetAllowedHosts(landax, false, { password: 'https://evil.example' })).toEqual(['*.landax.no']);
  });
});

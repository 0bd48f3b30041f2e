import { describe, expect, it } from 'vitest';
import type { Credential } from '../../../../shared/domain/credential';
import { findPreset } from '../../../../shared/recipe';
import { variableUsage } from './usage';

function credential(name: string, presetId: string, environmentIds: string[]): Credential {
  const preset = findPreset(presetId)!;
  return { id: name, name, presetId, recipe: preset.recipe, environmentIds, createdAt: '', updatedAt: '' };
}

describe('variableUsage', () => {
  it('lists the credentials of this environment whose recipes reference each variable', () => {
    const usage = variableUsage(
      [credential('Lemonway', 'lemonway', ['sandbox']), credential('Landax', 'landax', ['sandbox']), credential('Lengow', 'lengow', ['prod'])],
      'sandbox',
    );
    expect(usage.get('baseUrl')).toEqual(['Lemonway', 'Landax']);
    expect(usage.get('apiKey')).toEqual(['Lemonway']);
    expect(usage.get('clientSecret')).toEqual(['Landax']);
    // Lengow is used in another environment only; built-ins like {{token}} are not variables.
    expect(usage.has('accessToken')).toBe(false);
    expect(usage.has('token')).toBe(false);
    expect(usage.has('refreshToken')).toBe(false);
  });
});

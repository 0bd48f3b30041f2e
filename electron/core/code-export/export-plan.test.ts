// What goes into an exported file: environment variable names, defaults only for non-secret
// values, refusals in plain words, and TypeScript that passes a strict type-check.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSERTION_AUTH_TYPES, findPreset, PRESETS, RecipeSchema, type Recipe } from '../../../shared/recipe';
import { CodeExportError, environmentVariableName, exportCode } from './export-code';

describe('export plan', () => {
  it('names environment variables after the credential and the recipe\'s variables', () => {
    expect(environmentVariableName('Live Data (service account)', 'clientSecret')).toBe('LIVE_DATA_SERVICE_ACCOUNT_CLIENT_SECRET');
    expect(environmentVariableName('Lemonway', 'apiKey')).toBe('LEMONWAY_API_KEY');
    expect(environmentVariableName('42', 'baseUrl')).toBe('BASE_URL');
  });

  it('writes non-secret values as defaults, never secret ones, and says how to configure it', () => {
    const preset = findPreset('lemonway')!;
    const exported = exportCode({ credentialName: 'Lemonway', recipe: preset.recipe, variables: { baseUrl: { value: 'https://sandbox-api.lemonway.fr', secret: false }, apiKey: { value: 'the-key-0123456789', secret: true } } }, 'python');
    expect(exported.environmentVariables).toEqual([
      { name: 'LEMONWAY_API_KEY', secret: true },
      { name: 'LEMONWAY_BASE_URL', secret: false, default: 'https://sandbox-api.lemonway.fr' },
    ]);
    expect(exported.code).not.toContain('the-key-0123456789');
    expect(exported.code).toMatch(/# +LEMONWAY_API_KEY +secret/);
  });

  it('treats a variable the environment lacks as secret', () => {
    const exported = exportCode({ credentialName: 'X', recipe: findPreset('lemonway')!.recipe, variables: {} }, 'typescript');
    expect(exported.environmentVariables.every((v) => v.secret && v.default === undefined)).toBe(true);
  });

  it('refuses a secret written into the recipe itself, and credentials without a token request', () => {
    const recipe = structuredClone(findPreset('lemonway')!.recipe);
    if (recipe.kind === 'token-request') recipe.tokenRequest.headers['X-Key'] = 'literal-secret-0123';
    expect(() => exportCode({ credentialName: 'X', recipe, variables: {}, secretValues: ['literal-secret-0123'] }, 'typescript')).toThrow(/Move it into a secret variable/);
    expect(() => exportCode({ credentialName: 'Key', recipe: findPreset('static-api-key')!.recipe, variables: {} }, 'python')).toThrow(CodeExportError);
    expect(() => exportCode({ credentialName: 'Signed', recipe: findPreset('oauth2-private-key-jwt')!.recipe, variables: {} }, 'typescript')).toThrow(/signs a client assertion/);
    expect(() => exportCode({ credentialName: 'Signed', recipe: findPreset('oauth2-client-secret-jwt')!.recipe, variables: {} }, 'python')).toThrow(/signs a client assertion/);
    const bound = RecipeSchema.parse({ ...findPreset('oauth2-client-credentials-basic')!.recipe, dpop: { algorithm: 'ES256' }, use: undefined });
    expect(() => exportCode({ credentialName: 'Bound', recipe: bound, variables: {} }, 'python')).toThrow(/uses DPoP: each token request and API call carries a proof/);
    expect(() => exportCode({ credentialName: 'Browser', recipe: findPreset('oauth2-authorization-code')!.recipe, variables: {} }, 'typescript')).toThrow(/sign-in in the browser/);
  });

  it('generates TypeScript that passes a strict type-check, for every token preset', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tokenbench-tsc-'));
    try {
      const files = PRESETS.filter((p) => p.recipe.kind === 'token-request' && isExportable(p.recipe)).map((preset) => {
        const file = path.join(folder, `${preset.id}.ts`);
        writeFileSync(file, exportCode({ credentialName: preset.name, recipe: preset.recipe, variables: {} }, 'typescript').code);
        return file;
      });
      const root = path.resolve(__dirname, '../../..');
      const tsc = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['--ignoreConfig', '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--skipLibCheck', '--typeRoots', path.join(root, 'node_modules/@types'), '--types', 'node', ...files], { encoding: 'utf8' });
      expect(tsc.stdout + tsc.stderr).toBe('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Token presets the exported code can serve: no signed client assertion, no browser sign-in. */
function isExportable(recipe: Recipe): boolean {
  return recipe.kind === 'token-request' && !recipe.authorization && !(ASSERTION_AUTH_TYPES as readonly string[]).includes(recipe.tokenRequest.clientAuth.type);
}

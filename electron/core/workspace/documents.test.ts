/** One workspace file as text: stable order, no secrets, and errors that name the line. */
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../shared/domain/environment';
import { environmentFiles, readDocument, writeDocument } from './documents';
import { fileNameFits, safeFileStem, uniqueFileName } from './file-names';

const AT = '2026-01-01T00:00:00.000Z';
const environment: Environment = {
  updatedAt: AT,
  variables: [
    { name: 'baseUrl', value: 'https://api.example.com', secret: false, description: '', hint: null },
    { name: 'secret', value: '', secret: true, description: 'from the portal', hint: '••••9f2c' },
  ],
  name: 'Sandbox',
  id: 'env-1',
  production: false,
  allowedHosts: ['api.example.com'],
  allowInsecureTls: false,
  confirmProduction: true,
  createdAt: AT,
};

describe('workspace documents', () => {
  it('writes name and id first, then keys in code-point order, without times or hints', () => {
    const text = writeDocument(environmentFiles, environment);
    expect(text.split('\n').filter((line) => /^\S/.test(line)).map((line) => line.split(':')[0])).toEqual([
      'name', 'id', 'allowInsecureTls', 'allowedHosts', 'confirmProduction', 'production', 'variables',
    ]);
    expect(text).not.toContain('9f2c');
    expect(text).not.toContain(AT);
    expect(writeDocument(environmentFiles, { ...environment, variables: [...environment.variables] })).toBe(text);
    const back = readDocument(environmentFiles, text, AT);
    expect(back).toEqual({ ok: true, item: { ...environment, variables: environment.variables.map((v) => ({ ...v, hint: null })) } });
  });

  it('names the line of a conflict marker, of a YAML error and of a wrong field', () => {
    expect(readDocument(environmentFiles, 'name: A\nid: a\n<<<<<<< HEAD\nproduction: true\n=======\n', AT)).toMatchObject({ ok: false, line: 3, message: expect.stringContaining('merge conflict') });
    expect(readDocument(environmentFiles, 'name: A\nid: a\nproduction: true: false\n', AT)).toMatchObject({ ok: false, line: 3, message: expect.stringContaining('not valid YAML') });
    expect(readDocument(environmentFiles, 'name: A\nid: a\nvariables:\n  - name: x\n    value: "1"\n    secret: maybe\n', AT)).toMatchObject({ ok: false, line: 6, message: expect.stringContaining('variables.0.secret') });
    expect(readDocument(environmentFiles, '- just\n- a list\n', AT)).toMatchObject({ ok: false, line: 1 });
  });

  it('refuses a secret value written into a file, naming its line and never echoing it', () => {
    const result = readDocument(environmentFiles, 'name: A\nid: a\nvariables:\n  - name: secret\n    secret: true\n    value: s3cr3t-CANARY\n', AT);
    expect(result).toMatchObject({ ok: false, line: 6, message: expect.stringContaining('secret values never go in a workspace folder') });
    expect(JSON.stringify(result)).not.toContain('s3cr3t-CANARY');
  });

  it('makes file names safe and unique from the user names', () => {
    expect(safeFileStem('Orders API (v2)')).toBe('Orders-API-v2');
    expect(safeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileStem('CON')).toBe('CON-file');
    expect(safeFileStem('///')).toBe('unnamed');
    expect(uniqueFileName('Sandbox', new Set(['sandbox.yaml', 'Sandbox-2.yaml']))).toBe('Sandbox-3.yaml');
    expect(fileNameFits('Sandbox-3.yaml', 'Sandbox')).toBe(true);
    expect(fileNameFits('Sandbox.yaml', 'Staging')).toBe(false);
  });
});

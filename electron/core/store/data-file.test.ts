import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { openWorkspace } from './workspace';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-store-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('workspace file', () => {
  it('is created with mode 0600', async () => {
    const workspace = openWorkspace({ dataDir, problems: [] });
    await workspace.update((w) => w);
    expect(fs.statSync(workspace.path).mode & 0o777).toBe(0o600);
  });

  it('keeps a corrupt file aside and reports it instead of wiping it', () => {
    const file = path.join(dataDir, 'workspace.json');
    const garbage = '{"schemaVersion": 1, "environments": [ {"id": "a", ';
    fs.writeFileSync(file, garbage);
    const problems: StoreProblem[] = [];
    const workspace = openWorkspace({ dataDir, problems });

    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('could not be read (it is not valid JSON)');
    expect(fs.readFileSync(problems[0]!.keptAs, 'utf8')).toBe(garbage);
    expect(workspace.read().environments).toEqual([]);
  });

  it('keeps a file of the wrong shape aside too', () => {
    const file = path.join(dataDir, 'workspace.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, environments: [{ name: 42 }] }));
    const problems: StoreProblem[] = [];
    openWorkspace({ dataDir, problems });
    expect(problems[0]!.message).toContain('does not have the expected shape');
    expect(fs.existsSync(problems[0]!.keptAs)).toBe(true);
  });
});

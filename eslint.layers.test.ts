// The layering and no-circle rules, proven on probe files written into the real folders: a wrong
// import and an import circle fail lint, a downward import passes.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.dirname(new URL(import.meta.url).pathname);
const probes: string[] = [];
const eslint = new ESLint({ cwd: root });

function probe(folder: string, files: Record<string, string>): string[] {
  const dir = path.join(root, folder, `lint-probe-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  probes.push(dir);
  return Object.entries(files).map(([name, text]) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  });
}

async function ruleIds(files: string[]): Promise<string[]> {
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}: ${m.ruleId}`)).sort();
}

afterAll(() => {
  for (const dir of probes) fs.rmSync(dir, { recursive: true, force: true });
});

describe('lint keeps the layers one-way', () => {
  it('fails an import that points up a layer', async () => {
    const files = [
      ...probe('electron/core/engine', { 'engine-to-handler.ts': "import { tokenHandlers } from '../../handlers/tokens';\nexport const x = tokenHandlers;\n" }),
      ...probe('electron/core/tokens', { 'domain-to-root.ts': "import { createMainServices } from '../../services';\nexport const x = createMainServices;\n" }),
      ...probe('electron/core/vault', { 'vault-to-domain.ts': "import { findEnvironment } from '../../environments/find';\nexport const x = findEnvironment;\n" }),
      ...probe('electron/cli/batch', { 'cli-to-handler.ts': "import { runnerHandlers } from '../../../core/handlers/runner';\nexport const x = runnerHandlers;\n" }),
    ];
    expect(await ruleIds(files)).toEqual([
      'cli-to-handler.ts: import-x/no-restricted-paths',
      'domain-to-root.ts: import-x/no-restricted-paths',
      'engine-to-handler.ts: import-x/no-restricted-paths',
      'vault-to-domain.ts: import-x/no-restricted-paths',
    ]);
  }, 120_000);

  it('passes an import that points down', async () => {
    const files = probe('electron/core/tokens', { 'domain-to-engine.ts': "import { createTokenEngine } from '../../engine';\nexport const x = createTokenEngine;\n" });
    expect(await ruleIds(files)).toEqual([]);
  }, 120_000);

  it('fails an import circle', async () => {
    const files = probe('electron/cli', {
      'a.ts': "import { b } from './b';\nexport const a = (): unknown => b;\n",
      'b.ts': "import { a } from './a';\nexport const b = (): unknown => a;\n",
    });
    expect(await ruleIds(files)).toEqual(['a.ts: import-x/no-cycle', 'b.ts: import-x/no-cycle']);
  }, 120_000);
});

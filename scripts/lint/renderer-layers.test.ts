/**
 * The renderer's layering rules in eslint.config.js, checked on wrong imports placed in real
 * folders: a feature importing another feature, a floor importing a higher one, an import circle,
 * a main-process call that bypasses lib/api.ts. Each must fail lint; the right imports must not.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

// Linting reads the imported files too; on a busy machine the first lint takes a while.
const SLOW = { timeout: 180_000 };

/** The rules that fire for `code` linted as if it were the file at `path` (from the repo root). */
async function rulesFiredFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('renderer floors', SLOW, () => {
  it('refuses a feature importing another feature, statically or lazily', async () => {
    expect(await rulesFiredFor('renderer/src/features/credentials/Wrong.tsx', "export { useDashboard } from '../dashboard/store';\n")).toContain('import-x/no-restricted-paths');
    expect(await rulesFiredFor('renderer/src/features/dashboard/Wrong.tsx', "export const Inspector = () => import('../inspector/InspectorDialog');\n")).toContain('import-x/no-restricted-paths');
  });

  it('refuses an import that points up a floor', async () => {
    expect(await rulesFiredFor('renderer/src/state/wrong.ts', "export { DashboardView } from '../features/dashboard/DashboardView';\n")).toContain('import-x/no-restricted-paths');
    expect(await rulesFiredFor('renderer/src/components/Wrong.tsx', "export { useVault } from '../state/vault';\n")).toContain('import-x/no-restricted-paths');
    expect(await rulesFiredFor('renderer/src/lib/wrong.ts', "export { useShell } from '../state/shell';\n")).toContain('import-x/no-restricted-paths');
    expect(await rulesFiredFor('renderer/src/features/runner/Wrong.tsx', "export { views } from '../../shell/views';\n")).toContain('import-x/no-restricted-paths');
  });

  it('accepts imports that point down, within a feature, and from the shell into features', async () => {
    const down = [
      "export { useAction } from '../../lib/use-action';",
      "export { useVault } from '../../state/vault';",
      "export { FormActions } from '../../components/FormActions';",
      "export { useDashboard } from './store';",
    ].join('\n');
    expect(await rulesFiredFor('renderer/src/features/dashboard/Right.tsx', `${down}\n`)).toEqual([]);
    expect(await rulesFiredFor('renderer/src/shell/Right.tsx', "export { DashboardView } from '../features/dashboard/DashboardView';\n")).toEqual([]);
  });

  it('refuses an import circle', async () => {
    // TokenStatusView imports countdown, so countdown importing it back closes a circle.
    expect(await rulesFiredFor('renderer/src/features/credentials/countdown.ts', "export { TokenStatusView } from './TokenStatusView';\n")).toContain('import-x/no-cycle');
  });

  it('refuses a main-process call that bypasses lib/api.ts', async () => {
    expect(await rulesFiredFor('renderer/src/features/runner/wrong.ts', 'export const list = () => window.tokenbench.history.list({});\n')).toContain('no-restricted-properties');
  });
});

// Export a credential as code: the plan, the language's generator, and the check that no secret
// value the caller knows is in the file.
import { assertNoSecrets, exportPlan, type CodeLanguage, type ExportInput } from './export-plan';
import { pythonClient } from './python-client';
import { typescriptClient } from './typescript-client';

export { CodeExportError, environmentVariableName, type CodeLanguage, type ExportInput } from './export-plan';

export interface ExportedCode {
  language: CodeLanguage;
  fileName: string;
  code: string;
  /** The environment variables the code reads, with whether each is a secret. */
  environmentVariables: Array<{ name: string; secret: boolean; default?: string }>;
}

export function exportCode(input: ExportInput & { secretValues?: string[] }, language: CodeLanguage): ExportedCode {
  const plan = exportPlan(input, language);
  const code = language === 'typescript' ? typescriptClient(plan) : pythonClient(plan);
  assertNoSecrets(code, input.secretValues ?? []);
  return {
    language,
    fileName: language === 'typescript' ? 'token-client.ts' : 'token_client.py',
    code,
    environmentVariables: plan.variables.map((v) => ({ name: v.env, secret: v.secret, ...(v.default !== undefined ? { default: v.default } : {}) })),
  };
}

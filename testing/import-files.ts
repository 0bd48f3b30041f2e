/** For tests: the realistic import files in testing/fixtures/imports. Not used by the app. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const IMPORT_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/imports');

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(IMPORT_FIXTURES, name), 'utf8');
}

/** Every `CANARY-...` value planted in a fixture: each must end up in the vault or be left out, never in clear. */
export function canariesIn(text: string): string[] {
  return [...new Set(text.match(/CANARY-[A-Za-z0-9-]+/g) ?? [])];
}

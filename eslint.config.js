// Lint, including the layering rules: Electron only in the thin shell, ipcRenderer only in
// the preload, a renderer that imports nothing from the main side, and the main side's layers
// and no import circles (eslint.layers.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './eslint.layers.js';

const electronOnlyInShell = {
  name: 'electron',
  message: 'Electron APIs belong in electron/main or electron/preload only; keep the core electron-free so it runs in the CLI and tests.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'node_modules/**', 'test-results/**', 'bin/**', '.stryker-tmp*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ['ipcRenderer', 'contextBridge'], message: 'ipcRenderer lives in the preload only.' }] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['**/electron/**', '../electron/*'], message: 'The renderer talks to the main process only through window.tokenbench (shared/ipc).' },
            { group: ['node:*'], message: 'The renderer runs in a sandboxed page without Node.' },
          ],
        },
      ],
    },
  },
  ...layers,
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/write-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['**/electron/**'], message: 'shared/ is imported by the renderer: it may not depend on main-side code.' },
            { group: ['node:*'], message: 'shared/ is imported by the renderer: no Node APIs here.' },
          ],
        },
      ],
    },
  },
);

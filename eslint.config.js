// Lint, including the layering rules: Electron only in the thin shell, ipcRenderer only in
// the preload, a renderer that imports nothing from the main side, the main side's layers
// and no import circles (eslint.layers.js), and the renderer's floors (below).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './eslint.layers.js';

/**
 * The renderer's floors, bottom to top, each with the floors it may import (renderer/README.md).
 * The entry (main.tsx) counts as the shell.
 */
const rendererSrc = join(import.meta.dirname, 'renderer/src');
const rendererFloors = {
  lib: [],
  state: ['lib'],
  components: ['lib'],
  features: ['lib', 'state', 'components'],
  shell: ['lib', 'state', 'components', 'features'],
};
const floorPaths = (floor) => (floor === 'shell' ? [join(rendererSrc, 'shell'), join(rendererSrc, 'main.tsx')] : [join(rendererSrc, floor)]);
const rendererFeatures = readdirSync(join(rendererSrc, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const rendererZones = [
  ...Object.entries(rendererFloors).map(([floor, allowed]) => ({
    target: join(rendererSrc, floor),
    from: Object.keys(rendererFloors)
      .filter((other) => other !== floor && !allowed.includes(other))
      .flatMap(floorPaths),
    message: `renderer/src/${floor} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (and shared/): imports point down the floors lib -> state, components -> features -> shell.`,
  })).filter((zone) => zone.from.length > 0),
  ...rendererFeatures.map((feature) => ({
    target: join(rendererSrc, 'features', feature),
    from: join(rendererSrc, 'features'),
    except: [`./${feature}`],
    message: `A feature never imports another feature: move what both need down to state/, components/ or lib/, or let the shell hand it to "${feature}" (props, as shell/views.tsx does).`,
  })),
];

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
            { group: ['**/electron/**', '../electron/*'], message: 'The renderer talks to the main process only through lib/api.ts (typed from shared/ipc).' },
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
  {
    // Floors that only point down, no feature importing another, no import circle, and every
    // main-process call through lib/api.ts.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: rendererZones }],
      'import-x/no-cycle': 'error',
      'no-restricted-properties': ['error', { object: 'window', property: 'tokenbench', message: 'Call the main process through `api` from renderer/src/lib/api.ts, typed from the IPC contract.' }],
    },
  },
  {
    files: ['renderer/src/lib/api.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);

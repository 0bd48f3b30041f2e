// The layers of the main side, as ARCHITECTURE.md draws them: imports only point down, and no
// file takes part in an import circle. A wrong import fails `npm run lint`.
//
//   electron/main, electron/cli       the shell and the CLI (never each other)
//   electron/core/services.ts         the composition root (nothing imports it but the above and tests)
//   handlers/, ipc/                   thin IPC adapters over the domain services
//   domain services                   environments/, credentials/, variables/, tokens/, runner/, ...
//   store/, vault/, engine/           data files, secrets, the token engine
//   http/, clock.ts                   the HTTP client, time (below both the vault and the engine)
//   shared/                           contract and domain types (imported by every side)
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const core = 'electron/core';
const domain = ['environments', 'credentials', 'variables', 'tokens', 'runner', 'portability', 'allowed-hosts', 'demo', 'from-example', 'code-export', 'collection-import', 'discovery', 'secret-sources', 'fleet', 'workspace', 'token-admin', 'client-tls'].map((d) => `${core}/${d}`);
const domainFiles = [`${core}/context.ts`, `${core}/domain-services.ts`];
const adapters = [`${core}/handlers`, `${core}/ipc`];
const root = `${core}/services.ts`;
const mechanisms = ['store', 'vault', 'engine'].map((d) => `${core}/${d}`);

const up = (message) => (from) => ({ from, message });
const zone = (target, froms, message) => froms.map(up(message)).map((z) => ({ target, ...z }));

export const layerZones = [
  // Nothing in the core reaches up to the shell, the CLI or the window.
  ...zone(core, ['electron/main', 'electron/preload', 'electron/cli', 'renderer'], 'electron/core is below the shell and the CLI: pass what it needs in, do not import them.'),
  ...zone('electron/cli', ['electron/main', 'electron/preload', 'renderer', ...adapters], 'The CLI calls the domain services (through createMainServices), never the IPC handlers or the shell.'),
  ...zone('electron/main', ['electron/cli', 'renderer'], 'The Electron shell does not use the CLI or the renderer\'s code.'),
  // Below the composition root: nothing imports services.ts.
  ...[...adapters, ...domain, ...domainFiles, ...mechanisms, `${core}/http`].flatMap((target) =>
    zone(target, [root], 'Only the shell, the CLI and tests import the composition root (services.ts); take what you need as a parameter.'),
  ),
  // Domain services sit below the IPC adapters.
  ...[...domain, ...domainFiles, ...mechanisms, `${core}/http`].flatMap((target) =>
    zone(target, adapters, 'Handlers are thin adapters above the domain services: move what you need down into a service.'),
  ),
  // Data files, the vault and the engine sit below the domain services.
  ...[...mechanisms, `${core}/http`].flatMap((target) =>
    zone(target, [...domain, ...domainFiles], 'store/, vault/, engine/ and http/ sit below the domain services: pass what they need in.'),
  ),
  // The engine and the vault are siblings; the data files know neither; HTTP knows nothing above it.
  ...zone(`${core}/engine`, [`${core}/vault`, `${core}/store`], 'The token engine gets its cache and guard store injected; it does not import the vault or the data files.'),
  ...zone(`${core}/store`, [`${core}/vault`, `${core}/engine`], 'Data files know nothing of the vault or the engine.'),
  { target: `${core}/vault`, from: `${core}/engine`, except: ['./redact.ts'], message: 'The vault uses only the one redaction module of the engine; time is ../clock.ts.' },
  ...zone(`${core}/http`, mechanisms, 'http/ is the bottom layer of the core.'),
];

const settings = {
  'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
  // Read TypeScript files when following imports, so circles through them are seen.
  'import-x/extensions': ['.ts', '.tsx', '.js'],
  'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
};

/** Test files and test kits may reach any layer (an integration test starts the whole app). */
const testFiles = ['**/*.test.ts', '**/*.fixture.ts', 'testing/**', 'e2e/**'];

export default [
  {
    files: ['electron/**/*.ts'],
    ignores: testFiles,
    plugins: { 'import-x': importX },
    settings,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', 'testing/**/*.ts'],
    plugins: { 'import-x': importX },
    settings,
    // Value imports are followed; type-only imports are not (they vanish when built).
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
];

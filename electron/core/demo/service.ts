/**
 * The built-in demo: `start` creates the Demo environment (variables, secrets
 * in the vault) and its two credentials, then starts the demo server; `demo:remove` stops it and
 * deletes them; `hello` makes an authenticated call to the demo API.
 *
 * The demo server runs only while the demo is in use. After an app restart it is started again on
 * demand (`start` or `hello`), on a new port with new secrets, and the environment's
 * variables are updated to match.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Recipe } from '../../../shared/recipe';
import type { DemoCallResult, DemoStatus } from '../../../shared/ipc/domains/demo';
import type { TokenKey } from '../../../shared/domain/token';
import type { DataFile } from '../store/data-file';
import { DEMO_CREDENTIALS, DEMO_ENVIRONMENT_NAMES, DEMO_VARIABLES } from './recipes';
import { startDemoServer, type DemoServer } from './server';
import type { DemoFile, DemoRecord } from './state';

export interface DemoVariable {
  name: string;
  value: string;
  secret: boolean;
  description: string;
}

/** What the demo needs from the rest of the core; the composition root wires these. */
export interface DemoDeps {
  /** `openDemoFile(...)` from `demo/state.ts`. */
  file: DataFile<DemoFile>;
  environmentExists(environmentId: string): boolean;
  credentialExists(credentialId: string): boolean;
  /** Creates a (non-production) environment; throws AppError('conflict') when the name is taken. */
  createEnvironment(name: string): Promise<{ id: string }>;
  deleteEnvironment(environmentId: string): Promise<void>;
  /** Adds or replaces these variables; secret values go to the vault (throws AppError('vault-locked') while locked). */
  setVariables(environmentId: string, variables: DemoVariable[]): Promise<void>;
  /**
   * Sets the environment's allowed hosts to exactly `hosts`. The demo server is the main
   * process's own and moves to a new port at each start, so its environment follows it without
   * asking (the renderer cannot reach this).
   */
  setAllowedHosts(environmentId: string, hosts: string[]): Promise<void>;
  createCredential(input: { name: string; recipe: Recipe; environmentIds: string[] }): Promise<{ id: string }>;
  deleteCredential(credentialId: string): Promise<void>;
  /** An API request with the credential's token attached (the token service's authenticatedRequest). */
  callApi(key: TokenKey, request: { method: 'GET'; url: string }): Promise<DemoCallResult>;
  /** Lifetime of the demo OAuth2 token; default TOKENBENCH_DEMO_LIFETIME_SECONDS or 40. */
  lifetimeSeconds?: number;
}

export interface DemoService {
  status(): Promise<DemoStatus>;
  start(): Promise<DemoStatus>;
  remove(): Promise<DemoStatus>;
  /** An authenticated call to the demo API with one of the demo's credentials. */
  hello(credentialId: string): Promise<DemoCallResult>;
  /** Stops the demo server (the app is quitting). */
  dispose(): Promise<void>;
}

export const DEFAULT_DEMO_LIFETIME_SECONDS = 40;

export function demoLifetimeSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TOKENBENCH_DEMO_LIFETIME_SECONDS;
  if (raw === undefined || raw === '') return DEFAULT_DEMO_LIFETIME_SECONDS;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 4 || seconds > 86_400) {
    throw new AppError('invalid-request', `TOKENBENCH_DEMO_LIFETIME_SECONDS is "${raw}", not a whole number of seconds between 4 and 86400.`, {
      hint: 'Unset it to use the default of 40 s.',
    });
  }
  return seconds;
}

const secretValue = () => randomBytes(18).toString('base64url');

export function createDemoService(deps: DemoDeps): DemoService {
  let server: DemoServer | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const lifetimeSeconds = () => deps.lifetimeSeconds ?? demoLifetimeSeconds();

  /** One demo action at a time: two windows pressing "Try the demo" get one demo. */
  function serial<T>(action: () => Promise<T>): Promise<T> {
    const next = queue.then(action, action);
    queue = next.catch(() => undefined);
    return next;
  }

  /** The stored demo, if its environment still exists (the user may have deleted it). */
  function installed(): DemoRecord | null {
    const record = deps.file.read().demo;
    return record && deps.environmentExists(record.environmentId) ? record : null;
  }

  async function stopServer(): Promise<void> {
    const running = server;
    server = undefined;
    await running?.close();
  }

  function status(): DemoStatus {
    const record = installed();
    return {
      installed: record !== null,
      running: server !== undefined,
      environmentId: record?.environmentId ?? null,
      credentials: record?.credentials ?? [],
      url: server?.url ?? null,
      jwksUrl: server?.jwksUrl ?? null,
      lifetimeSeconds: lifetimeSeconds(),
    };
  }

  /** Deletes what is left of a demo: its credentials, its environment, and the record. */
  async function removeLeftovers(): Promise<void> {
    const record = deps.file.read().demo;
    if (!record) return;
    for (const credential of record.credentials) if (deps.credentialExists(credential.id)) await deps.deleteCredential(credential.id);
    if (deps.environmentExists(record.environmentId)) await deps.deleteEnvironment(record.environmentId);
    await deps.file.update((current) => ({ ...current, demo: null }));
  }

  async function createEnvironment(): Promise<{ id: string }> {
    for (const name of DEMO_ENVIRONMENT_NAMES) {
      try {
        return await deps.createEnvironment(name);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      }
    }
    throw new AppError('conflict', `Environments called ${DEMO_ENVIRONMENT_NAMES.map((n) => `"${n}"`).join(' and ')} already exist, so the demo has no name to use.`, {
      hint: 'Rename one of them, then try the demo again.',
    });
  }

  async function install(): Promise<DemoRecord> {
    await removeLeftovers();
    const environment = await createEnvironment();
    const credentials: DemoRecord['credentials'] = [];
    try {
      for (const { dialect, name, recipe } of DEMO_CREDENTIALS) {
        const created = await deps.createCredential({ name, recipe, environmentIds: [environment.id] });
        credentials.push({ id: created.id, dialect });
      }
      const record: DemoRecord = { environmentId: environment.id, credentials, clientId: `demo-${randomBytes(4).toString('hex')}` };
      await deps.file.update((current) => ({ ...current, demo: record }));
      return record;
    } catch (error) {
      // Leave nothing half-made behind: the next attempt starts clean.
      for (const credential of credentials) await deps.deleteCredential(credential.id).catch(() => undefined);
      await deps.deleteEnvironment(environment.id).catch(() => undefined);
      throw error;
    }
  }

  async function launch(record: DemoRecord): Promise<void> {
    const clientSecret = secretValue();
    const apiKey = secretValue();
    const started = await startDemoServer({ clientId: record.clientId, clientSecret, apiKey, lifetimeSeconds: lifetimeSeconds() });
    try {
      await deps.setVariables(record.environmentId, [
        { name: DEMO_VARIABLES.url, value: started.url, secret: false, description: 'The demo server (a new port at each start).' },
        { name: DEMO_VARIABLES.clientId, value: record.clientId, secret: false, description: 'The demo OAuth2 client.' },
        { name: DEMO_VARIABLES.clientSecret, value: clientSecret, secret: true, description: 'The demo OAuth2 client secret (new at each start).' },
        { name: DEMO_VARIABLES.apiKey, value: apiKey, secret: true, description: 'The demo API key for the session dialect (new at each start).' },
      ]);
      await deps.setAllowedHosts(record.environmentId, [new URL(started.url).host]);
    } catch (error) {
      await started.close();
      throw error;
    }
    server = started;
  }

  async function ensureRunning(): Promise<DemoRecord> {
    const record = installed() ?? (await install());
    if (!server) await launch(record);
    return record;
  }

  return {
    status: () =>
      serial(async () => {
        // The environment was deleted elsewhere: the demo is no longer in use.
        if (!installed() && server) await stopServer();
        return status();
      }),

    start: () =>
      serial(async () => {
        await ensureRunning();
        return status();
      }),

    remove: () =>
      serial(async () => {
        await stopServer();
        await removeLeftovers();
        return status();
      }),

    async hello(credentialId) {
      const { record, url } = await serial(async () => {
        const found = installed();
        if (!found) throw new AppError('not-found', 'The demo is not set up.', { hint: 'Choose “Try the demo” on the dashboard first.' });
        if (!server) await launch(found);
        return { record: found, url: server!.url };
      });
      if (!record.credentials.some((credential) => credential.id === credentialId)) {
        throw new AppError('not-found', 'That credential is not one of the demo’s.', { hint: 'Pick one of the two Demo credentials.' });
      }
      return deps.callApi({ environmentId: record.environmentId, credentialId }, { method: 'GET', url: `${url}/api/hello` });
    },
    dispose: () => serial(stopServer),
  };
}

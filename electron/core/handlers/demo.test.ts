// The demo handlers wired to the real environment and credential handlers, the real token engine
// and the real demo server. Only the vault is stood in for (a map of secret values), since the
// demo only needs "set these variables" from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { systemClock, type CoreContext } from '../context';
import { openCredentials } from '../credentials/store';
import { createTokenEngine, MemoryTokenCache, type EngineEnvironment, type TokenEngine } from '../engine';
import { openDemoFile } from '../demo/state';
import { openWorkspace } from '../store/workspace';
import { credentialHandlers, findCredential } from './credentials';
import { demoHandlers, demoLifetimeSeconds, type DemoDeps } from './demo';
import { environmentHandlers } from './environments';

let dataDir: string;
let engine: TokenEngine;
let demo: ReturnType<typeof demoHandlers>;
let secrets: Map<string, string>;

function build() {
  const problems: never[] = [];
  const ctx: CoreContext = { dataDir, workspace: openWorkspace({ dataDir, problems }), clock: systemClock, emit: () => {} };
  const credentialsFile = openCredentials({ dataDir, problems });
  const environments = environmentHandlers(ctx);
  const credentials = credentialHandlers(ctx, { credentials: credentialsFile, onCredentialChanged: async () => {} });

  const engineEnvironment = (id: string): EngineEnvironment => {
    const environment = ctx.workspace.read().environments.find((e) => e.id === id)!;
    const variables = Object.fromEntries(
      environment.variables.map((v) => [v.name, { value: v.secret ? (secrets.get(`${id}/${v.name}`) ?? '') : v.value, secret: v.secret }]),
    );
    return { id, name: environment.name, production: environment.production, allowedHosts: environment.allowedHosts, allowInsecureTls: false, variables };
  };

  const deps: DemoDeps = {
    file: openDemoFile({ dataDir, problems }),
    environmentExists: (id) => ctx.workspace.read().environments.some((e) => e.id === id),
    credentialExists: (id) => credentialsFile.read().credentials.some((c) => c.id === id),
    createEnvironment: (name) => environments['environments:create']({ name }),
    // The app's delete also drops secrets and cached tokens (environment-lifecycle.ts); the workspace is enough here.
    deleteEnvironment: async (id) => void (await ctx.workspace.update((current) => ({ ...current, environments: current.environments.filter((e) => e.id !== id) }))),
    async setVariables(environmentId, variables) {
      for (const v of variables) if (v.secret) secrets.set(`${environmentId}/${v.name}`, v.value);
      await ctx.workspace.update((current) => ({
        ...current,
        environments: current.environments.map((e) =>
          e.id !== environmentId
            ? e
            : {
                ...e,
                variables: [
                  ...e.variables.filter((old) => !variables.some((v) => v.name === old.name)),
                  ...variables.map((v) => ({ name: v.name, value: v.secret ? '' : v.value, secret: v.secret, description: v.description, hint: null })),
                ],
              },
        ),
      }));
    },
    createCredential: (input) => credentials['credentials:create'](input),
    deleteCredential: async (id) => void (await credentials['credentials:delete']({ id })),
    async callApi(key, request) {
      const cred = findCredential(credentialsFile.read(), key.credentialId);
      const { response, renewedAfter401 } = await engine.authenticatedRequest(engineEnvironment(key.environmentId), cred, request);
      return { status: response.status, body: response.body.toString('utf8'), renewedAfter401 };
    },
    lifetimeSeconds: 40,
  };
  return { ctx, credentialsFile, engineEnvironment, deps };
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-demo-'));
  engine = createTokenEngine({ cache: new MemoryTokenCache() });
  secrets = new Map();
});

afterEach(async () => {
  await demo?.dispose();
  engine.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('demo handlers', () => {
  it('starts a demo whose two credentials get tokens and call the API, then removes it', async () => {
    const { ctx, credentialsFile, engineEnvironment, deps } = build();
    demo = demoHandlers(deps);
    expect(await demo.handlers['demo:status']({})).toMatchObject({ installed: false, running: false });

    const status = await demo.handlers['demo:start']({});
    expect(status).toMatchObject({ installed: true, running: true, lifetimeSeconds: 40 });
    expect(status.credentials.map((c) => c.dialect)).toEqual(['oauth2', 'session']);
    const environment = ctx.workspace.read().environments.find((e) => e.id === status.environmentId)!;
    expect(environment.name).toBe('Demo');
    expect(environment.variables.find((v) => v.name === 'demoUrl')?.value).toBe(status.url);
    // Secret values never land in the readable workspace file.
    expect(fs.readFileSync(path.join(dataDir, 'workspace.json'), 'utf8')).not.toContain(secrets.get(`${environment.id}/demoClientSecret`)!);

    for (const credential of status.credentials) {
      const cred = findCredential(credentialsFile.read(), credential.id);
      const token = await engine.getToken(engineEnvironment(environment.id), cred);
      expect(token.expiresAt! - Date.now()).toBeGreaterThan(30_000);
      const hello = await demo.handlers['demo:hello']({ credentialId: credential.id });
      expect(hello.status).toBe(200);
      expect(JSON.parse(hello.body).via).toMatch(credential.dialect === 'oauth2' ? /OAuth2/ : /session/);
    }

    // Starting again is harmless: the same demo, still running.
    expect((await demo.handlers['demo:start']({})).environmentId).toBe(status.environmentId);

    const removed = await demo.handlers['demo:remove']({});
    expect(removed).toMatchObject({ installed: false, running: false, environmentId: null });
    expect(ctx.workspace.read().environments).toHaveLength(0);
    expect(credentialsFile.read().credentials).toHaveLength(0);
    await expect(fetch(`${status.url}/api/hello`)).rejects.toThrow();
  });

  it('after a restart finds its environment again and starts the server on demand with new variables', async () => {
    const first = build();
    demo = demoHandlers(first.deps);
    const before = await demo.handlers['demo:start']({});
    await demo.dispose();

    const second = build();
    demo = demoHandlers(second.deps);
    expect(await demo.handlers['demo:status']({})).toMatchObject({ installed: true, running: false, environmentId: before.environmentId });
    const hello = await demo.handlers['demo:hello']({ credentialId: before.credentials[0]!.id });
    expect(hello.status).toBe(200);
    const after = await demo.handlers['demo:status']({});
    expect(after.running).toBe(true);
    expect(after.url).not.toBe(before.url);
    const environment = second.ctx.workspace.read().environments.find((e) => e.id === before.environmentId)!;
    expect(environment.variables.find((v) => v.name === 'demoUrl')?.value).toBe(after.url);
    expect(second.ctx.workspace.read().environments).toHaveLength(1);
  });

  it('stops the server when its environment was deleted elsewhere, and refuses foreign credentials', async () => {
    const { deps } = build();
    demo = demoHandlers(deps);
    const status = await demo.handlers['demo:start']({});
    await expect(demo.handlers['demo:hello']({ credentialId: 'someone-else' })).rejects.toThrow(/not one of the demo/);
    await deps.deleteEnvironment(status.environmentId!);
    expect(await demo.handlers['demo:status']({})).toMatchObject({ installed: false, running: false });
    await expect(demo.handlers['demo:hello']({ credentialId: status.credentials[0]!.id })).rejects.toThrow(/not set up/);
    // A new start cleans up the orphaned credentials before creating fresh ones.
    await demo.handlers['demo:start']({});
    expect(deps.credentialExists(status.credentials[0]!.id)).toBe(false);
  });

  it('uses another name when "Demo" is taken, and leaves nothing behind when setup fails', async () => {
    const { ctx, credentialsFile, deps } = build();
    await deps.createEnvironment('Demo');
    demo = demoHandlers({ ...deps, createCredential: async () => Promise.reject(new AppError('conflict', 'A credential with that name exists.')) });
    await expect(demo.handlers['demo:start']({})).rejects.toThrow(/credential with that name/);
    expect(ctx.workspace.read().environments.map((e) => e.name)).toEqual(['Demo']);
    expect(credentialsFile.read().credentials).toHaveLength(0);

    demo = demoHandlers(deps);
    const status = await demo.handlers['demo:start']({});
    expect(ctx.workspace.read().environments.find((e) => e.id === status.environmentId)?.name).toBe('Tokenbench demo');
  });

  it('reads the lifetime from TOKENBENCH_DEMO_LIFETIME_SECONDS and refuses nonsense', () => {
    expect(demoLifetimeSeconds({})).toBe(40);
    expect(demoLifetimeSeconds({ TOKENBENCH_DEMO_LIFETIME_SECONDS: '8' })).toBe(8);
    expect(() => demoLifetimeSeconds({ TOKENBENCH_DEMO_LIFETIME_SECONDS: 'soon' })).toThrow(/not a whole number/);
  });
});

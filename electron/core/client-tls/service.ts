/**
 * An environment's mutual TLS: its client certificate (the key, or the PKCS#12 file and its
 * passphrase, sealed in the vault next to the environment's secret variables, so they go with
 * it when it is deleted) and its custom CA. The environment keeps only what the view shows.
 */
import { AppError } from '../../../shared/errors';
import type { ClientTls, Environment } from '../../../shared/domain/environment';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { CoreContext } from '../context';
import { findEnvironment } from '../environments/find';
import type { ClientTlsOptions } from '../http';
import type { SealedStore } from '../vault/sealed-store';
import { secretVariableId } from '../variables/variables';
import { createChosenFiles, type CertificateFileChooser, type ChosenFile } from './chosen-files';
import { setFromWindow } from './from-window';
import { presentable, readCertificateAuthority, readIdentity, type IdentityInput, type SealedIdentity } from './read-certificate';

/** `:` cannot start a variable name, so this id never meets a secret variable's. */
export const clientIdentityId = (environmentId: string) => secretVariableId(environmentId, ':client-certificate');

export interface ClientTlsChange {
  environmentId: string;
  /** A new client certificate; absent: unchanged. */
  identity?: IdentityInput;
  /** A new custom CA (PEM); absent: unchanged. */
  ca?: string;
}

export interface ClientTlsServiceDeps {
  ctx: CoreContext;
  secrets: Pick<SealedStore, 'read' | 'write' | 'remove' | 'requireUnlocked'>;
  /** Masks a secret value wherever it shows up (the vault's redactor). */
  remember(secret: string): void;
  /** The open dialog; absent where there is no window (the CLI). */
  chooser?: CertificateFileChooser;
  /** Drops the environment's cached tokens: they may be bound to the certificate being replaced. */
  forgetTokens?(environmentId: string): Promise<void>;
}

export interface ClientTlsService {
  /** Checks and stores; warnings say what is kept but will not work (an expired certificate). */
  set(change: ClientTlsChange): Promise<{ environment: Environment; warnings: string[] }>;
  clear(request: { environmentId: string; certificate: boolean; ca: boolean }): Promise<Environment>;
  /** The open dialog; the window gets a handle to the file, never its contents. */
  chooseFile(): Promise<ChosenFile | null>;
  /** `set` from pasted text and chosen files. */
  setFromWindow(request: RequestOf<'clientTls:set'>): Promise<ResponseOf<'clientTls:set'>>;
  /** What requests to this environment's hosts present and trust; undefined when nothing is set. */
  forEnvironment(environmentId: string): ClientTlsOptions | undefined;
}

const EMPTY: ClientTls = { certificate: null, ca: null };

export function createClientTlsService(deps: ClientTlsServiceDeps): ClientTlsService {
  const { ctx, secrets } = deps;

  async function saveSettings(environmentId: string, next: (current: ClientTls) => ClientTls): Promise<Environment> {
    let saved: Environment | undefined;
    const workspace = await ctx.workspace.update((current) => {
      const environment = findEnvironment(current, environmentId);
      const clientTls = next(environment.clientTls ?? EMPTY);
      saved = { ...environment, clientTls, updatedAt: new Date(ctx.clock.now()).toISOString() };
      return { ...current, environments: current.environments.map((e) => (e.id === environmentId ? saved! : e)) };
    });
    ctx.emit('environments:changed', workspace.environments);
    return saved!;
  }

  function rememberIdentity(sealed: SealedIdentity): void {
    if (sealed.format === 'pem') deps.remember(sealed.key);
    else deps.remember(sealed.pfx);
    if (sealed.passphrase) deps.remember(sealed.passphrase);
  }

  const service: Omit<ClientTlsService, 'chooseFile' | 'setFromWindow'> = {
    async set({ environmentId, identity, ca }) {
      const environment = findEnvironment(ctx.workspace.read(), environmentId);
      const now = ctx.clock.now();
      // Everything is read and checked before anything is written.
      const readId = identity ? readIdentity(identity, now) : undefined;
      const readCa = ca !== undefined ? readCertificateAuthority(ca, now) : undefined;
      if (!readId && !readCa) throw new AppError('invalid-request', `Nothing to change for "${environment.name}": give a client certificate, a CA, or both.`);
      if (readId) {
        secrets.requireUnlocked();
        rememberIdentity(readId.sealed);
        await secrets.write({ [clientIdentityId(environmentId)]: JSON.stringify(readId.sealed) });
        await deps.forgetTokens?.(environmentId);
      }
      const saved = await saveSettings(environmentId, (current) => ({
        certificate: readId ? { ...readId.summary, format: readId.sealed.format } : current.certificate,
        ca: readCa ? { pem: readCa.pem, certificates: readCa.certificates } : current.ca,
      }));
      return { environment: saved, warnings: [...(readId?.warnings ?? []), ...(readCa?.warnings ?? [])] };
    },

    async clear({ environmentId, certificate, ca }) {
      findEnvironment(ctx.workspace.read(), environmentId);
      if (certificate) {
        await secrets.remove((id) => id === clientIdentityId(environmentId));
        await deps.forgetTokens?.(environmentId);
      }
      return saveSettings(environmentId, (current) => ({ certificate: certificate ? null : current.certificate, ca: ca ? null : current.ca }));
    },

    forEnvironment(environmentId) {
      const environment = findEnvironment(ctx.workspace.read(), environmentId);
      const settings = environment.clientTls ?? EMPTY;
      if (!settings.certificate && !settings.ca) return undefined;
      const options: ClientTlsOptions = settings.ca ? { ca: settings.ca.pem } : {};
      if (!settings.certificate) return options;
      const stored = secrets.read(clientIdentityId(environmentId), `the client certificate of "${environment.name}"`);
      if (stored === undefined) {
        throw new AppError('vault-error', `The client certificate's key of "${environment.name}" is missing from the vault, so nothing was sent.`, {
          hint: 'Import the client certificate again (environment settings, or tokenbench env tls).',
        });
      }
      const sealed = JSON.parse(stored) as SealedIdentity;
      rememberIdentity(sealed);
      return { ...options, ...presentable(sealed) };
    },
  };
  const files = createChosenFiles(deps.chooser, () => ctx.clock.now());
  return { ...service, chooseFile: () => files.choose(), setFromWindow: setFromWindow(service, files) };
}

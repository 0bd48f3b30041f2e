/**
 * What a CLI command works with: the same domain services as the app (`createMainServices`),
 * opened on the chosen data folder with `conf`. Also the CLI's way to unlock: the
 * TOKENBENCH_PASSPHRASE environment variable, or a prompt when run in a terminal.
 */
import { AppError } from '../../shared/errors';
import type { StoreProblem } from '../../shared/ipc/contract';
import type { Clock } from '../core/context';
import type { DomainServices } from '../core/domain-services';
import type { FleetSettings } from '../core/fleet/fleet';
import { createMainServices, type MainServices } from '../core/services';
import { cliUserAgent } from './browser';
import { askYesNo, isInteractive, promptHidden, type CliIo } from './io';

export interface CliCore extends DomainServices {
  dataDir: string;
  clock: Clock;
  problems: readonly StoreProblem[];
  /** Masks every secret value known in this session. */
  redact(text: string): string;
  /** Everything the app runs on, for the unlock agent's event listening and disposal. */
  services: MainServices;
}

export async function openCore(dataDir: string, io: CliIo, fleet?: FleetSettings, workspaceFolder?: string): Promise<CliCore> {
  const services = await createMainServices({
    dataDir,
    secretSourceEnv: io.env,
    ...(fleet ? { fleet } : {}),
    ...(workspaceFolder ? { workspace: { folder: workspaceFolder } } : {}),
    log: (message) => io.stderr.write(`tokenbench: ${message}\n`),
    userAgent: cliUserAgent(io),
  });
  for (const problem of services.storeProblems) io.stderr.write(`tokenbench: warning: ${problem.message}\n`);
  for (const broken of services.domain.workspace.status().broken) {
    io.stderr.write(`tokenbench: warning: ${broken.file} line ${broken.line} was left out: ${broken.message}.\n`);
  }
  return { ...services.domain, dataDir, clock: services.clock, problems: services.storeProblems, redact: services.secrets.redact, services };
}

/** A passphrase from TOKENBENCH_PASSPHRASE, or typed (hidden) in a terminal. */
export async function askPassphrase(io: CliIo, question = 'Vault passphrase: '): Promise<string> {
  const fromEnv = io.env.TOKENBENCH_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!isInteractive(io)) {
    throw new AppError('vault-locked', 'The vault is locked and there is no terminal to type the passphrase in.', {
      hint: 'Set the TOKENBENCH_PASSPHRASE environment variable.',
    });
  }
  return promptHidden(io, question);
}

export async function unlock(core: CliCore, io: CliIo): Promise<void> {
  const status = core.vault.status();
  if (status.state === 'unlocked') return;
  if (status.state === 'damaged') throw new AppError(status.problem!.code, status.problem!.message, { hint: status.problem!.hint });
  if (status.state === 'not-set-up') throw new AppError('vault-not-set-up', 'There is no vault in this data folder yet.', { hint: 'Run: tokenbench init' });
  await core.vault.unlock({ passphrase: await askPassphrase(io) });
}

/** Runs `work`; if it needs the vault unlocked, unlocks and runs it again (it changed nothing). */
export async function withUnlockIfNeeded<T>(core: CliCore, io: CliIo, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'vault-locked') throw error;
    await unlock(core, io);
    return work();
  }
}

/**
 * Runs `work`, confirmed when the user gave --yes. Without it, a production environment that
 * asks first is asked about in a terminal (naming --yes for next time); elsewhere it is an error.
 */
export async function withProductionConfirmation<T>(io: CliIo, yes: boolean, work: (confirmed: boolean) => Promise<T>): Promise<T> {
  try {
    return await work(yes);
  } catch (error) {
    if (yes || !(error instanceof AppError) || error.code !== 'confirmation-required' || !isInteractive(io)) throw error;
    if (!(await askYesNo(io, `${error.message} [y/N] (--yes skips this question) `))) throw new AppError('cancelled', 'Not confirmed: nothing was sent.');
    return work(true);
  }
}

/** Finds by id, else by name ignoring case; the error lists what there is. */
function findNamed<T extends { id: string; name: string }>(items: readonly T[], nameOrId: string, what: 'environment' | 'credential'): T {
  const found = items.find((item) => item.id === nameOrId) ?? items.find((item) => item.name.toLowerCase() === nameOrId.toLowerCase());
  if (!found) {
    const known = items.map((item) => item.name).join(', ') || 'none yet';
    throw new AppError('not-found', `There is no ${what} called "${nameOrId}".`, { hint: `${what === 'environment' ? 'Environments' : 'Credentials'}: ${known}.` });
  }
  return found;
}

export const findEnvironmentByName = (core: CliCore, nameOrId: string) => findNamed(core.environments.list(), nameOrId, 'environment');

export const findCredentialByName = (core: CliCore, nameOrId: string) => findNamed(core.credentials.list(), nameOrId, 'credential');

/** The environment x credential pair a command names with `--env` and a credential name. */
export function findPair(core: CliCore, credentialName: string, environmentName: string | undefined) {
  if (!environmentName) throw new AppError('invalid-request', 'Say which environment with --env NAME.');
  const environment = findEnvironmentByName(core, environmentName);
  const credential = findCredentialByName(core, credentialName);
  if (!credential.environmentIds.includes(environment.id)) {
    throw new AppError('not-found', `The credential "${credential.name}" is not used in "${environment.name}".`, {
      hint: `Use it there first: tokenbench credential use "${credential.name}" --env "${environment.name}"`,
    });
  }
  return { environment, credential, key: { environmentId: environment.id, credentialId: credential.id } };
}

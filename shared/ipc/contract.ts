/**
 * The one IPC contract: every channel (`domain:verb`) with the schema of its one request
 * object and the type of its response, and every main -> renderer event with its payload.
 * Each domain declares its own channels in `domains/`; this file only merges them.
 *
 * Preload, main-side handlers (`Handlers` must cover every channel) and the renderer API
 * (`RendererApi`) are all derived from here.
 */
import type { z } from 'zod';
import { appChannels, appEvents } from './domains/app';
import { clientTlsChannels } from './domains/client-tls';
import { credentialChannels, credentialEvents } from './domains/credentials';
import { demoChannels, demoEvents } from './domains/demo';
import { discoveryChannels } from './domains/discovery';
import { environmentChannels, environmentEvents } from './domains/environments';
import { fromExampleChannels } from './domains/from-example';
import { portabilityChannels } from './domains/portability';
import { runnerChannels, runnerEvents } from './domains/runner';
import { tokenChannels, tokenEvents } from './domains/tokens';
import { tokenAdminChannels } from './domains/token-admin';
import { variableChannels } from './domains/variables';
import { vaultChannels, vaultEvents } from './domains/vault';
import { workspaceChannels, workspaceEvents } from './domains/workspace';

export type { AppInfo, StoreProblem } from './domains/app';
export type { VaultStatus } from './domains/vault';
export type { BrokenWorkspaceFile, WorkspaceStatus } from './domains/workspace';

export const contract = {
  ...appChannels,
  ...environmentChannels,
  ...credentialChannels,
  ...tokenChannels,
  ...tokenAdminChannels,
  ...vaultChannels,
  ...variableChannels,
  ...portabilityChannels,
  ...runnerChannels,
  ...demoChannels,
  ...fromExampleChannels,
  ...discoveryChannels,
  ...workspaceChannels,
  ...clientTlsChannels,
};

export const events = {
  ...appEvents,
  ...environmentEvents,
  ...credentialEvents,
  ...tokenEvents,
  ...vaultEvents,
  ...runnerEvents,
  ...demoEvents,
  ...workspaceEvents,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type EventName = keyof typeof events & string;
export type RequestInput<C extends ChannelName> = z.input<Contract[C]['request']>;
export type RequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = Contract[C]['response'];
export type EventPayload<E extends EventName> = (typeof events)[E]['payload'];

export const channelNames = Object.keys(contract) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

/** The prefix that keeps our IPC channels apart from anything else on ipcMain. */
export const IPC_PREFIX = 'tokenbench:';

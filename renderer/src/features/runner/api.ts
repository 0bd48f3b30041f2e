/**
 * The runner's part of `window.tokenbench`, typed from its own domain file so the feature compiles
 * before and after the lead merges the runner channels into the contract (then `api` from
 * lib/api has the same shape).
 */
import type { z } from 'zod';
import type { Result } from '../../../../shared/errors';
import type { runnerChannels, runnerEvents } from '../../../../shared/ipc/domains/runner';

type Channels = typeof runnerChannels;
type Events = typeof runnerEvents;

type DomainApi<D extends string> = {
  [C in keyof Channels & string as C extends `${D}:${infer V}` ? V : never]: (request: z.input<Channels[C]['request']>) => Promise<Result<Channels[C]['response']>>;
};

export interface RunnerApi {
  runner: DomainApi<'runner'>;
  requests: DomainApi<'requests'>;
  history: DomainApi<'history'>;
  on<E extends keyof Events & string>(event: E, listener: (payload: Events[E]['payload']) => void): () => void;
}

export const runnerApi = window.tokenbench as unknown as RunnerApi;

/**
 * The domain API the renderer sees on `window.tokenbench`, derived from the contract:
 * `tokenbench.environments.create({ name })` for channel `environments:create`.
 *
 * `buildRendererApi` is self-contained on purpose (no imports used at run time): the preload
 * calls it with Electron's IPC, and the browser e2e tests inject its source into the page with
 * a Playwright binding as the transport. Only the transport differs.
 */
import type { Result } from '../errors';

import type { ChannelName, EventName, EventPayload, RequestInput, ResponseOf } from './contract';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;

export type RendererApi = {
  [D in DomainOf<ChannelName>]: {
    [C in ChannelName as C extends `${D}:${infer V}` ? V : never]: (
      request: RequestInput<C>,
    ) => Promise<Result<ResponseOf<C>>>;
  };
} & {
  /** Listen to a main -> renderer event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export interface RendererTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export function buildRendererApi(
  channels: readonly string[],
  eventList: readonly string[],
  transport: RendererTransport,
): unknown {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of channels) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (request: unknown) => transport.invoke(name, request ?? {});
  }
  const on = (eventName: string, listener: (payload: unknown) => void) => {
    if (!eventList.includes(eventName)) throw new Error(`Unknown event "${eventName}".`);
    return transport.subscribe(eventName, listener);
  };
  return Object.freeze({ ...Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.freeze(v)])), on });
}

/**
 * The built preload in a sandbox-like `vm` context, as Electron runs a sandboxed preload: only
 * `electron` can be required. It must expose one function per contract channel and an `on` for
 * events, and pass no IPC event object on to the page.
 */
import fs from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { channelNames, eventNames, IPC_PREFIX } from '../shared/ipc/contract';
import { preloadBundle, requireBuild } from './load-main';

type Listener = (event: unknown, payload: unknown) => void;

function runPreload() {
  requireBuild();
  const exposed: Array<{ key: string; api: unknown }> = [];
  const invoked: Array<{ channel: string; request: unknown }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: async (channel: string, request: unknown) => void invoked.push({ channel, request: structuredClone(request) }),
      on: (channel: string, listener: Listener) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener),
      removeListener: (channel: string, listener: Listener) => void listeners.get(channel)?.delete(listener),
    },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  const wrapper = vm.runInNewContext(`(function (exports, require, module) {\n${fs.readFileSync(preloadBundle, 'utf8')}\n})`, {}, { filename: preloadBundle });
  wrapper(module.exports, sandboxRequire, module);
  return { exposed, invoked, listeners, required };
}

describe('the preload, sandboxed', () => {
  it('requires only electron and exposes window.tokenbench once', () => {
    const { exposed, required } = runPreload();
    expect([...new Set(required)]).toEqual(['electron']);
    expect(exposed.map((e) => e.key)).toEqual(['tokenbench']);
  });

  it('exposes one function per contract channel, each invoking its own channel', async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed[0]!.api as Record<string, Record<string, (request?: unknown) => Promise<unknown>> | unknown>;
    const functions = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([domain, verbs]) => Object.keys(verbs as object).map((verb) => `${domain}:${verb}`));
    expect(functions.sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) {
      const [domain, verb] = name.split(':') as [string, string];
      await (api[domain] as Record<string, (request: unknown) => Promise<unknown>>)[verb]!({ probe: name });
    }
    expect(invoked).toEqual(channelNames.map((name) => ({ channel: IPC_PREFIX + name, request: { probe: name } })));
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('passes events to the page without the IPC event object, and stops when asked', () => {
    const { exposed, listeners } = runPreload();
    const api = exposed[0]!.api as { on(event: string, listener: (...args: unknown[]) => void): () => void };
    const received: unknown[][] = [];
    const stop = api.on(eventNames[0]!, (...args) => received.push(args));
    const channel = IPC_PREFIX + eventNames[0]!;
    for (const listener of listeners.get(channel)!) listener({ sender: 'ipc-event-with-internals' }, { state: 'locked' });
    expect(received).toEqual([[{ state: 'locked' }]]);
    stop();
    expect(listeners.get(channel)!.size).toBe(0);
    expect(() => api.on('not:an-event', () => {})).toThrow('Unknown event "not:an-event".');
  });
});

/**
 * The built main bundle's life: the dev server is never used by a packaged app, a start page
 * that fails to load ends the app, a second launch on another data folder is explained, and
 * quitting waits for the clean-up that clears a copied secret from the clipboard.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_PREFIX } from '../shared/ipc/contract';
import { bootMain, settle, type BootedMain } from './load-main';

const APP_PAGE = 'app://tokenbench/index.html';
const DEV_SERVER = 'http://localhost:5173/';
let booted: BootedMain[] = [];

async function boot(options: Parameters<typeof bootMain>[0] = {}): Promise<BootedMain> {
  const main = await bootMain(options);
  booted.push(main);
  return main;
}

async function bootReady(options: Parameters<typeof bootMain>[0] = {}): Promise<BootedMain> {
  const main = await boot(options);
  main.control.becomeReady();
  await settle(() => main.control.windows().length === 1 || main.control.record.errorBoxes.length > 0, 'the window');
  return main;
}

afterEach(async () => {
  for (const main of booted) await main.shutDown();
  booted = [];
});

describe('the dev server', () => {
  it('is ignored by a packaged app: the app page loads, and the dev server is not trusted', async () => {
    const main = await bootReady({ isPackaged: true, env: { VITE_DEV_SERVER_URL: DEV_SERVER } });
    expect(main.control.windows()[0]!.loaded).toEqual([APP_PAGE]);
    expect(await main.control.invoke(`${IPC_PREFIX}app:info`, DEV_SERVER, {})).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(await main.control.invoke(`${IPC_PREFIX}app:info`, APP_PAGE, {})).toMatchObject({ ok: true });
  });

  it('is used in development (not packaged)', async () => {
    const main = await bootReady({ isPackaged: false, env: { VITE_DEV_SERVER_URL: DEV_SERVER } });
    expect(main.control.windows()[0]!.loaded).toEqual([DEV_SERVER]);
    expect(await main.control.invoke(`${IPC_PREFIX}app:info`, DEV_SERVER, {})).toMatchObject({ ok: true });
  });
});

describe('starting', () => {
  it('quits with one clear error when the start page fails to load, rather than hide a window holding the lock', async () => {
    const main = await boot();
    main.control.failNextLoads(-6, 'ERR_FILE_NOT_FOUND');
    main.control.becomeReady();
    await settle(() => main.control.quitState() === 'quit', 'the app to quit');
    expect(main.control.record.errorBoxes).toEqual([
      { title: 'Tokenbench could not open its window', content: `ERR_FILE_NOT_FOUND (-6) loading ${APP_PAGE}` },
    ]);
    expect(main.control.windows()[0]!.visible).toBe(false);
  });

  it('leaves at once when another instance holds the lock', async () => {
    const main = await boot({ getsLock: false });
    expect(main.control.record.quitCalls).toBe(1);
    main.control.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(main.control.windows()).toHaveLength(0);
    expect(main.control.handledChannels()).toEqual([]);
  });

  it('says so when a second launch asks for another data folder, and only focuses for the same one', async () => {
    const main = await bootReady();
    const window = main.control.windows()[0]!;
    main.electron.app.emit('second-instance', {}, ['tokenbench'], '/', { dataDir: main.dataDir });
    expect(window.focused).toBe(true);
    expect(main.control.record.messageBoxes).toEqual([]);

    main.electron.app.emit('second-instance', {}, ['tokenbench', '--data-dir', '/srv/other'], '/', { dataDir: '/srv/other' });
    await settle(() => main.control.record.messageBoxes.length === 1, 'the explanation');
    const shown = main.control.record.messageBoxes[0]!;
    expect(shown.message).toBe('Tokenbench is already open on another data folder.');
    expect(shown.detail).toContain(main.dataDir);
    expect(shown.detail).toContain('/srv/other');
  });
});

describe('quitting', () => {
  it('waits for the clean-up, which clears a secret copied moments ago from the clipboard', async () => {
    const main = await bootReady();
    const call = async (channel: string, request: unknown) => {
      const answer = (await main.control.invoke(IPC_PREFIX + channel, APP_PAGE, request)) as { ok: boolean; value: { id?: string } };
      expect(answer, channel).toMatchObject({ ok: true });
      return answer.value;
    };
    await call('vault:setup', { passphrase: 'correct horse battery staple' });
    const environment = await call('environments:create', { name: 'Sandbox' });
    await call('variables:set', { environmentId: environment.id, name: 'clientSecret', value: 'shell-test-secret-value', secret: true });
    await call('secrets:copy', { environmentId: environment.id, name: 'clientSecret' });
    expect(main.control.clipboardText()).toBe('shell-test-secret-value');

    main.electron.app.quit();
    // The first will-quit is held back for the clean-up; the app then quits for real.
    expect(main.control.quitState()).toBe('quitting-prevented');
    await settle(() => main.control.quitState() === 'quit', 'the app to quit');
    expect(main.control.clipboardText()).toBe('');
    expect(main.control.record.quitCalls).toBe(2);
    expect(main.control.rules.violations).toEqual([]);
  });

  it('leaves what the user copied since', async () => {
    const main = await bootReady();
    main.electron.clipboard.writeText('the user’s own text');
    main.electron.app.quit();
    await settle(() => main.control.quitState() === 'quit', 'the app to quit');
    expect(main.control.clipboardText()).toBe('the user’s own text');
  });
});

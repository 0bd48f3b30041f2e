/**
 * The built main bundle, booted under Node with the electron stand-in: what it registers, how
 * the window is hardened, which permissions, navigations and senders it refuses.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, IPC_PREFIX } from '../shared/ipc/contract';
import { bootMain, repoRoot, settle, type BootedMain } from './load-main';

const APP_PAGE = 'app://tokenbench/index.html';

describe('the main process, booted', () => {
  let main: BootedMain;
  beforeAll(async () => {
    main = await bootMain();
  });
  afterAll(async () => {
    await main?.shutDown();
  });

  it('before ready: registers the app scheme and asks for the single-instance lock with its data folder, and opens nothing', () => {
    expect(main.control.record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    expect(main.control.record.singleInstanceData).toEqual([{ dataDir: main.dataDir }]);
    expect(main.control.windows()).toHaveLength(0);
  });

  it('once ready: opens one window on the app page, breaking none of the rules', async () => {
    main.control.becomeReady();
    await settle(() => main.control.windows().length === 1, 'the window');
    expect(main.control.windows()[0]!.loaded).toEqual([APP_PAGE]);
    expect(main.control.rules.violations).toEqual([]);
    expect(main.control.record.errorBoxes).toEqual([]);
  });

  it('handles exactly the contract channels, and listens to no synchronous IPC', () => {
    expect(main.control.handledChannels().sort()).toEqual(channelNames.map((name) => IPC_PREFIX + name).sort());
    expect(main.control.record.syncIpcListeners).toEqual([]);
  });

  it('hardens the window: exactly these webPreferences', () => {
    expect(main.control.windows()[0]!.options.webPreferences).toEqual({
      preload: path.join(repoRoot, 'dist-electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
  });

  it('grants clipboard writing to the app page only, and no other permission', () => {
    const { request, check } = main.control.permissions;
    const asked = (permission: string, url: string) => {
      let granted: boolean | undefined;
      request!({}, permission, (answer) => (granted = answer), { requestingUrl: url, isMainFrame: true });
      return granted;
    };
    expect(asked('clipboard-sanitized-write', APP_PAGE)).toBe(true);
    expect(check!({}, 'clipboard-sanitized-write', 'app://tokenbench', {})).toBe(true);
    expect(asked('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check!({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'fileSystem', 'unknown']) {
      expect(asked(permission, APP_PAGE), permission).toBe(false);
      expect(check!({}, permission, 'app://tokenbench', {}), permission).toBe(false);
    }
  });

  it('refuses navigation, frame navigation and redirects away from the app page, and allows its own', () => {
    const contents = main.control.contentsCreated[0]!;
    for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const foreign of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
        expect(main.control.navigate(contents, eventName, foreign), `${eventName} ${foreign}`).toBe(true);
      }
      expect(main.control.navigate(contents, eventName, `${APP_PAGE}#/runner`), eventName).toBe(false);
    }
  });

  it('opens no window: a documentation link goes to the browser only after the user agrees; other links are dropped', async () => {
    const contents = main.control.contentsCreated[0]!;
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://docs.example.com/auth' })).toEqual({ action: 'deny' });
    await settle(() => main.control.record.messageBoxes.length === 1, 'the confirmation');
    expect(main.control.record.messageBoxes[0]).toMatchObject({ message: 'Open docs.example.com in your browser?' });
    // The stand-in answers every question with its cancel button.
    expect(main.control.record.openedExternally).toEqual([]);
    const webview = { defaultPrevented: false, preventDefault: () => (webview.defaultPrevented = true) };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('answers the app page and refuses other senders', async () => {
    const info = await main.control.invoke(`${IPC_PREFIX}app:info`, APP_PAGE, {});
    expect(info).toMatchObject({ ok: true, value: { dataDir: main.dataDir } });
    for (const sender of ['https://evil.example/', 'app://other/', 'file:///tmp/x.html', null]) {
      expect(await main.control.invoke(`${IPC_PREFIX}app:info`, sender, {}), String(sender)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
  });

  it('sends events to the window, all of them cloneable', async () => {
    const created = await main.control.invoke(`${IPC_PREFIX}environments:create`, APP_PAGE, { name: 'Sandbox' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Sandbox' } });
    const sent = main.control.contentsCreated[0]!.sent;
    expect(sent.map((message) => message.channel)).toContain(`${IPC_PREFIX}environments:changed`);
    expect(main.control.rules.violations).toEqual([]);
  });
});

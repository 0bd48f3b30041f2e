/**
 * A compromised renderer calls the app's API directly to widen where an environment's secrets may
 * go: the main process asks the user in a dialog of its own (here the scripted stand-in of that
 * native dialog), and a "no" changes nothing. The user's own change through the settings asks the
 * same question, and a "yes" saves it.
 */
import type { RendererApi } from '../shared/ipc/renderer-api';
import { addAllowedHost, createEnvironment, setUpVault } from './credential-steps';
import { expect, test } from './fixtures/app';

test('widening allowed hosts needs the confirmation the main process asks for', async ({ app }) => {
  test.skip(app.confirmation === null, 'The native dialog of the Electron app cannot be answered by Playwright.');
  const confirmation = app.confirmation!;
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'Shop');

  confirmation.answer = false;
  const attempt = await page.evaluate(async () => {
    const { tokenbench } = globalThis as unknown as { tokenbench: RendererApi };
    const list = await tokenbench.environments.list({});
    if (!list.ok) throw new Error(list.error.message);
    const id = list.value[0]!.id;
    const secret = await tokenbench.variables.set({ environmentId: id, name: 'apiKey', value: 'shop-key-0123456789abcdef', secret: true });
    if (!secret.ok) throw new Error(secret.error.message);
    await tokenbench.variables.set({ environmentId: id, name: 'baseUrl', value: 'https://api.shop.test', secret: false });
    const widened = await tokenbench.environments.update({ id, allowedHosts: ['evil.example'] });
    const after = await tokenbench.environments.list({});
    return { widened, allowedHosts: after.ok ? after.value[0]!.allowedHosts : null };
  });
  expect(attempt.widened).toMatchObject({ ok: false, error: { code: 'not-confirmed' } });
  expect(attempt.allowedHosts).toEqual([]);
  expect(confirmation.asked).toHaveLength(1);
  expect(confirmation.asked[0]!.detail).toBe('Secrets may also go to: evil.example');

  // Through the settings, with the user's "yes".
  confirmation.answer = true;
  await addAllowedHost(page, 'api2.shop.test');
  expect(confirmation.asked).toHaveLength(2);
  expect(confirmation.asked[1]!.message).toContain('"Shop"');
});

/**
 * A DPoP-bound credential through the request runner: oidc-provider (DPoP nonces required) issues
 * the token, a resource server that checks every proof with jose answers, and the "Request sent"
 * tab shows the `DPoP` header and the proof it carried, decoded (htm, htu, ath, the server's nonce).
 */
import { findPreset } from '../shared/recipe';
import type { RendererApi } from '../shared/ipc/renderer-api';
import { startAuthorizationServer, startDpopResourceServer } from '../testing/emulators';
import { setUpVault } from './credential-steps';
import { expect, test } from './fixtures/app';
import { importCurl, openRunner } from './runner-steps';

test('the runner shows the DPoP proof it sent with a DPoP-bound token', async ({ app }) => {
  const authorization = await startAuthorizationServer({ clients: [{ clientId: 'e2e-dpop', clientSecret: 'e2e-dpop-secret-0123456789', auth: 'client_secret_basic' }], requireDpopNonce: true });
  const api = await startDpopResourceServer({ issuer: authorization.issuer, jwksUri: authorization.jwksUri, audience: authorization.resource, requireNonce: true });
  try {
    const { page } = app;
    await setUpVault(page);
    const recipe = { ...findPreset('oauth2-client-credentials-basic')!.recipe, dpop: { algorithm: 'ES256' }, use: undefined };
    await page.evaluate(
      async ({ recipe, tokenUrl }) => {
        const { tokenbench } = globalThis as unknown as { tokenbench: RendererApi };
        const environment = await tokenbench.environments.create({ name: 'DPoP sandbox' });
        if (!environment.ok) throw new Error(environment.error.message);
        await tokenbench.environments.update({ id: environment.value.id, allowedHosts: ['127.0.0.1'] });
        const created = await tokenbench.credentials.create({ name: 'Bound API', recipe: recipe as never, environmentIds: [environment.value.id] });
        if (!created.ok) throw new Error(created.error.message);
        for (const [name, value, secret] of [['tokenUrl', tokenUrl, false], ['clientId', 'e2e-dpop', false], ['clientSecret', 'e2e-dpop-secret-0123456789', true]] as const) {
          const set = await tokenbench.variables.set({ environmentId: environment.value.id, name, value, secret });
          if (!set.ok) throw new Error(set.error.message);
        }
      },
      { recipe, tokenUrl: authorization.tokenEndpoint },
    );

    await openRunner(page);
    await importCurl(page, `curl '${api.whoamiUrl}?page=1'`);
    await page.getByLabel('Environment', { exact: true }).selectOption({ label: 'DPoP sandbox' });
    await page.getByLabel('Credential', { exact: true }).selectOption({ label: 'Bound API' });
    await page.getByRole('button', { name: 'Send' }).click();

    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toContainText('200', { timeout: 20_000 });
    await response.getByRole('tab', { name: 'Request sent' }).click();
    const wire = response.getByLabel('Request as sent');
    await expect(wire).toContainText(/Authorization: DPoP ••••/);
    await expect(wire).toContainText(/DPoP: eyJ/);
    const proof = response.getByLabel('DPoP proof sent');
    await expect(proof).toContainText('"typ": "dpop+jwt"');
    await expect(proof).toContainText('"htm": "GET"');
    await expect(proof).toContainText(`"htu": "${api.whoamiUrl}"`);
    await expect(proof).toContainText('"ath":');
    await expect(proof).toContainText('"nonce":');
    await expect(response).toContainText("with the server's nonce");
    // The proof the page shows is the one the resource server accepted.
    expect(api.accepted).toHaveLength(1);
    const jti = JSON.parse(Buffer.from(api.accepted[0]!.split('.')[1]!, 'base64url').toString()).jti as string;
    await expect(proof).toContainText(jti);
  } finally {
    await api.close();
    await authorization.close();
  }
});

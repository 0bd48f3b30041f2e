// The resource owner password grant (RFC 6749 section 4.3) for the oidc-provider fixture.
// oidc-provider leaves ROPC out on purpose (OAuth 2.1 drops it), yet vendors such as Landax still
// use it, so the fixture adds it through the provider's documented extension point,
// registerGrantType. It stores the same Grant / AccessToken / RefreshToken models the built-in
// grants use, which lets the built-in refresh_token grant renew what this grant issued.
import type Provider from 'oidc-provider';
import type { errors as OidcErrors, ResourceServer } from 'oidc-provider';

export interface PasswordGrantUser {
  username: string;
  password: string;
}

export interface PasswordGrantSetup {
  provider: Provider;
  errors: typeof OidcErrors;
  users: PasswordGrantUser[];
  /** The one API every token is for (a resource indicator), so access tokens are JWTs. */
  resource: string;
  resourceServerFor(clientScope: string | undefined): ResourceServer;
  clientScope(clientId: string): string | undefined;
}

export function registerPasswordGrant(setup: PasswordGrantSetup): void {
  const { provider, errors, users, resource } = setup;
  provider.registerGrantType(
    'password',
    async (ctx) => {
      const { client, params } = ctx.oidc;
      const user = users.find((u) => u.username === params['username'] && u.password === params['password']);
      if (user === undefined) throw new errors.InvalidGrant('invalid username or password');

      const resourceServerInfo = setup.resourceServerFor(setup.clientScope(client.clientId));
      const allowed = resourceServerInfo.scope.split(' ');
      const asked = typeof params['scope'] === 'string' ? params['scope'].split(' ').filter(Boolean) : [];
      const refused = asked.filter((s) => !allowed.includes(s) && s !== 'offline_access');
      if (refused.length > 0) throw new errors.InvalidScope('requested scope is not allowed', refused.join(' '));
      const scope = (asked.length > 0 ? asked.filter((s) => allowed.includes(s)) : allowed).join(' ');

      const grant = new provider.Grant({ accountId: user.username, clientId: client.clientId });
      grant.addResourceScope(resource, scope);
      const grantId = await grant.save();

      const accessToken = new provider.AccessToken({ accountId: user.username, client, grantId, gty: 'password', scope });
      accessToken.resourceServer = new provider.ResourceServer(resource, resourceServerInfo);
      const refreshToken = new provider.RefreshToken({ accountId: user.username, client, grantId, gty: 'password', scope, resource });

      ctx.body = {
        access_token: await accessToken.save(),
        expires_in: accessToken.expiration,
        token_type: 'Bearer',
        refresh_token: await refreshToken.save(),
        scope,
      };
    },
    ['username', 'password', 'scope'],
  );
}

// Local emulators of the five vendors' auth services and APIs, plus a textbook OAuth2
// authorization server, for engine integration tests, Playwright e2e tests and benchmarks.
export type { Emulator, Fault, TokenRequestLogEntry, ClockOption } from './kit';
export { startLengow, type LengowOptions, type LengowEmulator } from './lengow';
export { startLandax, type LandaxOptions, type LandaxEmulator } from './landax';
export { startLiveData, formatLiveDataExpiry, type LiveDataOptions, type LiveDataEmulator } from './livedata';
export {
  startOAuth2ClientCredentials,
  type OAuth2ClientCredentialsOptions,
  type OAuth2ClientCredentialsEmulator,
} from './oauth2cc';
export { startLemonway, LEMONWAY_API_PREFIX, type LemonwayOptions, type LemonwayEmulator, type LemonwayEnvironment } from './lemonway';
export {
  startAuthorizationServer,
  type AuthorizationServer,
  type AuthorizationServerClient,
  type AuthorizationServerOptions,
} from './authorization-server';
export type { PasswordGrantUser } from './password-grant';
export { browserLogin, type BrowserLogin } from './browser-login';
export { startDpopResourceServer, type DpopResourceServer, type DpopResourceServerOptions } from './dpop-resource-server';

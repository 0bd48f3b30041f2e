/**
 * Channels for the built-in demo: an environment backed by a small auth service and API that the
 * main process runs on 127.0.0.1 while the demo is in use, so a newcomer can see tokens work
 * without any account. Nothing here is secret: the demo's secrets live in the vault like any other.
 */
import { z } from 'zod';
import { idSchema, channel } from '../define';

export interface DemoStatus {
  /** The Demo environment and its credentials exist. */
  installed: boolean;
  /** The demo server is listening (it is started again on demand after a restart). */
  running: boolean;
  environmentId: string | null;
  /** The demo's credentials: OAuth2 client credentials (JWT) and the custom JSON session dialect. */
  credentials: Array<{ id: string; dialect: 'oauth2' | 'session' }>;
  /** e.g. http://127.0.0.1:43123, while running. */
  url: string | null;
  /** Where the demo publishes its signing keys, for the JWT inspector. */
  jwksUrl: string | null;
  /** Lifetime of the demo's OAuth2 token. */
  lifetimeSeconds: number;
}

/** What the demo API answered to an authenticated call. */
export interface DemoCallResult {
  status: number;
  /** The response body (JSON text from the demo API; it never contains the token). */
  body: string;
  /** The first answer was 401, so the token was renewed and the call sent once more. */
  renewedAfter401: boolean;
}

export const demoChannels = {
  'demo:status': channel<DemoStatus>()(z.object({}).strict()),
  /** Creates the Demo environment and credentials if needed, and starts the demo server. */
  'demo:start': channel<DemoStatus>()(z.object({}).strict()),
  /** Stops the demo server and deletes the Demo environment and its credentials. */
  'demo:remove': channel<DemoStatus>()(z.object({}).strict()),
  /** `GET /api/hello` on the demo API with one of the demo credentials' tokens. */
  'demo:hello': channel<DemoCallResult>()(z.object({ credentialId: idSchema('demo credential') }).strict()),
};

export const demoEvents = {};

/**
 * Serves the production renderer from `app://tokenbench/` instead of `file://`, so the page
 * has a real origin, file access stays closed, and every response carries our CSP.
 */
import { protocol } from 'electron';
import { RENDERER_HOST } from '../core/renderer-files';
import { rendererResponse } from './renderer-response';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${RENDERER_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Must run once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}

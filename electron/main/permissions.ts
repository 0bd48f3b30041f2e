/**
 * Which web permissions the window gets: writing text to the clipboard ("Copy as cURL", copying
 * a timeline entry), and only for our own page. Everything else (camera, notifications,
 * reading the clipboard, ...) is refused.
 */
import { isTrustedSenderUrl } from '../core/trusted-sender';

const GRANTED = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, trustedOrigin: string): boolean {
  return GRANTED.has(permission) && isTrustedSenderUrl(requestingUrl, trustedOrigin);
}

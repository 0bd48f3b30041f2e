/**
 * Which IPC senders the main process answers: only frames showing our own renderer, from the
 * origin the app itself loads (the `app://tokenbench` protocol, or the dev server in
 * development). Anything else (a navigated-away frame, an injected iframe) is dropped.
 */
export function isTrustedSenderUrl(senderUrl: string | undefined, trustedOrigin: string): boolean {
  if (!senderUrl) return false;
  try {
    return originOf(new URL(senderUrl)) === originOf(new URL(trustedOrigin));
  } catch {
    // An unparsable sender URL is, by definition, not one of ours.
    return false;
  }
}

/**
 * `URL.origin` is the string "null" for custom schemes such as `app:`, which would make every
 * custom-scheme URL look alike; compare scheme, host and port instead.
 */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * An environment's allowed hosts: its secrets and tokens go to these hosts only. Entries are a
 * host name (any port), `host:port`, or `*.example.com` (any subdomain, not example.com itself);
 * an empty list allows any host. One matcher for the main process (which enforces it) and the
 * renderer (which warns before a refusal). Pure: no Node APIs.
 */

function matches(url: URL, entry: string): boolean {
  const pattern = entry.trim().toLowerCase();
  // URL lower-cases host names (and an http(s) URL always has one, so a blank entry matches none).
  const { hostname } = url;
  // `*.example.com` needs a label before the dot: `.example.com` is a host name URL accepts.
  if (pattern.startsWith('*.')) return hostname.endsWith(pattern.slice(1)) && hostname.length > pattern.length - 1;
  if (/:\d+$/.test(pattern)) return `${hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}` === pattern;
  return hostname === pattern;
}

export function isHostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  return allowedHosts.length === 0 || allowedHosts.some((entry) => matches(url, entry));
}

/** The http(s) URL in a value the user typed (e.g. a base URL variable), or null. */
export function httpUrlOf(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

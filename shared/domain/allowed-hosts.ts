/**
 * An environment's allowed hosts: its secrets and tokens go to these hosts only. Entries are a
 * host name (any port), `host:port`, or `*.example.com` (any subdomain, not example.com itself);
 * an empty list allows any host. One matcher for the main process (which enforces it) and the
 * renderer (which warns before a refusal). Pure: no Node APIs.
 */

function matches(url: URL, entry: string): boolean {
  const pattern = entry.trim().toLowerCase();
  if (!pattern) return false;
  const hostname = url.hostname.toLowerCase();
  if (pattern.startsWith('*.')) return hostname.endsWith(pattern.slice(1)) && hostname.length > pattern.length - 1;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const hasPort = /:\d+$/.test(pattern) && !pattern.endsWith(']');
  if (hasPort) return `${hostname}:${port}` === pattern || `${hostname}:${url.port}` === pattern;
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

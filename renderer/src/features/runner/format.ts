/** Human-readable sizes and durations for the response line and the timing breakdown. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** The path and query of a request URL, what tells history rows apart; a URL that does not parse is shown whole. */
export function requestPath(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** The host of a request URL, or '' when it does not parse. */
export function requestHost(url: string): string {
  return URL.canParse(url) ? new URL(url).host : '';
}

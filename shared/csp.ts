/**
 * The Content-Security-Policy of the renderer: only our own scripts, no inline script, no
 * remote connections (all network traffic goes through the main process). Styles may be
 * inline: the JSON editor (CodeMirror) injects its styles as a `<style>` element, and styles
 * cannot run code.
 * Used both in the page's meta tag (see vite.config.ts) and as a header by the app protocol.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

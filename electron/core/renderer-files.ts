/**
 * Which file of the built renderer an `app://tokenbench/...` URL names, for the app protocol
 * (electron/main/protocol.ts). Electron-free so the path checks are tested: nothing outside the
 * renderer folder is ever served, however the path is encoded (`..%2f`, `%5c`, absolute paths).
 */
import path from 'node:path';

export const RENDERER_HOST = 'tokenbench';

/** The file to serve, or null when the URL names nothing inside `rendererDir`. */
export function rendererFilePath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  let relative: string;
  try {
    url = new URL(requestUrl);
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    // A malformed URL or percent-encoding names no file of ours.
    return null;
  }
  if (url.host !== RENDERER_HOST || relative.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  return file.startsWith(root + path.sep) ? file : null;
}

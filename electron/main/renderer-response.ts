/**
 * The answer of the `app://tokenbench/` protocol: a file of the built renderer with its type
 * and the CSP, or a plain 404. Nothing outside the renderer folder is served (see
 * core/renderer-files.ts), not through symbolic links either, and folders are never listed.
 * Electron-free: the shell test drives it through the built main bundle.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { rendererFilePath } from '../core/renderer-files';

/** The file types the renderer build produces; anything else is not ours to serve. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };

/** What a request for something we do not serve gets: no stack trace, no listing, no hint. */
const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export async function rendererResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const file = rendererFilePath(rendererDir, requestUrl);
  const type = file ? CONTENT_TYPES[path.extname(file).toLowerCase()] : undefined;
  if (!file || !type) return notFound();
  try {
    const [real, root] = await Promise.all([fs.realpath(file), fs.realpath(rendererDir)]);
    if (!real.startsWith(root + path.sep)) return notFound();
    const body = await fs.readFile(real);
    return new Response(body, { status: 200, headers: { 'Content-Type': type, ...SECURITY_HEADERS } });
  } catch (error) {
    if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return notFound();
    throw error;
  }
}

/**
 * The `app://tokenbench/` protocol of the built main bundle: every file of the built renderer
 * with its type and the CSP, a plain 404 for anything else, nothing outside `dist/` however the
 * path is written, and no folder listings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { bootMain, rendererDir, settle, type BootedMain } from './load-main';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the app:// protocol', () => {
  let main: BootedMain;
  beforeAll(async () => {
    main = await bootMain();
    main.control.becomeReady();
    await settle(() => main.control.windows().length === 1, 'the window');
  });
  afterAll(async () => {
    await main?.shutDown();
  });

  it('serves index.html for the root, with the CSP', async () => {
    const response = await main.control.fetch('app://tokenbench/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8'));
  });

  it('serves every file of the built renderer with its type and the CSP', async () => {
    const files = filesUnder(rendererDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const url = `app://tokenbench/${path.relative(rendererDir, file).split(path.sep).join('/')}`;
      const response = await main.control.fetch(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(TYPES[path.extname(file)]);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(file)), url).toBe(true);
    }
  });

  it('answers 404 for a missing file and for folders, never a listing', async () => {
    for (const url of ['app://tokenbench/missing.js', 'app://tokenbench/assets/missing.css', 'app://tokenbench/assets', 'app://tokenbench/assets/', 'app://tokenbench/index.html/x.js']) {
      const response = await main.control.fetch(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('Not found');
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never serves anything outside dist/, however the path is written', async () => {
    const outside = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/../dist-electron/main.js',
      '/..%2fdist-electron%2fmain.js',
    ];
    for (const pathPart of outside) {
      const response = await main.control.fetch(`app://tokenbench${pathPart}`);
      expect(response.status, pathPart).toBe(404);
    }
    const otherHost = await main.control.fetch('app://other/index.html');
    expect(otherHost.status).toBe(404);
  });
});

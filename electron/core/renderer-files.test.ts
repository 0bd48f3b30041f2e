import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFilePath } from './renderer-files';

const root = path.resolve('/opt/tokenbench/dist');

describe('rendererFilePath', () => {
  it('serves files of the renderer folder, index.html for the root', () => {
    expect(rendererFilePath(root, 'app://tokenbench/')).toBe(path.join(root, 'index.html'));
    expect(rendererFilePath(root, 'app://tokenbench/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(rendererFilePath(root, 'app://tokenbench/assets/a%20b.css?v=1#x')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('never names a file outside it, however the path is written', () => {
    for (const url of [
      'app://tokenbench/../../etc/passwd',
      'app://tokenbench/..%2f..%2fetc%2fpasswd',
      'app://tokenbench/%2e%2e/%2e%2e/etc/passwd',
      'app://tokenbench/assets/..%2f..%2f..%2fetc/passwd',
      'app://tokenbench/..%5c..%5cwindows%5cwin.ini',
      'app://tokenbench/%2fetc%2fpasswd/..%2f..%2f..%2f..',
      'app://tokenbench/..',
      'app://tokenbench/assets/%2e%2e',
      'app://tokenbench/dist/../../dist-electron/main.js',
    ]) {
      const file = rendererFilePath(root, url);
      if (file !== null) expect(file.startsWith(root + path.sep), `${url} -> ${file}`).toBe(true);
    }
    expect(rendererFilePath(root, 'app://tokenbench/..%2f..%2fetc%2fpasswd')).toBeNull();
  });

  it('keeps an absolute path inside the folder', () => {
    expect(rendererFilePath(root, 'app://tokenbench//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(rendererFilePath(root, 'app://tokenbench/%2Fetc%2Fpasswd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('refuses other hosts, malformed encodings and NUL bytes', () => {
    expect(rendererFilePath(root, 'app://elsewhere/index.html')).toBeNull();
    expect(rendererFilePath(root, 'app://tokenbench/%E0%A4%A')).toBeNull();
    expect(rendererFilePath(root, 'app://tokenbench/index.html%00.png')).toBeNull();
    expect(rendererFilePath(root, 'not a url')).toBeNull();
  });
});

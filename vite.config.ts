/**
 * One build for the whole app:
 * - the renderer (React) from `renderer/` into `dist/`;
 * - the Electron main and preload (vite-plugin-electron) into `dist-electron/`;
 * - `vite build --mode cli`: the `tokenbench` CLI into `dist-cli/`.
 * In `vite` (serve) mode the plugin also starts Electron against the dev server, with reload.
 */
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron/simple';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

const root = import.meta.dirname;
const at = (...parts: string[]) => path.join(root, ...parts);

/** Puts the strict CSP into the built page; the dev server needs inline scripts and websockets for reload. */
function contentSecurityPolicy(): Plugin {
  let isBuild = true;
  return {
    name: 'tokenbench-csp',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    transformIndexHtml() {
      const policy = isBuild
        ? CONTENT_SECURITY_POLICY
        : CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            .replace("connect-src 'none'", "connect-src 'self' ws:");
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
    },
  };
}

const cliBuild = defineConfig({
  build: {
    // The entry is the thin client; the whole CLI is a chunk loaded only when needed.
    ssr: at('electron/cli/entry.ts'),
    outDir: at('dist-cli'),
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: { output: { format: 'es', entryFileNames: 'tokenbench.js', chunkFileNames: '[name]-[hash].js' } },
  },
});

export default defineConfig(async ({ mode }) => {
  if (mode === 'cli') return cliBuild;
  return {
    root: at('renderer'),
    base: './',
    build: { outDir: at('dist'), emptyOutDir: true, target: 'chrome130' },
    plugins: [
      react(),
      contentSecurityPolicy(),
      // Tests and the browser-only e2e build skip Electron; its output is still type-checked.
      ...(process.env.TOKENBENCH_RENDERER_ONLY
        ? []
        : await electron({
            main: {
              entry: at('electron/main/main.ts'),
              vite: {
                build: { outDir: at('dist-electron'), rolldownOptions: { output: { entryFileNames: 'main.js' } } },
                // Bruno's parser require()s ohm-js, whose ES build has only a default export: bundle
                // the CommonJS build it was written against (the CLI build leaves packages external).
                resolve: { alias: { 'ohm-js': at('node_modules/ohm-js/dist/ohm.cjs') } },
              },
            },
            preload: {
              input: at('electron/preload/preload.ts'),
              vite: { build: { outDir: at('dist-electron'), rolldownOptions: { output: { entryFileNames: 'preload.cjs' } } } },
            },
          })),
    ],
  };
});

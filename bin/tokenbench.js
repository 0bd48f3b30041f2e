#!/usr/bin/env node
// The `tokenbench` command: runs the CLI built by `vite build --mode cli` into dist-cli/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist-cli/tokenbench.js', import.meta.url);

if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('tokenbench: the CLI is not built yet.\nBuild it with: npx vite build --mode cli   (from the Tokenbench folder)\n');
  process.exitCode = 1;
} else {
  const { run } = await import(built.href);
  process.exitCode = await run();
}

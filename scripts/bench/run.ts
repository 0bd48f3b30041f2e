/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` in turn. Each prints its own
 * measurements as ratios against a baseline measured in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.startsWith(wanted)))
  .sort();

if (files.length === 0) {
  console.error(`No benchmarks matched ${only.join(', ')}. Available: ${fs.readdirSync(here).filter((n) => n.endsWith('.bench.ts')).join(', ')}`);
  process.exit(1);
}

for (const file of files) {
  console.log(`\n== ${file.replace('.bench.ts', '')}`);
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as { default: () => Promise<void> };
  await module.default();
}

/** Runs the CLI in this process (`node --import tsx electron/cli/run.ts ...`): for development and tests. */
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Runs the CLI from the sources (`node --import tsx electron/cli/run.ts ...`): for development and tests. */
import { run } from './entry';

process.exitCode = await run();

/**
 * The built CLI's entry (`dist-cli/tokenbench.js`): only the thin client is loaded up front;
 * the whole CLI (`dist-cli/main-*.js`) only when the command runs in this process.
 */
import { runInAgent } from './agent/client';

export async function run(): Promise<number> {
  const proc = { argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const inAgent = await runInAgent(proc);
  if (inAgent !== undefined) return inAgent;
  const { main } = await import('./main');
  return main(proc.argv, proc);
}

// Drives an exported TypeScript token client for the code-export tests: one JSON command per
// stdin line, one JSON answer per stdout line. Its clock is a fake the test advances, in step
// with the emulator's, so renewal is tested without waiting.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

interface Client {
  fetch(url: string, init?: { method?: string }): Promise<{ status: number }>;
}

const clientPath = process.argv[2];
if (!clientPath) throw new Error('usage: driver.ts CLIENT_FILE');
let now = Number(process.env.DRIVER_START_MS ?? Date.now());
const { TokenClient } = (await import(pathToFileURL(clientPath).href)) as { TokenClient: new (options: { now: () => number }) => Client };
const client = new TokenClient({ now: () => now });

async function call(url: string): Promise<{ status?: number; error?: string; message?: string }> {
  try {
    return { status: (await client.fetch(url)).status };
  } catch (error) {
    return { error: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { op: string; url?: string; n?: number; seconds?: number };
  let answer: unknown;
  if (command.op === 'advance') {
    now += command.seconds! * 1000;
    answer = { ok: true };
  } else if (command.op === 'calls') {
    answer = { results: await Promise.all(Array.from({ length: command.n! }, () => call(command.url!))) };
  } else answer = await call(command.url!);
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

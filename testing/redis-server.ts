/**
 * A real redis-server for tests: 127.0.0.1, a free port, a temporary folder, append-only
 * persistence (as a fleet's Redis should run, so a restart keeps the guard). Restartable on the
 * same port; its saved data can be read back for canary searches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import { tempHome } from './secret-managers/temp-home';

export interface TestRedis {
  url: string;
  /** Stops the server (saving its data) and starts it again on the same port after `downMs`. */
  restart(downMs: number): Promise<void>;
  /** Every byte Redis keeps: its saved files after a SAVE, and DUMP of every key. */
  dump(): Promise<Buffer>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function start(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server ended (${code}): ${output.slice(-500)}`)));
  });
  return child;
}

const stopped = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

export async function startRedis(): Promise<TestRedis> {
  const home = tempHome('redis');
  const port = await freePort();
  let server = await start(home.dir, port);
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    async restart(downMs) {
      server.kill('SIGTERM'); // redis-server saves and ends on SIGTERM
      await stopped(server);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await start(home.dir, port);
    },
    async dump() {
      const client = new Redis(url);
      try {
        await client.save();
        const dumps: Buffer[] = [];
        for (let cursor = '0'; ; ) {
          const [next, keys] = await client.scan(cursor, 'COUNT', 1000);
          for (const key of keys) dumps.push(Buffer.from(key), (await client.dumpBuffer(key)) ?? Buffer.alloc(0));
          if ((cursor = next) === '0') break;
        }
        const files = fs.readdirSync(home.dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
        return Buffer.concat([...dumps, ...files.map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name)))]);
      } finally {
        client.disconnect();
      }
    },
    async close() {
      server.kill('SIGKILL');
      await stopped(server);
      home.remove();
    },
  };
}

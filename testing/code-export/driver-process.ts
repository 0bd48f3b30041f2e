// Runs a code-export driver (driver.ts under tsx, or driver.py under python3) as a child process
// and talks to it one JSON line at a time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, '../../node_modules/.bin/tsx');

export interface DriverAnswer {
  status?: number;
  error?: string;
  message?: string;
  results?: DriverAnswer[];
}

export class DriverProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private waiting?: (line: string) => void;
  private stderr = '';

  constructor(language: 'typescript' | 'python', clientFile: string, env: Record<string, string>, startMs: number) {
    const [command, args] = language === 'typescript' ? [tsx, [path.join(here, 'driver.ts'), clientFile]] : ['python3', [path.join(here, 'driver.py'), clientFile]];
    this.child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, DRIVER_START_MS: String(startMs) } });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(line);
      } else this.lines.push(line);
    });
  }

  async send(command: object): Promise<DriverAnswer> {
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
    const line =
      this.lines.shift() ??
      (await new Promise<string>((resolve, reject) => {
        this.waiting = resolve;
        this.child.once('exit', (code) => reject(new Error(`the driver exited (${code}): ${this.stderr}`)));
      }));
    return JSON.parse(line) as DriverAnswer;
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}

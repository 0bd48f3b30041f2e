/**
 * `tokenbench agent` (internal, started by `tokenbench unlock`): reads the passphrase and idle
 * time as one JSON line on standard input, unlocks, starts serving, says `{"ok":true}` on
 * standard output, and then runs until the session ends.
 */
import { Writable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { startAgent } from '../agent/server';
import { agentSocketPath, ensureAgentFolder } from '../agent/socket-path';
import { openCore } from '../core';
import { fleetSettings } from '../fleet-options';
import { readAllStdin } from '../io';
import type { Command } from './command';

export const agentCommand: Command = {
  words: ['agent'],
  usage: '',
  arity: 0,
  local: true,
  hidden: true,
  summary: 'Serve an unlock session (started by tokenbench unlock).',
  async run({ io, dataDir, cli }) {
    const { passphrase, idleMinutes } = JSON.parse(await readAllStdin(io)) as { passphrase: string; idleMinutes: number };
    // After the answer the starter is gone: nothing may be written to its pipes any more.
    let answered = false;
    const quietAfterAnswer = new Writable({ write: (chunk, _encoding, callback) => (answered ? callback() : io.stderr.write(chunk, () => callback())) });
    const answer = (message: object) => {
      io.stdout.write(`${JSON.stringify(message)}\n`);
      answered = true;
    };
    // `unlock --cache` hands the cache on in TOKENBENCH_CACHE / TOKENBENCH_FLEET_KEY_REF.
    const core = await openCore(dataDir, { ...io, stderr: quietAfterAnswer }, fleetSettings({}, io.env), io.env.TOKENBENCH_WORKSPACE || undefined);
    try {
      await core.vault.unlock({ passphrase });
      ensureAgentFolder(io.env);
      const stopped = new Promise<string>((resolve) => {
        void startAgent({ core, cli, socketPath: agentSocketPath(dataDir, io.env), idleMs: idleMinutes * 60_000, onStop: resolve }).then(
          (agent) => {
            answer({ ok: true });
            // The starter has exited and closed its pipes: a late write there must not end the session.
            for (const stream of [io.stdout, io.stderr]) stream.on('error', () => undefined);
            for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => agent.stop(`stopped by ${signal}`));
            // Like ssh-agent: do not keep the starter's folder busy (file names come from each client's own folder).
            process.chdir('/');
          },
          (error: unknown) => {
            answer({ ok: false, message: `The unlock session could not listen: ${error instanceof Error ? error.message : String(error)}` });
            resolve('failed');
          },
        );
      });
      await stopped;
      return 0;
    } catch (error) {
      answer(error instanceof AppError ? { ok: false, code: error.code, message: error.message, hint: error.hint } : { ok: false, message: error instanceof Error ? error.message : String(error) });
      return 1;
    } finally {
      await core.services.dispose();
    }
  },
};

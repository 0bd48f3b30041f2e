/**
 * `tokenbench run [NAME|GROUP ...] [--all]`: saved requests as a batch for CI, like newman or
 * `bru run`, with tokens obtained, reused and renewed by the engine. One status line per
 * request, a summary, `--json` and `--junit FILE`; exit 1 when any request failed or its token
 * could not be had (then the call is not sent).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { junitXml } from '../batch/junit';
import { summarize, type RequestOutcome, type RunSummary } from '../batch/outcome';
import { runOne } from '../batch/run-one';
import { selectRequests } from '../batch/select';
import { findEnvironmentByName, unlock } from '../core';
import { EXIT } from '../exit-codes';
import { formatDuration } from '../terminal-text';
import type { Command } from './command';

function statusLine(o: RequestOutcome): string {
  const where = [o.environment, o.credential].filter(Boolean).join(' / ');
  const head = `${o.verdict === 'passed' ? 'ok  ' : 'FAIL'} ${o.group} > ${o.name}  ${o.method} ${o.url}`;
  const result = o.status !== null ? `${o.status}` : o.verdict === 'no-token' ? 'no token, not sent' : o.sent ? 'no answer' : 'not sent';
  const lines = [`${head}  ${result}  ${formatDuration(o.durationMs)}${where ? `  (${where})` : ''}${o.tokenRenewedAfter401 ? '  token renewed after 401' : ''}`];
  if (o.error) lines.push(`     ${o.error.message}${o.error.hint ? ` ${o.error.hint}` : ''}`);
  return lines.join('\n');
}

function summaryLine(s: RunSummary): string {
  const noToken = s.noToken ? ` (${s.noToken} without a token, not sent)` : '';
  return `${s.total} request${s.total === 1 ? '' : 's'}: ${s.passed} passed, ${s.failed} failed${noToken}, in ${formatDuration(s.durationMs)}.`;
}

export const runCommand: Command = {
  words: ['run'],
  usage: '[NAME|GROUP ...]',
  arity: 'any',
  summary: 'Run saved requests as a batch (CI): status lines, a summary, JSON or JUnit.',
  options: { all: { type: 'boolean' }, env: { type: 'string' }, json: { type: 'boolean' }, junit: { type: 'string' }, yes: { type: 'boolean' }, bail: { type: 'boolean' } },
  details: [
    'NAME|GROUP      a saved request (name or id), a collection, or "collection/folder" (repeatable)',
    '--all           every saved request',
    '--env NAME      run them all in this environment instead of the one each was saved with',
    '--json          print the outcomes and the summary as JSON instead of lines',
    '--junit FILE    also write a JUnit XML report (for CI test dashboards)',
    '--bail          stop at the first failure',
    '--yes           confirm production environments',
    'A request whose token cannot be had is not sent, and counts as failed.',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const core = await openCore();
    const saved = await core.runner.listSaved({});
    const chosen = selectRequests(saved, args, options.all === true);
    const environmentId = options.env ? findEnvironmentByName(core, options.env as string).id : undefined;
    await unlock(core, io);
    const started = performance.now();
    const outcomes: RequestOutcome[] = [];
    for (const request of chosen) {
      const outcome = await runOne(core, request, { environmentId, confirmed: options.yes === true });
      outcomes.push(outcome);
      if (!options.json) print(statusLine(outcome));
      if (options.bail && outcome.verdict !== 'passed') break;
    }
    const summary = summarize(outcomes, Math.round(performance.now() - started));
    print(options.json ? JSON.stringify({ outcomes, summary }, null, 2) : summaryLine(summary));
    if (options.junit) {
      const file = path.resolve(io.cwd ?? process.cwd(), options.junit as string);
      try {
        fs.writeFileSync(file, junitXml(outcomes, summary));
      } catch (error) {
        throw new AppError('request-error', `The JUnit report could not be written to ${file}: ${(error as Error).message}`);
      }
    }
    return summary.failed === 0 ? EXIT.ok : EXIT.failed;
  },
};

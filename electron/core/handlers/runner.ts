/**
 * IPC adapter for the request runner (`runner:*`), saved requests (`requests:*`) and the
 * history of sent requests (`history:*`).
 */
import type { runnerChannels } from '../../../shared/ipc/domains/runner';
import type { RunnerService } from '../runner/service';
import type { HandlersOf } from './handler-types';

export type RunnerHandlers = HandlersOf<typeof runnerChannels>;

export function runnerHandlers(runner: RunnerService): RunnerHandlers {
  return {
    'runner:send': (request) => runner.send(request),
    'runner:cancel': (request) => runner.cancel(request),
    'runner:body-page': (request) => runner.bodyPage(request),
    'runner:body-search': (request) => runner.bodySearch(request),
    'runner:export-curl': (request) => runner.exportCurl(request),
    'requests:list': (request) => runner.listSaved(request),
    'requests:save': (request) => runner.save(request),
    'requests:delete': (request) => runner.deleteSaved(request),
    'history:list': (request) => runner.listHistory(request),
    'history:get': (request) => runner.getHistory(request),
    'history:clear': (request) => runner.clearHistory(request),
  };
}

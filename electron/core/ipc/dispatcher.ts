/**
 * Turns an untrusted (channel, payload) pair into a call of the right handler.
 *
 * The Electron main (via ipcMain) and the browser e2e tests (via a Playwright binding) both
 * send every message through here, so validation and error shaping are identical in both.
 * Every failure comes back as `{ ok: false, error }`: nothing throws across the boundary.
 */
import { contract, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { channelNames, type ChannelName } from '../../../shared/ipc/contract';
import { AppError, type ErrorInfo, type Result } from '../../../shared/errors';

export type Handlers = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Scrubs secrets from messages of unexpected errors before they leave the main process. */
  redact?: (text: string) => string;
  /** Where unexpected errors are reported (already redacted). */
  onUnexpectedError?: (channel: string, message: string) => void;
}

const knownChannels: ReadonlySet<string> = new Set(channelNames);

function isChannel(name: string): name is ChannelName {
  return knownChannels.has(name);
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const redact = options.redact ?? ((text: string) => text);
  return async (channelName, payload) => {
    if (!isChannel(channelName)) {
      return failure('unknown-channel', `Tokenbench has no action called "${channelName}".`);
    }
    const parsed = contract[channelName].request.safeParse(payload ?? {});
    if (!parsed.success) {
      // The schemas' own messages are written for people ("Give the environment a name."); the
      // field paths go to the hint for whoever needs to trace it.
      const messages = [...new Set(parsed.error.issues.map((issue) => issue.message))].join(' ');
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(request)'))].join(', ');
      return failure('invalid-request', messages, `Nothing was changed. The ${describe(channelName)} request was refused at: ${fields}.`);
    }
    try {
      const handler = handlers[channelName] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: redactInfo(error.toInfo(), redact) };
      const message = redact(error instanceof Error ? error.message : String(error));
      options.onUnexpectedError?.(channelName, message);
      return failure('internal', `Tokenbench hit an unexpected problem while handling ${describe(channelName)}: ${message}`, 'Please report this with the steps that led to it.');
    }
  };
}

/** Every text of an error, scrubbed: message, hint and string details alike. */
function redactInfo(info: ErrorInfo, redact: (text: string) => string): ErrorInfo {
  const details = info.details && Object.fromEntries(Object.entries(info.details).map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value]));
  return { ...info, message: redact(info.message), ...(info.hint ? { hint: redact(info.hint) } : {}), ...(details ? { details } : {}) };
}

function describe(channelName: string): string {
  const [domain, verb] = channelName.split(':');
  return `"${verb} ${domain}"`;
}

function failure(code: string, message: string, hint?: string): Result<never> {
  return { ok: false, error: { code, message, ...(hint ? { hint } : {}) } };
}

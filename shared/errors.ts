/**
 * Errors the user can read.
 *
 * Every failure that crosses the IPC boundary becomes `{ code, message, hint? }`. `code` lets
 * the UI pick a treatment; `message` says what happened in the user's words; `hint` says what
 * to do about it. Messages must never contain secret values.
 */
export type ErrorCode =
  | 'invalid-request'
  | 'not-found'
  | 'conflict'
  | 'untrusted-sender'
  | 'unknown-channel'
  | 'store-corrupt'
  | 'store-busy'
  | 'vault-locked'
  | 'vault-error'
  | 'token-error'
  | 'request-error'
  | 'confirmation-required'
  | 'host-not-allowed'
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode | (string & {});
  message: string;
  hint?: string;
  /** Extra, non-secret facts the UI may show (e.g. HTTP status, when to retry). */
  details?: Record<string, string | number | boolean | null>;
}

/** An error meant for the user: thrown anywhere in the core, shown as-is by the renderer. */
export class AppError extends Error {
  readonly code: ErrorInfo['code'];
  readonly hint: string | undefined;
  readonly details: ErrorInfo['details'];

  constructor(code: ErrorInfo['code'], message: string, options: { hint?: string; details?: ErrorInfo['details']; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  toInfo(): ErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

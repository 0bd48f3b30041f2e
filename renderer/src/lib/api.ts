/**
 * The main-process API as the renderer sees it. Its type is derived from the IPC contract;
 * the object itself is put on `window` by the preload (or by the e2e harness in a browser).
 */
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { RendererApi } from '../../../shared/ipc/renderer-api';

declare global {
  interface Window {
    tokenbench: RendererApi;
  }
}

export const api: RendererApi = window.tokenbench;

/** A failed call, carrying the main process's readable error. */
export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return error.info;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

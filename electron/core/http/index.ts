// HTTP for the token engine and the request runner (electron-free).
export * from './types';
export { HttpError, type HttpErrorCode } from './errors';
export { createHttpClient, HTTP_DEFAULTS, type HttpClientOptions, type NodeHttpClient } from './client';

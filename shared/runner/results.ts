// What the renderer receives about a sent request: the request as it went on the wire and the
// response, with every secret masked. Plain data, renderer-safe; produced in the main process.
import type { HttpRedirect, HttpTimings } from '../domain/http';
import type { ErrorInfo } from '../errors';
import type { RequestDraft } from './draft';

/** Bodies above this many bytes stay in the main process and are read page by page. */
export const INLINE_BODY_BYTES = 256 * 1024;
/** The most the runner reads of one response (the HTTP client's default for tokens is 10 MB). */
export const RUNNER_MAX_BODY_BYTES = 100 * 1024 * 1024;
/** Lines in the first page sent with the response, enough for the first screen. */
export const FIRST_PAGE_LINES = 200;
/** Longer lines are cut in pages (a minified body can be one 20 MB line). */
export const MAX_LINE_CHARS = 10_000;

export type Header = [name: string, value: string];

/** The request exactly as sent (HTTP/1.1 form), secrets and the credential's token masked. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Header[];
  /** Masked; cut to 64 KB for display (see bodyBytes for the real size). */
  body: string | null;
  bodyBytes: number;
  /** Who added the auth header, e.g. credential "Lemonway API" (null without a credential). */
  credentialName: string | null;
  environmentName: string | null;
  /** The DPoP proof the credential's key signed for this request (RFC 9449), decoded; absent without DPoP. */
  dpopProof?: { header: Record<string, unknown>; claims: Record<string, unknown> };
}

export type Timings = HttpTimings;

export type BodyKind = 'empty' | 'json' | 'text' | 'binary';
export type BodyView = 'pretty' | 'raw' | 'hex';

export interface ResponseBody {
  kind: BodyKind;
  contentType: string;
  sizeBytes: number;
  /** Handle for `runner:body-page` / `runner:body-search`; null for an empty body or one no longer in memory. */
  bodyId: string | null;
  /** The whole body as text (pretty JSON for json) when it is small enough to send at once. */
  text: string | null;
  /** The whole body as received when it is small and `text` is reformatted; else null. */
  raw: string | null;
  /** The first lines of the default view (pretty JSON, text or hex) when the body is paged. */
  firstLines: string[];
  /** Lines known so far in the default view; final when `complete`. */
  lineCount: number;
  complete: boolean;
  /** For small images: a data: URL for a preview. */
  imageDataUrl: string | null;
  /** Something the user should know about the body (not valid JSON, not kept...). */
  note: string | null;
}

export interface ResponseSummary {
  status: number;
  statusText: string;
  /** The URL that answered (after redirects), masked. */
  url: string;
  redirects: HttpRedirect[];
  headers: Header[];
  sizeBytes: number;
  timings: Timings;
  /** The token was rejected (401), renewed, and the request sent again once. */
  renewedAfter401: boolean;
  /** The token was rejected (401) and could not be renewed: why, and what to do. */
  renewalError?: { message: string; hint?: string };
}

export interface RunResult {
  historyId: string;
  /** ms epoch */
  at: number;
  request: SentRequest;
  response: ResponseSummary;
  body: ResponseBody;
  /** Set when the history could not record this request (the response itself is fine). */
  historyProblem: string | null;
}

export interface BodyPage {
  bodyId: string;
  view: BodyView;
  from: number;
  lines: string[];
  lineCount: number;
  complete: boolean;
  /** Set when pretty-printing stopped because the text is not valid JSON. */
  note: string | null;
}

export interface HistorySummary {
  id: string;
  at: number;
  method: string;
  /** Masked. */
  url: string;
  status: number | null;
  durationMs: number | null;
  sizeBytes: number | null;
  environmentName: string | null;
  credentialName: string | null;
  error: string | null;
  /** The credential's token was rejected (401) and renewed before the answer came. */
  renewed?: boolean;
}

/** One history entry reopened: the draft to edit again and the result (or the error) as it was. */
export interface HistoryEntryView {
  summary: HistorySummary;
  draft: RequestDraft;
  request: SentRequest;
  result: RunResult | null;
  error: ErrorInfo | null;
}

export interface HistoryList {
  entries: HistorySummary[];
  /** Lines of the history file that could not be read (they stay in the file, untouched). */
  unreadable: number;
}

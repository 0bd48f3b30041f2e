/** What happened to one saved request in a batch run, and the summary of the run. */
export type Verdict = 'passed' | 'failed' | 'no-token';

export interface RequestOutcome {
  name: string;
  /** "collection" or "collection/folder". */
  group: string;
  method: string;
  /** As sent, secrets masked; the template when nothing was sent. */
  url: string;
  environment: string | null;
  credential: string | null;
  verdict: Verdict;
  /** false when the call never left: no token, a failed check (production, allowed hosts, variables). */
  sent: boolean;
  status: number | null;
  durationMs: number;
  tokenRenewedAfter401: boolean;
  error: { code: string; message: string; hint?: string } | null;
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  /** Failed because the token could not be had (the call was not sent). */
  noToken: number;
  durationMs: number;
}

export function summarize(outcomes: readonly RequestOutcome[], durationMs: number): RunSummary {
  const count = (verdict: Verdict) => outcomes.filter((o) => o.verdict === verdict).length;
  return { total: outcomes.length, passed: count('passed'), failed: count('failed') + count('no-token'), noToken: count('no-token'), durationMs };
}

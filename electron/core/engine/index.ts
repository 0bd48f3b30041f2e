// The token engine's public surface (electron-free). See engine.ts for the API in one page.
export { createTokenEngine, type TokenEngine, type TokenEngineOptions } from './engine';
export type { ApiRequest, AuthenticatedResponse } from './authenticated-request';
export type {
  CachedToken,
  Clock,
  EngineCredential,
  EngineEnvironment,
  IssuedToken,
  TokenCache,
  TokenKey,
  TokenState,
  TokenStatus,
  TokenUse,
} from './types';
export { TokenError, type TokenErrorCode, type TokenErrorInfo } from './errors';
export { MemoryTokenCache, tokenKeyString } from './memory-cache';
export { createMemoryGuardStore, type FlightOptions, type GuardRecord, type GuardStore } from './guard-store';
export { systemClock, createManualClock, type ManualClock } from '../clock';
export { createMemoryTimeline, type Timeline, type TimelineEntry, type TimelineSink, type TimelineRequest } from './timeline';
export { isHostAllowed } from './allowed-hosts';
export type { DeviceCodePrompt, UserAgentPort } from './authorization-code';
export { createMemoryProofKeyStore, type ProofKeyStore } from './dpop';

/**
 * The handler type for one domain's channel map, so a domain's handlers type-check on their own
 * (before the lead merges the domain into `shared/ipc/contract.ts`, and without the full map).
 */
import type { z } from 'zod';
import type { ChannelSpec } from '../../../shared/ipc/define';

export type HandlersOf<M extends Record<string, ChannelSpec>> = {
  [C in keyof M]: (request: z.output<M[C]['request']>) => Promise<M[C]['response']>;
};

/**
 * The handler type for one domain's channel map: each handler file covers exactly its domain's
 * channels (from `shared/ipc/domains/`), and `handlers/index.ts` merges them into `Handlers`.
 */
import type { z } from 'zod';
import type { ChannelSpec } from '../../../shared/ipc/define';

export type HandlersOf<M extends Record<string, ChannelSpec>> = {
  [C in keyof M]: (request: z.output<M[C]['request']>) => Promise<M[C]['response']>;
};

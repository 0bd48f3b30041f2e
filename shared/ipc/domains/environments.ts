/** Channels for environments: list, create, rename, delete; and the event that keeps views in step. */
import { z } from 'zod';
import { allowedHostSchema, environmentNameSchema, type Environment } from '../../domain/environment';
import { idSchema, channel, event } from '../define';

const environmentId = idSchema('environment');

export const environmentChannels = {
  'environments:list': channel<Environment[]>()(z.object({}).strict()),
  'environments:create': channel<Environment>()(
    z.object({ name: environmentNameSchema, production: z.boolean().optional() }).strict(),
  ),
  'environments:rename': channel<Environment>()(z.object({ id: environmentId, name: environmentNameSchema }).strict()),
  'environments:delete': channel<{ deleted: string }>()(z.object({ id: environmentId }).strict()),
  /** Settings other than the name and variables. */
  'environments:update': channel<Environment>()(
    z
      .object({
        id: environmentId,
        production: z.boolean().optional(),
        confirmProduction: z.boolean().optional(),
        allowInsecureTls: z.boolean().optional(),
        allowedHosts: z.array(allowedHostSchema).max(100).optional(),
      })
      .strict(),
  ),
  /** Copies variables (secret values only if asked) and credential use, e.g. sandbox -> prod. */
  'environments:clone': channel<Environment>()(
    z.object({ id: environmentId, name: environmentNameSchema, includeSecrets: z.boolean(), production: z.boolean().optional() }).strict(),
  ),
};

export const environmentEvents = {
  'environments:changed': event<Environment[]>(),
};

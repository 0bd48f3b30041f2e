/**
 * Channels for credentials: list, create (from scratch or from a preset), update, delete.
 * Recipes are validated by the recipe schema; preset values that are secret go to the vault.
 */
import { z } from 'zod';
import { credentialNameSchema, type Credential } from '../../domain/credential';
import type { Environment } from '../../domain/environment';
import { RecipeSchema } from '../../recipe/recipe';
import { MAX_ID_LENGTH, idListSchema, idSchema, channel, event } from '../define';

const id = idSchema;

export const credentialChannels = {
  'credentials:list': channel<Credential[]>()(z.object({}).strict()),
  'credentials:create': channel<Credential>()(
    z
      .object({
        name: credentialNameSchema,
        recipe: RecipeSchema,
        presetId: z.string().max(MAX_ID_LENGTH).nullable().optional(),
        environmentIds: idListSchema('environment').optional(),
      })
      .strict(),
  ),
  /**
   * The preset flow: creates the credential (or, with `useCredentialId`, uses an existing one
   * from the same preset: one recipe, each environment its own values), uses it in the
   * environment, and stores the values the user typed as the environment's variables (secret
   * ones in the vault).
   */
  'credentials:add-from-preset': channel<{ credential: Credential; environment: Environment }>()(
    z
      .object({
        presetId: idSchema('preset'),
        environmentId: id('environment'),
        useCredentialId: id('credential').optional(),
        name: credentialNameSchema.optional(),
        values: z.record(z.string(), z.string().max(100_000)),
      })
      .strict(),
  ),
  'credentials:update': channel<Credential>()(
    z
      .object({
        id: id('credential'),
        name: credentialNameSchema.optional(),
        recipe: RecipeSchema.optional(),
        environmentIds: idListSchema('environment').optional(),
      })
      .strict(),
  ),
  'credentials:delete': channel<{ deleted: string }>()(z.object({ id: id('credential') }).strict()),
};

export const credentialEvents = {
  'credentials:changed': event<Credential[]>(),
};

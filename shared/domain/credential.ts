/**
 * Credentials: a named recipe (how to obtain, renew and use a token) and the environments it
 * is used in. The recipe holds `{{variable}}` references, never secret values: those live in
 * each environment's secret variables, in the vault.
 */
import { z } from 'zod';
import { RecipeSchema } from '../recipe/recipe';
import { displayNameSchema } from './names';

/** For names typed or imported: no control or text-direction characters (see names.ts). */
export const credentialNameSchema = displayNameSchema('credential');

export const credentialSchema = z.object({
  id: z.string().min(1),
  name: credentialNameSchema,
  /** The preset it was made from, if any (for docs hints and the editor). */
  presetId: z.string().nullable().default(null),
  recipe: RecipeSchema,
  /** Environments this credential is used in: one dashboard card per environment x credential. */
  environmentIds: z.array(z.string()).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Credential = z.infer<typeof credentialSchema>;

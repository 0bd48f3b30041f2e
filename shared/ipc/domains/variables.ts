/**
 * Channels for environment variables, plain or secret. A secret's value goes renderer -> main
 * when it is set; it comes back only through `secrets:reveal`, an explicit and time-limited
 * action. `secrets:copy` puts it on the clipboard from the main process, never via the renderer.
 */
import { z } from 'zod';
import { variableNameSchema, type Environment } from '../../domain/environment';
import { secretReferenceSchema } from '../../domain/secret-reference';
import { idSchema, channel } from '../define';

const environmentId = idSchema('environment');
const target = { environmentId, name: variableNameSchema };

export interface RevealedSecret {
  value: string;
  /** Hide the value again after this long. */
  hideAfterMs: number;
}

export interface CopiedSecret {
  copied: true;
  /** The clipboard is cleared after this long, if it still holds the value. */
  clearAfterMs: number;
}

export const variableChannels = {
  'variables:set': channel<Environment>()(
    z
      .object({
        ...target,
        /** Left out: keep the stored value of an existing secret (e.g. to change only its description). */
        value: z.string().max(100_000, 'Keep values under 100,000 characters.').optional(),
        /** A secret read from the team's secret manager at use, instead of a value. */
        ref: secretReferenceSchema.optional(),
        secret: z.boolean(),
        description: z.string().max(500).optional(),
      })
      .strict()
      .refine((request) => request.ref === undefined || (request.secret && request.value === undefined), 'A variable holds either a value or a reference to a secret manager (and only secret variables hold references).'),
  ),
  'variables:delete': channel<Environment>()(z.object(target).strict()),
  'secrets:reveal': channel<RevealedSecret>()(z.object(target).strict()),
  'secrets:copy': channel<CopiedSecret>()(z.object(target).strict()),
};

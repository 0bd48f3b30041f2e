/**
 * Channels for credentials made from a vendor's example and credentials taken home as code.
 * The pasted example goes to the main process, which reads it; the answer names secret values
 * only by a masked hint. Saving sends the example again, so the secret values it holds go from
 * the paste straight into the vault, never through the renderer's state.
 */
import { z } from 'zod';
import { credentialNameSchema, type Credential } from '../../domain/credential';
import type { Environment } from '../../domain/environment';
import { RecipeSchema, type TokenRequestRecipe } from '../../recipe/recipe';
import { channel, idSchema } from '../define';

export interface ProposalGuess {
  part: string;
  summary: string;
  why: string;
}

export interface ProposalVariable {
  name: string;
  secret: boolean;
  /** Plain values as found; for secrets always '' (see `hint`). */
  value: string;
  /** `••••abcd` for a secret value the example held; '' when the user must fill it in. */
  hint: string;
  /** True when the example held a value for it (a secret's stays in the main process). */
  fromExample: boolean;
  why: string;
}

export interface ExampleProposalView {
  source: 'curl' | 'http' | 'python' | 'javascript';
  suggestedName: string;
  recipe: TokenRequestRecipe;
  variables: ProposalVariable[];
  guesses: ProposalGuess[];
  warnings: string[];
}

export interface ExportedCodeView {
  fileName: string;
  code: string;
  environmentVariables: Array<{ name: string; secret: boolean; default?: string }>;
}

const example = z.string().min(1, 'Paste the example first.').max(100_000, 'The example is over 100,000 characters: paste only the token request.');
const sampleResponse = z.string().max(200_000, 'The sample response is too long: paste only the token response.').optional();
const language = z.enum(['typescript', 'python']);

export const fromExampleChannels = {
  'fromExample:propose': channel<ExampleProposalView>()(z.object({ example, sampleResponse }).strict()),
  /** Creates the credential in the environment and stores its variables (secret ones in the vault). */
  'fromExample:save': channel<{ credential: Credential; environment: Environment }>()(
    z
      .object({
        example,
        sampleResponse,
        environmentId: idSchema('environment'),
        name: credentialNameSchema,
        recipe: RecipeSchema,
        /** A value typed here wins; a secret left empty keeps the value the example held. */
        values: z.record(z.string().max(200), z.string().max(100_000)),
        /** Which variables are secret, as the user left the switches. */
        secret: z.record(z.string().max(200), z.boolean()),
      })
      .strict(),
  ),
  'codeExport:generate': channel<ExportedCodeView>()(z.object({ credentialId: idSchema('credential'), environmentId: idSchema('environment').optional(), language }).strict()),
  /** Saves the code where the user picks in the main process's save dialog. */
  'codeExport:save': channel<{ saved: boolean; fileName: string | null }>()(
    z.object({ credentialId: idSchema('credential'), environmentId: idSchema('environment').optional(), language }).strict(),
  ),
};

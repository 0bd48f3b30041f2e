// The recipe's JSON Schema, derived from the zod schema so the two cannot drift apart. The
// committed recipe.schema.json is this output (write-json-schema.ts; a test fails when it is stale).
import { z } from 'zod';
import { RecipeSchema } from './recipe';

export const RECIPE_SCHEMA_ID = 'https://tokenbench.dev/schemas/recipe-v1.json';

export function recipeJsonSchema(): Record<string, unknown> {
  // 'input': fields with defaults are optional in the JSON people write.
  const schema = z.toJSONSchema(RecipeSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return { ...schema, $id: RECIPE_SCHEMA_ID, title: 'Tokenbench credential recipe' };
}

/** The file's exact text: two-space indentation and a final newline. */
export function recipeJsonSchemaText(): string {
  return `${JSON.stringify(recipeJsonSchema(), null, 2)}\n`;
}

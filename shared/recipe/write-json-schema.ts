// Regenerates recipe.schema.json from the zod schema: `npx tsx shared/recipe/write-json-schema.ts`.
// A Node script beside the pure module it serves; the renderer never imports it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recipeJsonSchemaText } from './json-schema';

const target = fileURLToPath(new URL('./recipe.schema.json', import.meta.url));
writeFileSync(target, recipeJsonSchemaText());
console.log(`wrote ${target}`);

// Credential recipes: schema, templates, request building, previews and presets. Pure (no Node
// APIs): the main process and the renderer both import this.
export * from './recipe';
export * from './template';
export * from './mask';
export * from './variables';
export * from './build-request';
export * from './preview';
export * from './presets';
export { recipeJsonSchema, RECIPE_SCHEMA_ID } from './json-schema';

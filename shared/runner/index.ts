// The request runner's renderer-safe half: drafts, variable references, composing, cURL in and
// out, saved requests, and the shapes of results. Pure (no Node APIs).
export * from './draft';
export * from './references';
export * from './compose';
export * from './curl-parse';
export * from './curl-export';
export * from './results';
export * from './saved';
export { shellQuote } from './shell-words';

// Reads a value at a dotted path (`data.token`, `items.0.token`) in parsed JSON.

export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Top-level field names, for "the response had: a, b, c" (names only, never values). */
export function fieldNames(value: unknown, limit = 20): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '(none: the response is not a JSON object)';
  const names = Object.keys(value).map((name) => (name.length > 40 ? `${name.slice(0, 37)}...` : name));
  if (names.length === 0) return '(none: the object is empty)';
  return names.length > limit ? `${names.slice(0, limit).join(', ')} and ${names.length - limit} more` : names.join(', ');
}

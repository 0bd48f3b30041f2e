/**
 * Reading an import file as untrusted JSON: its size, a UTF-8 byte-order mark (which editors on
 * Windows add), nesting deep enough to overflow the stack of whatever walks it next, and
 * `__proto__` keys (which JSON.parse keeps as own properties and object spreads then drop or turn
 * into prototypes). Each is refused with a sentence naming the file; nothing is written.
 */
import { AppError } from '../../../shared/errors';

/** An export of hundreds of environments is well under this. */
export const MAX_IMPORT_CHARACTERS = 10_000_000;
/** Our format nests about 8 levels deep, Postman's about 4. */
export const MAX_IMPORT_DEPTH = 32;

export function refuse(fileName: string, problem: string): never {
  throw new AppError('import-invalid', `${fileName} cannot be imported: ${problem}. Nothing was imported.`, {
    hint: 'Choose the file as the other tool exported it.',
  });
}

/** Walks without recursion, so the check itself cannot overflow. */
export function checkUntrusted(root: unknown, fileName: string): void {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: '(top)' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_IMPORT_DEPTH) refuse(fileName, `it nests values more than ${MAX_IMPORT_DEPTH} levels deep (at ${path})`);
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, depth: depth + 1, path: `${path}[${index}]` }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key === '__proto__') refuse(fileName, `it has a field named "__proto__" (at ${path})`);
      stack.push({ value: item, depth: depth + 1, path: path === '(top)' ? key : `${path}.${key}` });
    }
  }
}

export function parseUntrustedJson(text: string, fileName: string): unknown {
  if (text.length > MAX_IMPORT_CHARACTERS) refuse(fileName, `it is larger than ${MAX_IMPORT_CHARACTERS / 1_000_000} million characters`);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new AppError('import-unreadable', `${fileName} is not a JSON file, so it cannot be imported.`, { hint: 'Choose a Tokenbench export, a Postman, Insomnia or Bruno export, or an OpenAPI document.' });
  }
  checkUntrusted(raw, fileName);
  return raw;
}

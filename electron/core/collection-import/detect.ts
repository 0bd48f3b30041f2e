/**
 * Which tool a file comes from, judged by its content (never its name), and the reader for it.
 * A Bruno collection is a folder: its `bruno.json` is the file, the folder's `.bru` files come
 * along in `folder`.
 */
import type { CollectionPlan, FolderFiles } from './model';
import { AppError } from '../../../shared/errors';
import { isBrunoCollection, readBrunoCollection } from './bruno';
import { isInsomnia, readInsomnia } from './insomnia';
import { isOpenApi, isSwagger2, readOpenApi } from './openapi';
import { isPostmanCollection, readPostmanCollection } from './postman';
import { obj } from './untyped';

export type { FolderFiles } from './model';

export function detectCollection(raw: unknown, fileName: string, folder?: FolderFiles): CollectionPlan | null {
  if (isBrunoCollection(raw, folder)) return readBrunoCollection(raw, folder!);
  if (obj(raw).type === 'collection' && typeof obj(raw).name === 'string' && !folder) {
    throw new AppError('import-unknown-format', `${fileName} is the bruno.json of a Bruno collection, but its folder did not come with it.`, {
      hint: 'Choose the collection folder (or its bruno.json) from Tokenbench, or run tokenbench import FOLDER.',
    });
  }
  if (isPostmanCollection(raw)) return readPostmanCollection(raw);
  if (isInsomnia(raw)) return readInsomnia(raw);
  if (isOpenApi(raw)) return readOpenApi(raw);
  if (isSwagger2(raw)) {
    throw new AppError('import-unknown-format', `${fileName} is a Swagger 2.0 document; Tokenbench imports OpenAPI 3.`, {
      hint: 'Convert it to OpenAPI 3 (for example with the Swagger Editor), then import that.',
    });
  }
  return null;
}

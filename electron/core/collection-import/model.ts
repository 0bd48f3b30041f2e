/**
 * What a collection from another tool (Postman, Insomnia, Bruno, OpenAPI) turns into before
 * anything is written: environments with their variables (secret ones flagged), credential
 * recipes, saved requests, and a list of everything that could not be mapped. Every reader in
 * this folder produces one `CollectionPlan`; portability's import writes it as one transaction.
 */
import type { Recipe } from '../../../shared/recipe/recipe';
import type { KeyValueRow, RequestBody } from '../../../shared/runner/draft';
import type { ImportFormat, ImportSummary, NotMapped } from '../../../shared/ipc/domains/portability';

/** The other files of a chosen folder, by path relative to it ("users/get user.bru"). */
export type FolderFiles = Readonly<Record<string, string>>;

export interface PlannedCollectionVariable {
  name: string;
  /** null: a secret the file names but does not hold a value for. */
  value: string | null;
  secret: boolean;
}

export interface PlannedCollectionRequest {
  name: string;
  /** "folder/sub", empty at the collection's top level. */
  folder: string;
  method: string;
  url: string;
  query: KeyValueRow[];
  headers: KeyValueRow[];
  body: RequestBody;
  /** The name of the credential (in this plan) that authenticates it, or null. */
  credential: string | null;
}

export interface CollectionPlan {
  format: Exclude<ImportFormat, 'tokenbench' | 'postman'>;
  /** The saved requests' collection name. */
  collection: string;
  environments: Array<{ name: string; variables: PlannedCollectionVariable[] }>;
  credentials: Array<{ name: string; recipe: Recipe }>;
  requests: PlannedCollectionRequest[];
  notMapped: NotMapped[];
  /** Variables whose names Tokenbench cannot use, or disabled in the other tool. */
  skippedVariables: ImportSummary['skippedVariables'];
  /** Values that were in the file in clear and go to the vault as secret variables. */
  secretsMoved: number;
}

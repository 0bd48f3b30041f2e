/** What an import file is read into before anything is written: one plan, whatever the format. */
import type { ImportFormat, ImportSummary, NotMapped } from '../../../shared/ipc/domains/portability';
import type { RequestDraft } from '../../../shared/runner/draft';
import type { ExportedCredential, ExportedEnvironment } from './format';

export interface PlannedVariable {
  name: string;
  /** null: a secret whose value is not in the file. */
  value: string | null;
  secret: boolean;
  description?: string;
}

export interface PlannedEnvironment extends Omit<ExportedEnvironment, 'variables'> {
  variables: PlannedVariable[];
}

/** A saved request to add; its environment and credential are named as in the plan. */
export interface PlannedRequest {
  name: string;
  folder: string;
  draft: Omit<RequestDraft, 'environmentId' | 'credentialId'>;
  environment: string | null;
  credential: string | null;
}

export interface ImportPlan {
  format: ImportFormat;
  environments: PlannedEnvironment[];
  credentials: ExportedCredential[];
  skippedVariables: ImportSummary['skippedVariables'];
  /** The saved-request collection a foreign collection brings, with its requests. */
  collection?: { name: string; requests: PlannedRequest[] };
  notMapped?: NotMapped[];
  secretsMoved?: number;
}

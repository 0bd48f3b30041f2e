/**
 * Reading and writing the credentials file the same way everywhere: find one or say it is gone,
 * refuse a name that is taken, and tell every window after a change.
 */
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Emit } from '../context';
import type { DataFile } from '../store/data-file';
import type { CredentialsFile } from './store';

export function findCredential(file: Pick<CredentialsFile, 'credentials'>, id: string): Credential {
  const found = file.credentials.find((credential) => credential.id === id);
  if (!found) throw new AppError('not-found', 'That credential no longer exists. It may have been deleted in another window or by the CLI.');
  return found;
}

export function assertUniqueCredentialName(credentials: Credential[], name: string, exceptId?: string): void {
  const clash = credentials.find((c) => c.id !== exceptId && c.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new AppError('conflict', `A credential called "${clash.name}" already exists.`, { hint: 'Pick another name.' });
}

/** Writes the credentials file and tells every window. */
export async function changeCredentials(ctx: { emit: Emit }, file: DataFile<CredentialsFile>, update: (credentials: Credential[]) => Credential[]): Promise<Credential[]> {
  const next = await file.update((current) => ({ ...current, credentials: update(current.credentials) }));
  ctx.emit('credentials:changed', next.credentials);
  return next.credentials;
}

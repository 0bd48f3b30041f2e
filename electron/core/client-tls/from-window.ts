/**
 * The app window's way to set mutual TLS: pasted text or files chosen in the open dialog, turned
 * into the change the service checks and stores. A chosen file is dropped once stored.
 */
import { AppError } from '../../../shared/errors';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { CertificateSource } from '../../../shared/ipc/domains/client-tls';
import type { createChosenFiles } from './chosen-files';
import type { IdentityInput } from './read-certificate';

type ChosenFiles = ReturnType<typeof createChosenFiles>;
type Set = (change: { environmentId: string; identity?: IdentityInput; ca?: string }) => Promise<ResponseOf<'clientTls:set'>>;

export function setFromWindow(service: { set: Set }, files: ChosenFiles) {
  return async (request: RequestOf<'clientTls:set'>): Promise<ResponseOf<'clientTls:set'>> => {
    const used: string[] = [];
    const text = (source: CertificateSource | undefined): string | undefined => {
      if (source === undefined) return undefined;
      if ('text' in source) return source.text;
      used.push(source.file);
      return files.read(source.file).toString('utf8');
    };
    if (request.pkcs12 && (request.certificate || request.key)) {
      throw new AppError('invalid-request', 'Give either a PKCS#12 file or a PEM certificate and key, not both.');
    }
    let identity: IdentityInput | undefined;
    if (request.pkcs12) {
      used.push(request.pkcs12.file);
      identity = { format: 'pkcs12', pkcs12: files.read(request.pkcs12.file), passphrase: request.passphrase ?? '' };
    } else if (request.certificate) {
      identity = { format: 'pem', certificate: text(request.certificate)!, key: text(request.key) ?? '', ...(request.passphrase ? { passphrase: request.passphrase } : {}) };
    } else if (request.key) {
      throw new AppError('invalid-request', 'A key was given without its certificate: give the client certificate too.');
    }
    const ca = text(request.ca);
    const result = await service.set({ environmentId: request.environmentId, ...(identity ? { identity } : {}), ...(ca !== undefined ? { ca } : {}) });
    files.forget(used);
    return result;
  };
}

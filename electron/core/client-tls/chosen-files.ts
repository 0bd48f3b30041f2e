/**
 * Certificate files the user picks in the main process's open dialog. The window learns only
 * the file's name and what it seems to hold, never its contents (a key is a secret); it names the
 * file by a handle when it asks to store it. Handles expire after a while and are dropped once stored.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';

/** The open dialog (Electron's in the app, a scripted one in tests). */
export interface CertificateFileChooser {
  chooseCertificateFile(): Promise<string | null>;
}

export type ChosenFileKind = 'certificate' | 'private-key' | 'certificate-and-key' | 'pkcs12' | 'unknown';

export interface ChosenFile {
  handle: string;
  fileName: string;
  kind: ChosenFileKind;
}

/** Certificate files are a few kilobytes; a large file is something else. */
const MAX_BYTES = 1024 * 1024;
const KEEP_MS = 10 * 60_000;

export function kindOf(content: Buffer): ChosenFileKind {
  const text = content.toString('latin1');
  const certificate = text.includes('-----BEGIN CERTIFICATE-----');
  const key = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text);
  if (certificate && key) return 'certificate-and-key';
  if (certificate) return 'certificate';
  if (key) return 'private-key';
  // DER starts with a SEQUENCE; a PKCS#12 file is the binary a user picks here.
  return content[0] === 0x30 ? 'pkcs12' : 'unknown';
}

export function createChosenFiles(chooser: CertificateFileChooser | undefined, now: () => number) {
  const held = new Map<string, { content: Buffer; fileName: string; at: number }>();

  function prune(): void {
    for (const [handle, file] of held) if (now() - file.at > KEEP_MS) held.delete(handle);
  }

  return {
    /** null: the user cancelled the dialog. */
    async choose(): Promise<ChosenFile | null> {
      if (!chooser) throw new AppError('invalid-request', 'Choosing a file needs the app window; paste the certificate instead, or use tokenbench env tls.');
      const path = await chooser.chooseCertificateFile();
      if (path === null) return null;
      const fileName = basename(path);
      const size = (await stat(path)).size;
      if (size > MAX_BYTES) throw new AppError('invalid-request', `${fileName} is ${Math.round(size / 1024)} KB: too large to be a certificate, key or PKCS#12 file.`);
      const content = await readFile(path);
      prune();
      const handle = randomUUID();
      held.set(handle, { content, fileName, at: now() });
      return { handle, fileName, kind: kindOf(content) };
    },

    /** The content of a chosen file (kept until `forget`, so a wrong passphrase can be retried). */
    read(handle: string): Buffer {
      prune();
      const file = held.get(handle);
      if (!file) throw new AppError('invalid-request', 'The chosen file is no longer held (it was stored already, or chosen more than 10 minutes ago). Choose it again.');
      return file.content;
    },

    forget(handles: string[]): void {
      for (const handle of handles) held.delete(handle);
    },
  };
}

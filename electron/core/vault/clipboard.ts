/**
 * Copying a secret or a token: the main process writes the clipboard, then clears it after a
 * while if it still holds that value (the user may have copied something else meanwhile).
 * Only a fingerprint of the value waits for the timer, not the value itself.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { CopiedSecret } from '../../../shared/ipc/domains/variables';
import type { Clipboard, Timekeeper } from './ports';

export const CLIPBOARD_CLEAR_MS = 30_000;

export interface SecretClipboard {
  copy(value: string): CopiedSecret;
}

const fingerprint = (text: string) => createHash('sha256').update(text).digest();

export function createSecretClipboard(clipboard: Clipboard | undefined, time: Timekeeper): SecretClipboard {
  return {
    copy(value) {
      if (!clipboard) throw new AppError('unavailable', 'There is no clipboard here.', { hint: 'Use Reveal instead.' });
      clipboard.writeText(value);
      const copied = fingerprint(value);
      time.setTimer(() => {
        if (fingerprint(clipboard.readText()).equals(copied)) clipboard.clear();
      }, CLIPBOARD_CLEAR_MS);
      return { copied: true, clearAfterMs: CLIPBOARD_CLEAR_MS };
    },
  };
}

/**
 * Copying a secret or a token: the main process writes the clipboard, then clears it after a
 * while if it still holds that value (the user may have copied something else meanwhile).
 * Only a fingerprint of the value waits for the timer, not the value itself. Quitting clears it
 * at once (`clearNow`), since no timer outlives the app.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { CopiedSecret } from '../../../shared/ipc/domains/variables';
import type { Clock } from '../clock';
import type { Clipboard } from './ports';

export const CLIPBOARD_CLEAR_MS = 30_000;

export interface SecretClipboard {
  copy(value: string): CopiedSecret;
  /** Clears the clipboard now if it still holds a value copied here, and stops the timers. */
  clearNow(): void;
}

const fingerprint = (text: string) => createHash('sha256').update(text).digest();

export function createSecretClipboard(clipboard: Clipboard | undefined, time: Clock): SecretClipboard {
  const pending = new Map<Buffer, () => void>();
  const clearIfStill = (copied: Buffer) => {
    pending.delete(copied);
    if (clipboard && fingerprint(clipboard.readText()).equals(copied)) clipboard.clear();
  };
  return {
    copy(value) {
      if (!clipboard) throw new AppError('unavailable', 'There is no clipboard here.', { hint: 'Use Reveal instead.' });
      clipboard.writeText(value);
      const copied = fingerprint(value);
      pending.set(copied, time.setTimer(() => clearIfStill(copied), CLIPBOARD_CLEAR_MS));
      return { copied: true, clearAfterMs: CLIPBOARD_CLEAR_MS };
    },
    clearNow() {
      for (const [copied, cancel] of pending) {
        cancel();
        clearIfStill(copied);
      }
    },
  };
}

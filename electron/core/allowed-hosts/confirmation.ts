/**
 * Asking the user to confirm a change that widens where an environment's secrets may go. The
 * question is put by the main process (a native dialog in Electron, the terminal in the CLI, a
 * scripted stand-in in the web end-to-end tests), never by the renderer, so a compromised
 * renderer cannot answer it.
 */
import { AppError } from '../../../shared/errors';

export interface ConfirmationQuestion {
  title: string;
  message: string;
  /** The exact changes, one per line. */
  detail: string;
  confirmLabel: string;
}

/** The port the core receives; true when the user confirmed. */
export interface ConfirmationPort {
  confirm(question: ConfirmationQuestion): Promise<boolean>;
}

/** Asks through `port`; throws `not-confirmed` when declined, `confirmation-unavailable` without a port. */
export async function requireConfirmation(port: ConfirmationPort | undefined, question: ConfirmationQuestion): Promise<void> {
  if (!port) {
    throw new AppError('confirmation-unavailable', `${question.message} This needs your confirmation, and there is no way to ask for it here. Nothing was changed.`, {
      hint: 'Make this change in the Tokenbench app, which asks in a window of its own.',
    });
  }
  if (!(await port.confirm(question))) {
    throw new AppError('not-confirmed', `${question.message} You did not confirm, so nothing was changed.`);
  }
}

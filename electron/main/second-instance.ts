/**
 * A second launch hands over to the running app (one instance holds the data files). When it
 * asked for another data folder, that is not done silently: the user is told which folder is
 * open and how to open the other one.
 */
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';

/** What a launch tells the running instance (`app.requestSingleInstanceLock`'s additional data). */
export interface InstanceData {
  dataDir: string;
}

export function explainOtherDataDir(openDataDir: string, from: unknown, window: BrowserWindow | undefined): void {
  const wanted = (from as Partial<InstanceData> | null | undefined)?.dataDir;
  if (typeof wanted !== 'string' || path.resolve(wanted) === path.resolve(openDataDir)) return;
  const options = {
    type: 'info' as const,
    message: 'Tokenbench is already open on another data folder.',
    detail: `Open now: ${openDataDir}\nAsked for: ${wanted}\n\nOne Tokenbench runs at a time. To use the other folder, quit Tokenbench and start it again with --data-dir "${wanted}".`,
    buttons: ['OK'],
  };
  (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)).catch((error: unknown) =>
    process.stderr.write(`Tokenbench: could not say which data folder is open: ${String(error)}\n`),
  );
}

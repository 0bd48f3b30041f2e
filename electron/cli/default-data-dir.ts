/**
 * The data folder the app uses when none is given: Electron's `userData` folder, which is the
 * platform's application-data folder plus the app's name. The CLI must land in the same place.
 */
import os from 'node:os';
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };

/** Electron names the folder after package.json's productName, else its name. */
const APP_FOLDER = (pkg as { productName?: string; name: string }).productName ?? pkg.name;

export function defaultDataDir(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME ?? os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}

/** The app version, read from package.json at build time. */
import pkg from '../../package.json' with { type: 'json' };

export const appVersion: string = pkg.version;

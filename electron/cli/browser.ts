/**
 * How the CLI asks the user to sign in. Authorization code flow: the link is always printed on
 * stderr, and the system browser is opened on it too unless TOKENBENCH_NO_BROWSER is set or no
 * opener exists (a server, a container): then the printed link is the way. Device code flow: the
 * code and the link are printed on stderr, for any device; stdout stays the token only.
 */
import { spawn } from 'node:child_process';
import type { UserAgentPort } from '../core/engine';
import type { CliIo } from './io';

function opener(): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [] };
  if (process.platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler'] };
  return { command: 'xdg-open', args: [] };
}

export function cliUserAgent(io: CliIo): UserAgentPort {
  return {
    async openAuthorization({ url, label }) {
      io.stderr.write(`tokenbench: sign in for ${label} in your browser; if it does not open, visit:\n  ${url}\n`);
      if (io.env.TOKENBENCH_NO_BROWSER) return;
      const { command, args } = opener();
      // A URL, never a shell line: no shell is involved, so the link cannot run anything.
      const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true });
      child.on('error', () => io.stderr.write('tokenbench: no browser could be opened here; use the link above.\n'));
      child.unref();
    },
    showUserCode({ userCode, verificationUri, verificationUriComplete, expiresAt, label }) {
      const minutes = Math.max(1, Math.round((expiresAt - Date.now()) / 60_000));
      io.stderr.write(
        `tokenbench: to sign in for ${label}, open ${verificationUri} on any device and enter the code:\n\n    ${userCode}\n\n` +
          (verificationUriComplete ? `  (or open ${verificationUriComplete}, which carries the code)\n` : '') +
          `tokenbench: waiting for your approval; the code expires in about ${minutes} min. Ctrl+C stops.\n`,
      );
    },
  };
}

/**
 * The safety copies around a data file: `FILE.bak` (the last good content, refreshed before each
 * write) and `FILE.unreadable-STAMP.json` (a damaged file moved aside, never deleted), and the
 * clean-up of temporary files a killed writer left behind.
 */
import fs from 'node:fs';

/**
 * Makes `FILE.bak` the content `FILE` has right now. A hard link costs no copying and the next
 * write replaces `FILE` by rename, so the backup keeps the old content; the final rename makes
 * the swap atomic. Falls back to a copy where hard links are not allowed.
 */
export function refreshBackup(filePath: string): void {
  if (!fs.existsSync(filePath)) return;
  const backup = backupPath(filePath);
  const staging = `${backup}.tmp`;
  fs.rmSync(staging, { force: true });
  try {
    fs.linkSync(filePath, staging);
  } catch {
    fs.copyFileSync(filePath, staging);
  }
  fs.renameSync(staging, backup);
}

/** The name a damaged file gets when it is moved aside. */
export function asideName(filePath: string, now: Date): string {
  return filePath.replace(/\.json$/, `.unreadable-${now.toISOString().replace(/[:.]/g, '-')}.json`);
}

export function backupPath(filePath: string): string {
  return `${filePath}.bak`;
}

/**
 * Removes temporary files a killed writer left behind (`FILE.tmp-*` from atomic writes, our own
 * `*.tmp` staging files). Only safe while holding the file's write lock: nobody else is writing.
 */
export function removeLeftoverTempFiles(dir: string, fileName: string): void {
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith(`${fileName}.tmp-`) || (entry.startsWith(fileName) && entry.endsWith('.tmp') && entry !== fileName)) {
      fs.rmSync(`${dir}/${entry}`, { force: true });
    }
  }
}

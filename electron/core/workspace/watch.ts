/**
 * Notices changes made to a workspace folder by others (a `git pull`, an editor): watches the
 * folder and its three sub-folders, and calls `onChange` once things have been quiet for a
 * moment, so a pull that rewrites many files is read once, after it is done.
 */
import fs from 'node:fs';
import path from 'node:path';

const SUB_FOLDERS = ['environments', 'credentials', 'requests'];

export function watchFolder(root: string, options: { quietMs: number; onChange(): void; onError(error: Error): void }): () => void {
  const watchers = new Map<string, fs.FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const changed = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A pull may have removed or created a sub-folder: watch what is there now.
      closeAll();
      arm();
      options.onChange();
    }, options.quietMs);
  };

  function arm(): void {
    for (const folder of [root, ...SUB_FOLDERS.map((name) => path.join(root, name))]) {
      if (watchers.has(folder) || !fs.existsSync(folder)) continue;
      try {
        const watcher = fs.watch(folder, changed);
        watcher.on('error', (error) => {
          watchers.delete(folder);
          watcher.close();
          // A removed sub-folder ends its watcher; that is a change, not a failure.
          if (fs.existsSync(folder)) options.onError(error);
          changed();
        });
        watchers.set(folder, watcher);
      } catch (error) {
        options.onError(error as Error);
      }
    }
  }

  function closeAll(): void {
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  }

  arm();
  return () => {
    stopped = true;
    clearTimeout(timer);
    closeAll();
  };
}

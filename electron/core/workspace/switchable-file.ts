/**
 * A data file whose backing can change while the app runs: the data folder's JSON file, or a
 * view of the open workspace folder. Every service holds this one object, so opening a
 * workspace changes what they all read and write at once.
 */
import type { DataFile } from '../store/data-file';

export interface SwitchableFile<T> extends DataFile<T> {
  use(file: DataFile<T>): void;
  /** The data folder's own file, which `use` started from. */
  readonly own: DataFile<T>;
}

export function switchableFile<T>(own: DataFile<T>): SwitchableFile<T> {
  let current = own;
  return {
    own,
    get path() {
      return current.path;
    },
    read: () => current.read(),
    update: (change) => current.update(change),
    use(file) {
      current = file;
    },
  };
}

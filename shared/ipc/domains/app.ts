/** Channels about the app itself: version, data directory, problems found at start. */
import { z } from 'zod';
import { channel } from '../define';

export interface StoreProblem {
  file: string;
  /** Where the unreadable file was moved, so nothing is lost; absent when nothing was left to keep (a file lost with its backup). */
  keptAs?: string;
  message: string;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  /** Problems found while opening the data files (e.g. a corrupt file that was set aside). */
  storeProblems: StoreProblem[];
}

export const appChannels = {
  'app:info': channel<AppInfo>()(z.object({}).strict()),
};

export const appEvents = {};

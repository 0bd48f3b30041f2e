/**
 * Channels for workspace folders: a team's environments, credential recipes and saved requests
 * as readable files in a folder (a git clone), with no secret values in them.
 */
import { z } from 'zod';
import { channel, event } from '../define';

/** A file of the workspace folder that does not read; the rest of the folder is in use. */
export interface BrokenWorkspaceFile {
  /** Relative to the folder, e.g. "credentials/orders.yaml". */
  file: string;
  line: number;
  /** What is wrong, in the user's words. */
  message: string;
}

export interface WorkspaceStatus {
  /** The open workspace folder; null: the data folder's own files are in use. */
  folder: string | null;
  broken: BrokenWorkspaceFile[];
}

export const workspaceChannels = {
  'workspace:status': channel<WorkspaceStatus>()(z.object({}).strict()),
  /**
   * Asks for a folder in the system's dialog and opens it. An empty folder becomes a new
   * workspace holding the current environments, credentials and saved requests.
   */
  'workspace:open': channel<WorkspaceStatus | null>()(z.object({}).strict()),
  /** Goes back to the data folder's own files (the workspace folder stays as it is). */
  'workspace:close': channel<WorkspaceStatus>()(z.object({}).strict()),
};

export const workspaceEvents = {
  /** The folder was opened or closed, or its files changed on disk (a git pull). */
  'workspace:changed': event<WorkspaceStatus>(),
};

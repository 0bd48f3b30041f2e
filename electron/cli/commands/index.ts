/** Every CLI command. Add a command by writing its file and listing it here. */
import type { Command } from './command';
import { envCreateCommand } from './env-create';
import { envListCommand } from './env-list';
import { exportCommand } from './export';
import { importCommand } from './import';
import { initCommand } from './init';
import { requestCommand } from './request';
import { secretSetCommand } from './secret-set';
import { timelineCommand } from './timeline';
import { tokenCommand } from './token';

export const commands: readonly Command[] = [
  initCommand,
  envListCommand,
  envCreateCommand,
  secretSetCommand,
  importCommand,
  exportCommand,
  tokenCommand,
  requestCommand,
  timelineCommand,
];

/** `tokenbench lock`: ends the unlock session of the data folder (the agent forgets the key and exits). */
import { lockAgent } from '../agent/control';
import { agentSocketPath } from '../agent/socket-path';
import type { Command } from './command';

export const lockCommand: Command = {
  words: ['lock'],
  usage: '',
  arity: 0,
  local: true,
  summary: 'End the unlock session (commands need the passphrase again).',
  async run({ io, dataDir, print }) {
    const ended = await lockAgent(agentSocketPath(dataDir, io.env));
    print(ended ? `Locked: the unlock session for ${dataDir} has ended.` : `There was no unlock session for ${dataDir}.`);
    return 0;
  },
};

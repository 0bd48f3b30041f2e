/** Test kit for CLI tests: a fake terminal whose typed keys arrive as raw data. */
import { PassThrough } from 'node:stream';

/** A terminal: each string in `keys` is typed when the CLI starts reading; nothing is echoed by us. */
export function fakeTerminal(keys: string[]) {
  const stdin = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: (mode: boolean) => void; rawModes: boolean[] };
  stdin.isTTY = true;
  stdin.rawModes = [];
  stdin.setRawMode = (mode) => void stdin.rawModes.push(mode);
  const typeNext = () => {
    const next = keys.shift();
    if (next !== undefined) setTimeout(() => stdin.write(next), 5);
  };
  stdin.on('resume', typeNext);
  return stdin;
}

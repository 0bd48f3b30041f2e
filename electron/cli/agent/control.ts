/** Asking an unlock agent whether it runs, and telling it to end (for `unlock` and `lock`). */
import net from 'node:net';
import { onLines, send } from './protocol';

/** True when an agent answers on the socket (a leftover socket file of a dead agent does not). */
export function agentIsRunning(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.on('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Ends the agent; false when there was none. */
export function lockAgent(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.on('connect', () => send(socket, { type: 'lock' }));
    onLines(socket, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

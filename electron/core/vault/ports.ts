/**
 * What the vault needs from the outside world, injected so the core never imports Electron and
 * tests can supply their own: the OS keychain, the clipboard, and time.
 */

/** The OS keychain (Electron's safeStorage in the app; absent in the CLI). */
export interface Keychain {
  status(): { usable: boolean; reason?: string };
  encrypt(plain: Buffer): Buffer;
  decrypt(cipher: Buffer): Buffer;
}

/** The system clipboard (Electron's clipboard in the app). */
export interface Clipboard {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

/** Time and timers; the engine's `Clock` and its manual test clock fit this shape. */
export interface Timekeeper {
  now(): number;
  /** Calls `callback` after `delayMs`; returns a cancel function. */
  setTimer(callback: () => void, delayMs: number): () => void;
}

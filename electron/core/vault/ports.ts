/**
 * What the vault needs from the outside world, injected so the core never imports Electron and
 * tests can supply their own: the OS keychain and the clipboard (time is `../clock.ts`).
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


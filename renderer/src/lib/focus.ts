/**
 * Moves the keyboard focus to what an action produced (a new card, an unlocked vault's control,
 * a request's URL), so the user is not dropped at the top of the window when the element they
 * used goes away. The target may appear a few renders later, so it is looked for a short while.
 */
const TRIES = 60;
const INTERVAL_MS = 25;

export function focusWhenShown(find: () => HTMLElement | null | undefined): void {
  let left = TRIES;
  const attempt = () => {
    const element = find();
    if (element?.isConnected) {
      element.focus();
      return;
    }
    if (--left > 0) setTimeout(attempt, INTERVAL_MS);
  };
  setTimeout(attempt, 0);
}

/** The vault control in the top bar (VaultMenu), where focus goes once the vault opens. */
export const VAULT_CONTROL_ID = 'vault-control';

/** The runner's URL field, where focus goes once a request has been created from a cURL command. */
export const REQUEST_URL_ID = 'request-url';

export function focusVaultControl(): void {
  focusWhenShown(() => document.getElementById(VAULT_CONTROL_ID));
}

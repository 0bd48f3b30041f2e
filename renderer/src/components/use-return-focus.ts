/**
 * Gives focus back to where it was when something transient appeared (a dialog, a question shown
 * in place), once it is gone, so a keyboard user is not dropped at the top of the window.
 */
import { useLayoutEffect } from 'react';

export function useReturnFocus(): void {
  useLayoutEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      // After the commit that removed it, so a button it had disabled is enabled again; and only if
      // nothing else took focus meanwhile (e.g. an action that moved to another view).
      queueMicrotask(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        if (lost && returnTo?.isConnected) returnTo.focus();
      });
    };
  }, []);
}

/**
 * Arrow keys for a tab list, as in any native one: Left/Right move to the previous/next tab and
 * select it, Home/End go to the first/last. Put on the element with role="tablist"; each tab keeps
 * its own click handler (selecting is a click), and only the selected tab is in the Tab order.
 */
import type { KeyboardEvent } from 'react';

export function moveBetweenTabs(event: KeyboardEvent<HTMLElement>): void {
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not(:disabled)')];
  const index = tabs.findIndex((tab) => tab === document.activeElement);
  if (index === -1) return;
  const target =
    event.key === 'ArrowRight' ? (index + 1) % tabs.length : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : null;
  if (target === null) return;
  event.preventDefault();
  tabs[target]!.focus();
  tabs[target]!.click();
}

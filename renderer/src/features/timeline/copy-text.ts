/**
 * Writes text to the clipboard: the Clipboard API where the page may use it (a secure context),
 * otherwise the copy command, which Chromium still honours for a click. Fails loudly, never
 * silently, so the user knows nothing was copied.
 */
export async function copyText(text: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('Tokenbench could not write to the clipboard here. Try again, or check that the window has focus.');
}

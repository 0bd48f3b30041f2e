/**
 * Which links the app hands to the user's browser (documentation links in vendor advice): https
 * addresses only, without user:password parts, normalized. Anything else, including `file:`,
 * custom schemes that launch other programs, and malformed text, is refused.
 */
export function externalLinkTarget(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

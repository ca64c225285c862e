/**
 * The only links the app hands to the operating system: https pages and mailto addresses. Anything else
 * (file:, javascript:, custom schemes that launch programs, URLs with embedded credentials) is refused,
 * because shell.openExternal with a hostile URL can run code on Windows and macOS.
 */
export function safeExternalUrl(raw: string): string | null {
  if (raw.length > 2048 || /[\u0000-\u001F\u007F\s]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    if (!url.hostname || url.username || url.password) return null;
    return url.href;
  }
  if (url.protocol === 'mailto:') {
    let address: string;
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      return null; // a malformed escape such as %E0 is refused, not thrown
    }
    return /^[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>()]+$/.test(address) ? url.href : null;
  }
  return null;
}

/** The app's own page is served from this origin (see protocol.ts); nothing else may call the API. */
export const APP_ORIGIN = 'app://desk';

/**
 * True only for the app's own page: the packaged app:// origin, or in development the local Vite server
 * that electron-vite starts. Comparing parsed origins (not string prefixes) stops `app://desk.evil` tricks.
 */
export function isTrustedUrl(rawUrl: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'app:' && url.host === 'desk') return true;
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

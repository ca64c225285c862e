import { app, session, shell, type WebContents } from 'electron';
import { safeExternalUrl } from '../core/externalUrl';
import { isTrustedUrl } from './trustedOrigin';

/** No page of ours needs the camera, location, notifications API or anything else: refuse them all. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/**
 * Applied to every WebContents the app ever creates: no new windows, no navigation away from the app,
 * no <webview>. Links the officer clicks (an organisation's website, a mailto:) go to the system browser
 * or mail client, and only if they are https or mailto.
 */
export function guardAllWebContents(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      const safe = safeExternalUrl(url);
      if (safe) void shell.openExternal(safe);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

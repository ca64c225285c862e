import type { IpcMain, WebFrameMain } from 'electron';
import { isTrustedUrl } from '../security/trustedOrigin';
import type { Handlers } from './contract';
import { channelOf, methodNames } from './methodNames';
import { createDispatcher } from './dispatch';

/**
 * Bind every method of the contract to ipcMain. Each call must come from the app's own top-level page
 * (not an iframe, not a page it navigated to); its input is parsed by the contract's schema in dispatch.
 */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, devServerUrl: string | undefined): void {
  const dispatch = createDispatcher(handlers);
  for (const name of methodNames) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      const frame: WebFrameMain | null = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url, devServerUrl)) {
        return { ok: false, error: 'This request did not come from Correspondence Desk and was refused.' };
      }
      return dispatch(name, input);
    });
  }
}

import type { DeskApi } from '../../electron/ipc/contract';

declare global {
  interface Window {
    /** Installed by the preload (or the browser test harness); see electron/ipc/exposeApi.ts. */
    readonly desk: DeskApi;
  }
}

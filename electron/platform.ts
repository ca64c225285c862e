import { shell } from 'electron';
import { userInfo } from 'node:os';
import type { Platform } from './services/platform';

/** The desktop abilities the services use, backed by Electron. Kept thin: all decisions are in the services. */
export function electronPlatform(): Platform {
  return {
    openExternal: (url) => shell.openExternal(url),
    userName: () => {
      try {
        return userInfo().username;
      } catch {
        return 'Unknown user';
      }
    },
  };
}

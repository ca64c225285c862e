/**
 * What the services need from the desktop that plain Node cannot do. Electron implements it in
 * electron/platform.ts; tests pass a recording fake. Later issues add dialogs, printing and notifications.
 */
export interface Platform {
  /** Open an already-validated https: or mailto: URL in the system's browser or mail client. */
  openExternal(url: string): Promise<void>;
  /** Who is using the app, for the record of amendments (the operating system's user name). */
  userName(): string;
}

/** A platform for tests and the browser harness: records what it was asked to do. */
export function recordingPlatform(userName = 'test.officer'): Platform & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    openExternal: async (url) => {
      opened.push(url);
    },
    userName: () => userName,
  };
}

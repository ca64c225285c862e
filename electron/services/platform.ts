import { join } from 'node:path';
/**
 * What the services need from the desktop that plain Node cannot do. Electron implements it in
 * electron/platform.ts; tests pass a recording fake. Later issues add dialogs, printing and notifications.
 */
export interface Platform {
  /** Open an already-validated https: or mailto: URL in the system's browser or mail client. */
  openExternal(url: string): Promise<void>;
  /** Ask where to save a file; null if the officer cancelled. */
  chooseSavePath(opts: { title: string; defaultName: string; filterName: string; extensions: string[] }): Promise<string | null>;
  /** Ask for a folder to save many files into; null if cancelled. */
  chooseFolder(opts: { title: string }): Promise<string | null>;
  /** Ask for files to attach; an empty list if cancelled. */
  chooseFiles(opts: { title: string }): Promise<string[]>;
  /** Open a file with the system's viewer (a PDF reader, Word). */
  openPath(path: string): Promise<void>;
  /** Show a file in the system's file manager, without opening it. */
  showInFolder(path: string): Promise<void>;
  /** Show a desktop notification. */
  notify(title: string, body: string): void;
  /** The window's current page (the print view) as an A4 PDF, from its print styles. */
  printToPdf(): Promise<Uint8Array>;
  /** Print the window's current page through the system print dialog. */
  printPage(): Promise<void>;
}

/** A platform for tests and the browser harness: records what it was asked to do. */
export interface RecordingPlatform extends Platform {
  opened: string[];
  /** Where the next save dialogs "choose" to save: a folder (the suggested name is kept), or null to cancel. */
  dialogFolder: string | null;
  /** What the next "attach files" dialog chooses. */
  dialogFiles: string[];
  openedPaths: string[];
  shownInFolder: string[];
  notifications: { title: string; body: string }[];
  /** Pages sent to the system print dialog. */
  printed: number;
}

export function recordingPlatform(): RecordingPlatform {
  const platform: RecordingPlatform = {
    opened: [],
    dialogFolder: null,
    openExternal: async (url) => {
      platform.opened.push(url);
    },
    chooseSavePath: async ({ defaultName }) => (platform.dialogFolder ? join(platform.dialogFolder, defaultName) : null),
    chooseFolder: async () => platform.dialogFolder,
    dialogFiles: [],
    chooseFiles: async () => platform.dialogFiles,
    openedPaths: [],
    openPath: async (path) => {
      platform.openedPaths.push(path);
    },
    shownInFolder: [],
    showInFolder: async (path) => {
      platform.shownInFolder.push(path);
    },
    notifications: [],
    notify: (title, body) => {
      platform.notifications.push({ title, body });
    },
    // The browser harness replaces this with Chromium's page.pdf of the page under test.
    printToPdf: async () => {
      throw new Error('No page to print in this test.');
    },
    printed: 0,
    printPage: async () => {
      platform.printed += 1;
    },
  };
  return platform;
}

import { app, BrowserWindow, dialog, Notification, shell } from 'electron';
import { join } from 'node:path';
import type { Platform } from './services/platform';

/** The desktop abilities the services use, backed by Electron. Kept thin: all decisions are in the services. */
export function electronPlatform(): Platform {
  return {
    openExternal: (url) => shell.openExternal(url),
    chooseSavePath: async ({ title, defaultName, filterName, extensions }) => {
      const window = BrowserWindow.getFocusedWindow();
      const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters: [{ name: filterName, extensions }] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseFolder: async ({ title }) => {
      const window = BrowserWindow.getFocusedWindow();
      const options = { title, defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseFiles: async ({ title }) => {
      const window = BrowserWindow.getFocusedWindow();
      const options = { title, properties: ['openFile' as const, 'multiSelections' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    openPath: async (path) => {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
    showInFolder: async (path) => {
      shell.showItemInFolder(path);
    },
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    printToPdf: async () => {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      if (!window) throw new Error('There is no window to print.');
      return window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    },
    printPage: async () => {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      if (!window) throw new Error('There is no window to print.');
      await new Promise<void>((resolve, reject) =>
        window.webContents.print({ printBackground: true, pageSize: 'A4' }, (ok, reason) => (ok || reason === 'Print job canceled' ? resolve() : reject(new Error(reason)))),
      );
    },
  };
}

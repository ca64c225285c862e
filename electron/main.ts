import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { systemClock } from './core/clock';
import { resolveDataDir } from './dataDir';
import { registerIpc } from './ipc/register';
import { electronPlatform } from './platform';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyAllPermissions, guardAllWebContents, secureWebPreferences } from './security/hardening';
import { APP_ORIGIN } from './security/trustedOrigin';
import { createServices, type Services } from './services/createServices';

// electron-vite sets this only for `npm run dev`; a packaged or previewed app always loads app://desk/.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title: 'Correspondence Desk',
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/preload.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions();
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  services = await createServices({
    dataDir,
    clock: systemClock,
    platform: electronPlatform(),
    templatesDir: join(app.getAppPath(), 'templates'),
    appVersion: app.getVersion(),
  });
  registerIpc(ipcMain, services.handlers, devServerUrl);
  createWindow();
}

// One app per data folder: a second launch focuses the first window instead of opening the same files twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  guardAllWebContents(devServerUrl);
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    // Let pending writes reach the disk before the process exits.
    if (closing || !services) return;
    event.preventDefault();
    closing = true;
    void services.close().finally(() => app.quit());
  });
  start().catch((err: unknown) => {
    console.error('Correspondence Desk failed to start', err);
    app.exit(1);
  });
}

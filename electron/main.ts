import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock, systemClock } from './core/clock';
import { resolveDataDir } from './dataDir';
import { registerIpc } from './ipc/register';
import { electronPlatform } from './platform';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyAllPermissions, guardAllWebContents } from './security/hardening';
import { secureWebPreferences } from './security/webPreferences';
import { APP_ORIGIN } from './security/trustedOrigin';
import { createServices, type Services } from './services/createServices';
import { osOfficerName } from './services/officerName';
import { settingsFile } from './store/dataFolder';
import { openPcSettings } from './store/settings/pcSettings';
import { useNativeBinding } from './store/sql/connection';

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

/**
 * End-to-end tests of deadlines need a day other than today. Only an unpackaged build (a developer's or the
 * test suite's, with NODE_ENV=test) honours CORRESPONDENCE_DESK_TEST_NOW; an installed app always uses the real clock.
 */
function testClock() {
  const now = process.env['CORRESPONDENCE_DESK_TEST_NOW'];
  return !app.isPackaged && process.env['NODE_ENV'] === 'test' && now && !Number.isNaN(Date.parse(now)) ? fixedClock(now) : null;
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions();
  serveRenderer(join(import.meta.dirname, '../renderer'));
  // `npm start` compiles better-sqlite3 for Electron beside node_modules (scripts/rebuild-native.mjs); an
  // installed app has it rebuilt in place by the installer's build.
  const native = join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!app.isPackaged && existsSync(native)) useNativeBinding(native);
  // This PC's settings live in its user-data folder: the data folder may be shared with other officers.
  const pcSettings = await openPcSettings(settingsFile(app.getPath('userData')), { defaultOfficerName: await osOfficerName() });
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'), pcSettings.get().registerFolder);
  services = await createServices({
    dataDir,
    pcSettings,
    clock: testClock() ?? systemClock,
    platform: electronPlatform(),
    templatesDir: join(app.getAppPath(), 'templates'),
    appVersion: app.getVersion(),
  });
  registerIpc(ipcMain, services.handlers, devServerUrl);
  createWindow();
  // Reminders at start, then a check every hour that fires once each new day.
  const running = services;
  void running.runReminders();
  setInterval(() => void running.runReminders({ onlyIfNewDay: true }), 60 * 60 * 1000).unref();
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
    dialog.showErrorBox('Correspondence Desk could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}

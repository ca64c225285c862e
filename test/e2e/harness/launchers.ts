import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { fixedClock, systemClock, type Clock } from '../../../electron/core/clock';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { methodNames } from '../../../electron/ipc/methodNames';
import { buildDeskApi } from '../../../electron/ipc/exposeApi';
import { isTrustedUrl } from '../../../electron/security/trustedOrigin';
import { createServices, type Services } from '../../../electron/services/createServices';
import { recordingPlatform } from '../../../electron/services/platform';
import { settingsFile } from '../../../electron/store/dataFolder';
import { openPcSettings } from '../../../electron/store/settings/pcSettings';

/** One running app, however it was launched: a page to drive, its data folder, and a way to restart it. */
export interface DeskApp {
  page: Page;
  dataDir: string;
  mode: 'electron' | 'browser';
  /** Close and start again on the same data folder; `now` sets the app's clock (for deadline tests). */
  restart(opts?: { now?: string }): Promise<void>;
  close(): Promise<void>;
  /** Make the next save and folder dialogs choose this folder (or cancel, with null), and the print dialog print. */
  answerDialogsWith(folder: string | null): Promise<void>;
  /** How many times the system print dialog was used. */
  printed(): Promise<number>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The Electron binary's path if it was installed (a laptop, a user's machine); undefined on CI here.
 * Read from electron's path.txt rather than `require('electron')`, which tries to download a missing binary.
 */
export function electronBinary(): string | undefined {
  if (process.env['DESK_E2E_LAUNCHER'] === 'browser') return undefined;
  const pkg = resolve(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Wait for the readiness marker AppGate sets: the app loaded its data, or is showing the error screen. */
export async function waitForApp(page: Page): Promise<void> {
  await page.locator('[data-app-state="ready"], [data-app-state="error"]').first().waitFor({ state: 'attached', timeout: 30_000 });
}

export async function launchElectron(binary: string, dataDir: string, watch: (page: Page) => void, now?: string): Promise<DeskApp> {
  let app: ElectronApplication;
  let page: Page;
  const start = async (at?: string) => {
    app = await _electron.launch({
      executablePath: binary,
      args: [resolve(ROOT, 'out/main/main.js'), '--data-dir', dataDir, `--user-data-dir=${dataDir}-this-pc`],
      env: { ...process.env, NODE_ENV: 'test', ...(at && { CORRESPONDENCE_DESK_TEST_NOW: at }) },
    });
    page = await app.firstWindow();
    watch(page);
    await waitForApp(page);
  };
  let clockAt = now;
  await start(clockAt);
  return {
    get page() {
      return page;
    },
    dataDir,
    mode: 'electron',
    restart: async (opts = {}) => {
      await app.close();
      clockAt = opts.now ?? clockAt;
      await start(clockAt);
    },
    close: () => app.close(),
    answerDialogsWith: async (folder) => {
      // Replace Electron's dialogs in the main process: a real one would wait for a person.
      await app.evaluate(({ dialog }, chosen) => {
        const path = process.getBuiltinModule('node:path');
        dialog.showSaveDialog = (async (...args: unknown[]) => {
          const opts = args[args.length - 1] as { defaultPath?: string };
          return chosen ? { canceled: false, filePath: path.join(chosen, path.basename(opts.defaultPath ?? 'letter.docx')) } : { canceled: true, filePath: '' };
        }) as typeof dialog.showSaveDialog;
        dialog.showOpenDialog = (async () => (chosen ? { canceled: false, filePaths: [chosen] } : { canceled: true, filePaths: [] })) as typeof dialog.showOpenDialog;
      }, folder);
      // A real print dialog would wait for a person: count the request and report it printed.
      await app.evaluate(({ BrowserWindow }) => {
        const g = globalThis as { deskPrinted?: number };
        g.deskPrinted ??= 0;
        for (const w of BrowserWindow.getAllWindows()) {
          w.webContents.print = ((_opts: unknown, done?: (ok: boolean, reason: string) => void) => {
            g.deskPrinted = (g.deskPrinted ?? 0) + 1;
            done?.(true, '');
          }) as typeof w.webContents.print;
        }
      });
    },
    printed: () => app.evaluate(() => (globalThis as { deskPrinted?: number }).deskPrinted ?? 0),
  };
}

/**
 * The browser harness: the built renderer in Chromium, with the services running in this Node process and
 * `window.desk` installed by the same factory the preload uses. Only Electron's IPC pipe is missing.
 */
/** This PC's settings beside the test's data folder (each test its own), as the app keeps them in user data. */
function harnessPcSettings(dataDir: string) {
  return openPcSettings(settingsFile(`${dataDir}-this-pc`), { defaultOfficerName: 'test.officer' });
}

export async function launchBrowser(
  browser: Browser,
  origin: string,
  dataDir: string,
  watch: (page: Page) => void,
  now?: string,
): Promise<DeskApp> {
  let clock: Clock = now ? fixedClock(now) : systemClock;
  const platform = recordingPlatform();
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  watch(page);
  // "Save as PDF" prints the page on screen, as Electron's printToPDF does: here with Chromium's page.pdf.
  platform.printToPdf = async () => page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  let services: Services = await createServices({ dataDir, clock, platform, templatesDir: resolve(ROOT, 'templates'), pcSettings: await harnessPcSettings(dataDir), appVersion: 'test' });
  let dispatch = createDispatcher(services.handlers);
  await page.exposeBinding('__deskInvoke', (source, name: string, input: unknown) => {
    // The same rule as the IPC sender check: only the app's own top-level page may call.
    if (source.frame !== source.page.mainFrame() || !isTrustedUrl(source.frame.url(), origin)) {
      return { ok: false, error: 'This request did not come from Correspondence Desk and was refused.' };
    }
    return dispatch(name, input);
  });
  await page.addInitScript(
    `Object.defineProperty(window, 'desk', { value: (${buildDeskApi.toString()})(${JSON.stringify(methodNames)}, (name, input) => window.__deskInvoke(name, input)) });`,
  );
  await page.goto(`${origin}/index.html`);
  await waitForApp(page);
  return {
    page,
    dataDir,
    mode: 'browser',
    restart: async (opts = {}) => {
      if (opts.now) clock = fixedClock(opts.now);
      await services.close();
      services = await createServices({ dataDir, clock, platform, templatesDir: resolve(ROOT, 'templates'), pcSettings: await harnessPcSettings(dataDir), appVersion: 'test' });
      dispatch = createDispatcher(services.handlers);
      await page.reload();
      await waitForApp(page);
    },
    close: async () => {
      await context.close();
      await services.close();
    },
    answerDialogsWith: async (folder) => {
      platform.dialogFolder = folder;
    },
    printed: async () => platform.printed,
  };
}

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './harness/chromium';
import { electronBinary, launchBrowser, launchElectron, type DeskApp } from './harness/launchers';
import { serveRenderer } from './harness/staticServer';

interface WorkerFixtures {
  harness: { browser: Browser; origin: string } | null;
}
interface TestFixtures {
  /** Start the app on a data folder (a fresh one unless given); closed after the test. */
  launch: (opts?: { dataDir?: string; now?: string }) => Promise<DeskApp>;
  /** The app, started on a fresh data folder. */
  desk: DeskApp;
}

const binary = electronBinary();

/**
 * Two launchers, one set of specs (DESIGN.md): real Electron where its binary exists, otherwise the browser
 * harness. Every test gets its own data folder; every test fails on a page error or a CSP violation.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  harness: [
    // Playwright requires an object pattern for a fixture that uses no other fixture.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (binary) return use(null);
      console.log('Electron binary not installed: running the end-to-end tests in the browser harness (Chromium).');
      const executablePath = chromiumExecutable();
      const browser = await chromium.launch({ ...(executablePath && { executablePath }), args: CHROMIUM_ARGS });
      const server = await serveRenderer(resolve(import.meta.dirname, '../../out/renderer'));
      await use({ browser, origin: server.origin });
      await browser.close();
      await server.close();
    },
    { scope: 'worker' },
  ],
  launch: async ({ harness }, use, testInfo) => {
    const apps: DeskApp[] = [];
    const problems: string[] = [];
    await use(async (opts = {}) => {
      const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'desk-e2e-')));
      const watch = (page: Page) => {
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
        });
      };
      const app = binary
        ? await launchElectron(binary, dataDir, watch, opts.now)
        : await launchBrowser(harness!.browser, harness!.origin, dataDir, watch, opts.now);
      apps.push(app);
      return app;
    });
    for (const app of apps) await app.close().catch(() => undefined);
    if (problems.length > 0 && testInfo.status === testInfo.expectedStatus) {
      throw new Error(`The page reported errors:\n${problems.join('\n')}`);
    }
  },
  desk: async ({ launch }, use) => {
    await use(await launch());
  },
});

export { expect };

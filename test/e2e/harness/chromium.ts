import { existsSync } from 'node:fs';

/**
 * Which Chromium the browser harness drives: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one
 * Playwright downloads for itself (undefined). The flags keep a headless Chromium from reaching for the
 * network at start-up, which a closed build machine refuses.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

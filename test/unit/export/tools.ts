import { spawnSync } from 'node:child_process';

/**
 * The command-line tools some export tests drive (xmllint, LibreOffice, poppler). On a developer's machine
 * without them those tests are skipped with a message saying what to install; under CI (`CI` set) they
 * are never skipped, so a build machine that lost a package fails loudly instead of quietly testing less.
 */
export interface ToolCheck {
  /** True only off CI with a tool missing. */
  skip: boolean;
  /** Throws, naming the Debian package, when a tool is missing: call first in each test. */
  ensure(): void;
}

const probe = (cmd: string, versionFlag: string) => {
  const r = spawnSync(cmd, [versionFlag], { stdio: 'ignore', timeout: 60_000 });
  return !r.error;
};

export function externalTools(tools: { cmd: string; versionFlag: string; debianPackage: string }[]): ToolCheck {
  const missing = tools.filter((t) => !probe(t.cmd, t.versionFlag));
  const what = missing.map((t) => `${t.cmd} (Debian package ${t.debianPackage})`).join(', ');
  const skip = missing.length > 0 && !process.env['CI'];
  if (skip) console.warn(`Skipping tests that need ${what}: not installed here. They run, and must pass, under CI.`);
  return {
    skip,
    ensure: () => {
      if (missing.length > 0) throw new Error(`Missing ${what}; CI must install it (see .ci/run).`);
    },
  };
}

export const XMLLINT = { cmd: 'xmllint', versionFlag: '--version', debianPackage: 'libxml2-utils' };
export const SOFFICE = { cmd: 'soffice', versionFlag: '--version', debianPackage: 'libreoffice-writer-nogui' };
export const PDFTOTEXT = { cmd: 'pdftotext', versionFlag: '-v', debianPackage: 'poppler-utils' };
export const PDFINFO = { cmd: 'pdfinfo', versionFlag: '-v', debianPackage: 'poppler-utils' };

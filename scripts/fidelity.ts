import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../test/e2e/harness/chromium';
import { launchBrowser } from '../test/e2e/harness/launchers';
import { serveRenderer } from '../test/e2e/harness/staticServer';
import { convertToPdf } from '../test/unit/export/office';
import { api, seedFidelityLetters } from './lib/fidelitySeed';
import { A4_PX, composeComparison, pdfToPngs, previewScreenshot } from './lib/fidelityRender';

/**
 * `npm run fidelity` (after `npm run build`): does the exported DOCX look like the preview? Two letters
 * are entered through the app's API, exported as DOCX the way the Export button does, printed to PDF by
 * LibreOffice and rasterised, and set beside a screenshot of the preview. A person looks at
 * test-results/fidelity/*-compare.png; the text is checked automatically by test/unit/export.
 */
const out = resolve('test-results/fidelity');
if (!existsSync(resolve('out/renderer/index.html'))) {
  console.error('No built renderer in out/renderer: run `npm run build` first.');
  process.exit(1);
}
for (const [cmd, flag, pkg] of [['soffice', '--version', 'libreoffice-writer-nogui'], ['pdftoppm', '-v', 'poppler-utils']] as const) {
  if (spawnSync(cmd, [flag], { stdio: 'ignore' }).error) {
    console.error(`${cmd} is not installed: install the Debian package ${pkg} (as .ci/run does).`);
    process.exit(1);
  }
}
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const dataDir = await mkdtemp(join(tmpdir(), 'desk-fidelity-'));
const exportDir = await mkdtemp(join(tmpdir(), 'desk-fidelity-docx-'));
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ ...(executablePath && { executablePath }), args: CHROMIUM_ARGS });
const server = await serveRenderer(resolve('out/renderer'));
const problems: string[] = [];
const app = await launchBrowser(browser, server.origin, dataDir, (page) => {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
});
try {
  const { page } = app;
  const letters = await seedFidelityLetters(page);
  await app.answerDialogsWith(exportDir);
  const exported: { name: string; id: string; docx: string }[] = [];
  for (const [name, letter] of Object.entries(letters)) {
    const r = await api(page, 'export.letter', { id: letter.id, overrideReason: 'Fidelity check of the layout' });
    if (r.status !== 'saved') throw new Error(`Export of ${letter.reference} was not saved.`);
    const docx = join(out, `${name}.docx`);
    await copyFile(r.path, docx);
    exported.push({ name, id: letter.id, docx });
    console.log(`exported ${letter.reference} as ${basename(r.path)}`);
  }
  const pdfs = await convertToPdf(exported.map((e) => e.docx), out);
  for (const { name, id, docx } of exported) {
    const pages = await pdfToPngs(pdfs.get(docx)!, join(out, `${name}-docx`));
    const preview = join(out, `${name}-preview.png`);
    const { widthInEditor, widthShot } = await previewScreenshot(page, server.origin, id, preview);
    if (Math.abs(widthShot - A4_PX) > 1) problems.push(`The ${name} preview was captured ${widthShot} px wide, not A4's ${A4_PX} px.`);
    if (Math.abs(widthInEditor - A4_PX) > 1) console.warn(`note: in a 1360 px window the editor squeezes the ${name} preview page to ${widthInEditor} px (A4 is ${A4_PX} px), so its lines wrap differently from the DOCX.`);
    const compare = join(out, `${name}-compare.png`);
    await composeComparison(page.context(), `${name} letter: preview (left) and DOCX via LibreOffice (right), both at 80 dpi`, preview, pages, compare);
    console.log(`wrote ${compare} (${pages.length} DOCX page${pages.length === 1 ? '' : 's'})`);
  }
  if (problems.length > 0) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
} finally {
  await app.close();
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(exportDir, { recursive: true, force: true });
}

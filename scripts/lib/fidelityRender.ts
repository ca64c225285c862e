import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';

const run = promisify(execFile);
export const DPI = 80;

/** PDF pages as PNGs at 80 dpi (pdftoppm): `<prefix>-1.png`, `<prefix>-2.png`… in page order. */
export async function pdfToPngs(pdf: string, prefix: string): Promise<string[]> {
  await run('pdftoppm', ['-r', String(DPI), '-png', pdf, prefix]);
  const dir = join(prefix, '..');
  const stem = basename(prefix);
  const pages = (await readdir(dir)).filter((f) => new RegExp(`^${stem}-\\d+\\.png$`).test(f));
  return pages.sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1])).map((f) => join(dir, f));
}

/** A4's width at 96 dpi: what the preview page should measure, in CSS pixels. */
export const A4_PX = Math.round((210 / 25.4) * 96);

/**
 * The preview exactly as LetterPreview draws it, at 96 dpi. The editor shows it at `zoom: 0.75` inside a
 * scroll area; the zoom is undone on every ancestor and the window made wide and tall enough for a whole
 * A4 page, so the element screenshot is the whole letter at full size. Returns the page's width as the
 * editor lays it out in the harness's usual 1360 x 900 window, because a flex layout can squeeze it.
 */
export async function previewScreenshot(page: Page, origin: string, letterId: string, path: string): Promise<{ widthInEditor: number; widthShot: number }> {
  const article = page.locator('article[aria-label="Letter preview"]');
  const width = () => article.evaluate((el) => parseFloat(getComputedStyle(el).width));
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`${origin}/index.html#/letters/${letterId}`);
  await article.waitFor();
  const widthInEditor = await width();
  await page.setViewportSize({ width: 2600, height: 1200 });
  await page.evaluate(async () => {
    const el = document.querySelector('article[aria-label="Letter preview"]');
    for (let node = el; node; node = node.parentElement) if (getComputedStyle(node).zoom !== '1') (node as HTMLElement).style.zoom = '1';
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((r) => img.addEventListener('load', r, { once: true })))));
  });
  const box = await article.boundingBox();
  if (!box) throw new Error('The letter preview is not visible.');
  await page.setViewportSize({ width: 2600, height: Math.ceil(box.y + box.height + 200) });
  await article.screenshot({ path });
  return { widthInEditor, widthShot: await width() };
}

const dataUrl = async (png: string) => `data:image/png;base64,${(await readFile(png)).toString('base64')}`;

/**
 * Preview and DOCX side by side, at the same scale (the 96 dpi preview shown at 80/96), PDF pages stacked
 * without gaps and outlined so their edges line up with the preview's faint page rules.
 */
export async function composeComparison(context: BrowserContext, title: string, preview: string, pages: string[], path: string): Promise<void> {
  const page = await context.newPage();
  try {
    const previewWidth = Math.round((210 / 25.4) * DPI);
    const imgs = await Promise.all(pages.map(dataUrl));
    const html = `<!doctype html><html><body style="margin:0;background:#9aa3ad;font:15px Arial,sans-serif">
      <h1 style="font-size:18px;margin:12px 16px">${title}</h1>
      <div style="display:flex;gap:32px;padding:0 16px 16px;align-items:flex-start">
        <figure style="margin:0"><figcaption style="margin-bottom:6px">Preview in the app (LetterPreview, zoom 1)</figcaption>
          <img src="${await dataUrl(preview)}" style="width:${previewWidth}px;display:block;background:white"></figure>
        <figure style="margin:0"><figcaption style="margin-bottom:6px">Exported DOCX, printed by LibreOffice (${pages.length} page${pages.length === 1 ? '' : 's'})</figcaption>
          ${imgs.map((src) => `<img src="${src}" style="width:${previewWidth}px;display:block;outline:1px solid #c0392b">`).join('')}</figure>
      </div></body></html>`;
    await page.setViewportSize({ width: previewWidth * 2 + 80, height: 800 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path, fullPage: true });
  } finally {
    await page.close();
  }
}

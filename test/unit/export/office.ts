import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * DOCX -> PDF with LibreOffice, every file in one `soffice` start (it takes seconds to start). A private
 * profile directory keeps it from colliding with another soffice (a developer's open office suite, a
 * parallel test). soffice exits 0 even when it cannot load a file, so each PDF is looked for.
 */
export async function convertToPdf(docxFiles: string[], outDir: string, timeoutMs = 110_000): Promise<Map<string, string>> {
  const profile = await mkdtemp(join(tmpdir(), 'desk-soffice-'));
  try {
    const args = ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles];
    const { stdout, stderr } = await run('soffice', args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
    const pdfs = new Map<string, string>();
    for (const file of docxFiles) {
      const pdf = join(outDir, `${basename(file, extname(file))}.pdf`);
      if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}.\nstdout: ${stdout}\nstderr: ${stderr}`);
      pdfs.set(file, pdf);
    }
    return pdfs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The PDF's text: `raw` in the order it was painted (document order), `plain` in poppler's reading order. */
export async function pdfText(pdf: string, mode: 'raw' | 'plain', pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const { stdout } = await run('pdftotext', [...(mode === 'raw' ? ['-raw'] : []), '-enc', 'UTF-8', ...range, pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!pages) throw new Error(`pdfinfo gave no page count for ${pdf}:\n${stdout}`);
  return Number(pages[1]);
}

/** Every word of a PDF with its page and top edge in points (pdftotext -bbox): to compare positions. */
export async function pdfWords(pdf: string): Promise<{ page: number; text: string; x: number; y: number }[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const words: { page: number; text: string; x: number; y: number }[] = [];
  let page = 0;
  for (const m of stdout.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    if (m[0] === '<page') page += 1;
    else words.push({ page, text: m[3]!, x: Number(m[1]), y: Number(m[2]) });
  }
  return words;
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './fixtures';

/**
 * The ECMA-376 1st edition (transitional) WordprocessingML schema, copied into the repo's fixtures, with the
 * DrawingML picture schema beside it (see the wrapper's comment): a signature image is a picture.
 */
export const WML_XSD = resolve(ROOT, 'test/fixtures/wml-with-pictures.xsd');

/**
 * `mc:Ignorable` lists namespaces (w14, w15…) a consumer may skip; the 1st-edition schema does not know
 * the attribute itself, so it goes before validation (test/fixtures/ooxml-schemas/README.md). Nothing
 * else is changed: anything the schema rejects after that is reported as it is.
 */
export const withoutIgnorable = (xml: string) => xml.replace(/\smc:Ignorable="[^"]*"/, '');

/**
 * What a consumer that follows Markup Compatibility (ECMA-376 Part 3) does with attributes from the
 * namespaces a part declares ignorable: drops them. numbering.xml needs this (w15:restartNumberingAfterBreak).
 */
export function dropIgnorableAttributes(xml: string): string {
  const prefixes = /\smc:Ignorable="([^"]*)"/.exec(xml)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  return prefixes.reduce((x, p) => x.replace(new RegExp(`\\s${p}:[\\w-]+="[^"]*"`, 'g'), ''), xml);
}

/**
 * Validate parts against wml.xsd in one xmllint run (loading the schema is the slow part). Returns each
 * part's errors, empty when it validates; throws if xmllint says nothing about a part.
 */
export function validateWml(parts: Record<string, string>): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-xsd-'));
  try {
    const files = Object.entries(parts).map(([name, xml], i) => {
      const file = join(dir, `${i}-${name.replace(/[^\w.]/g, '_')}`);
      writeFileSync(file, withoutIgnorable(xml));
      return { name, file };
    });
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', WML_XSD, ...files.map((f) => f.file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    if (r.error) throw r.error;
    const out: Record<string, string[]> = {};
    for (const { name, file } of files) {
      const lines = r.stderr.split('\n').filter((l) => l.startsWith(file));
      if (lines.includes(`${file} validates`)) out[name] = [];
      else if (lines.includes(`${file} fails to validate`)) out[name] = lines.filter((l) => !l.endsWith('fails to validate')).map((l) => l.slice(file.length));
      else if (lines.length > 0) out[name] = lines.map((l) => l.slice(file.length)); // not even well-formed
      else throw new Error(`xmllint gave no verdict on ${name}:\n${r.stderr.slice(0, 2000)}`);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

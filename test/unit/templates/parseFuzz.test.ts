import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { richTextSchema } from '../../../electron/core/letters/richText';
import { parseTemplate } from '../../../electron/core/templates/parseTemplate';
import type { TemplateParseResult } from '../../../electron/core/templates/types';
import { BUILT_IN_DIR, seededRandom, source } from './helpers';

const PIECES = [
  '---', '---\n', '\n', '\r\n', '\r', ' ', '\t', 'name:', 'subject:', 'deadline:', 'commitments:', '  - ', '- ', '* ', '1. ', '#', '> ',
  '**', '*', '_', '`', '```', '~~', '|', '<u>', '</u>', '<div>', '<!--', '[', ']', '(', ')', '![x](y)', '{', '}', '{{', '}}',
  '{{recipient.salutation}}', '{{commitments.list}}', '{{nope}}', ':', '"', "'", '&amp;', '&#', '\\', '\u0000', '\uFEFF', '\uD800',
  '\uFFFF', '😀', 'é', 'Hackney', 'word', '14 calendar days', '&', '?', '!', '%', '@', '    ', '===', '\u2028',
];

function randomSource(rand: () => number): string {
  const n = Math.floor(rand() * 200);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += rand() < 0.15 ? String.fromCharCode(Math.floor(rand() * 0x3000)) : (PIECES[Math.floor(rand() * PIECES.length)] ?? '');
  }
  return s;
}

/** Whatever the input, the result is well formed: a valid body, or problems that point at real lines. */
function expectWellFormed(r: TemplateParseResult, src: string): void {
  const lineCount = src.split(/\r\n|\r|\n/).length;
  if (r.ok) {
    expect(richTextSchema.safeParse(r.template.body).success).toBe(true);
    expect(r.template.body.length).toBeGreaterThan(0);
  } else {
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.length).toBeLessThanOrEqual(51);
    expect(typeof r.name).toBe('string');
    for (const p of r.problems) {
      expect(p.file).toBe('fuzz.md');
      expect(p.message).toMatch(/^"fuzz\.md"/);
      if (p.line !== null) {
        expect(Number.isInteger(p.line)).toBe(true);
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.line).toBeLessThanOrEqual(lineCount + 1);
      }
    }
  }
}

const parse = (src: string) => parseTemplate(src, 'fuzz.md', { id: 'fuzz', builtIn: false });

describe('parseTemplate never throws', () => {
  it('on random garbage made of Markdown and YAML pieces', () => {
    const rand = seededRandom(20220317);
    for (let i = 0; i < 1500; i++) {
      const src = randomSource(rand);
      expectWellFormed(parse(src), src);
      // The same garbage as a body, behind valid details, exercises the Markdown reader rather than YAML's.
      const asBody = source({ body: src });
      expectWellFormed(parse(asBody), asBody);
    }
  });

  it('on random damage to every built-in template', async () => {
    const rand = seededRandom(42);
    for (const id of ['safeguarding-action-plan', 'chaser-overdue-reply', 'scrutiny-written-answers']) {
      const original = await readFile(join(BUILT_IN_DIR, `${id}.md`), 'utf8');
      for (let i = 0; i < 150; i++) {
        let src = original;
        for (let edits = 1 + Math.floor(rand() * 5); edits > 0; edits--) {
          const at = Math.floor(rand() * src.length);
          const piece = PIECES[Math.floor(rand() * PIECES.length)] ?? '';
          src = rand() < 0.5 ? src.slice(0, at) + piece + src.slice(at) : src.slice(0, at) + src.slice(at + 1 + Math.floor(rand() * 20));
        }
        expectWellFormed(parse(src), src);
      }
    }
  });

  it('on a 1 MB file, quickly, with a capped number of problems', () => {
    const garbage = Array.from({ length: 1024 * 1024 / 16 }, (_, i) => `# x {{y${i}}} |\n`).join('');
    const started = Date.now();
    const r = parse(source({ body: garbage }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.at(-1)?.message).toMatch(/more problems not shown/);

    const long = parse(source({ body: `${'A long paragraph. '.repeat(60_000)}\n` }));
    expect(long.ok).toBe(true);
  });

  it('on NUL bytes, lone surrogates, a lone CR and an empty file', () => {
    for (const src of ['', '\u0000\u0000\u0000', '---\u0000\n---', '\uD800\uDC00\uD800', '---\rname: A\rsubject: B\r---\rBody\r', '\uFEFF', '---\n---\n---\n']) {
      expectWellFormed(parse(src), src);
    }
    expect(parse('---\rname: A\rsubject: B\r---\rBody\r').ok).toBe(true);
  });

  it('on YAML that tries to expand aliases into a huge document', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]', '---', 'Body'].join('\n');
    const r = parse(bomb);
    expect(r.ok).toBe(false);
    expectWellFormed(r, bomb);
  });
});

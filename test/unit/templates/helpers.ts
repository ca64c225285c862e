import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { parseTemplate } from '../../../electron/core/templates/parseTemplate';
import type { LetterTemplate, TemplateProblem } from '../../../electron/core/templates/types';

export const BUILT_IN_DIR = resolve(import.meta.dirname, '../../../templates');

export const BUILT_IN_IDS = [
  'safeguarding-action-plan',
  'iopc-complaints-and-culture',
  'mopac-representation-and-data',
  'scrutiny-written-answers',
  'chaser-overdue-reply',
  'acknowledge-reply-and-meeting',
] as const;

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

export async function tempDir(prefix = 'cd-templates-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A small valid template; `details` and `body` replace the defaults. */
export function source(opts: { details?: string; body?: string; name?: string } = {}): string {
  const details = opts.details ?? `name: ${opts.name ?? 'A test template'}\nsubject: A test subject\ndeadline: 10 working days`;
  return `---\n${details}\n---\n${opts.body ?? 'We are writing about {{letter.subject}}.\n'}`;
}

export function parseOk(src: string, file = 'test.md'): LetterTemplate {
  const r = parseTemplate(src, file, { id: file.replace(/\.md$/, ''), builtIn: false });
  if (!r.ok) throw new Error(`expected no problems, got:\n${r.problems.map((p) => p.message).join('\n')}`);
  return r.template;
}

export function problemsOf(src: string, file = 'test.md'): TemplateProblem[] {
  const r = parseTemplate(src, file, { id: file.replace(/\.md$/, ''), builtIn: false });
  if (r.ok) throw new Error('expected problems, but the template parsed');
  return r.problems;
}

/** Problems as `line: message` strings, easy to match. */
export const linesAndMessages = (problems: TemplateProblem[]): string[] => problems.map((p) => `${p.line ?? '-'}: ${p.message}`);

/** A repeatable random number source, so a failing fuzz case can be run again. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

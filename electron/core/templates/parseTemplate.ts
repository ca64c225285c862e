import { cleanLine } from '../text/cleanText';
import { ProblemList } from './problemList';
import { readBody } from './readBody';
import { readFrontMatter } from './readFrontMatter';
import { checkControlCharacters, normaliseSource, splitSource } from './splitSource';
import type { TemplateParseResult } from './types';

export type { LetterTemplate, TemplateParseResult, TemplateProblem } from './types';

/**
 * Reads a template file (Markdown with YAML front matter; the format is described in templates/README.md).
 * Every problem is collected, each with the file and line, so the officer can fix them all in one go. It
 * never throws, whatever the input: a broken file is shown in the list with its problems, not a crash.
 */
export function parseTemplate(source: string, file: string, opts: { id: string; builtIn: boolean }): TemplateParseResult {
  const problems = new ProblemList(file);
  let name = cleanLine(file.replace(/\.md$/i, '')) || opts.id;
  try {
    const text = normaliseSource(source);
    checkControlCharacters(text, problems);
    const parts = splitSource(text, problems);
    const fm = parts.frontMatter
      ? readFrontMatter(parts.frontMatter.text, parts.frontMatter.firstLine, parts.frontMatter.openingLine, problems)
      : null;
    if (fm?.name) name = fm.name;
    const body = parts.body ? readBody(parts.body.text, parts.body.firstLine, fm?.values?.closing ?? null, problems) : null;
    if (problems.count === 0 && fm?.values && body) {
      return { ok: true, template: { id: opts.id, file, builtIn: opts.builtIn, ...fm.values, body } };
    }
  } catch (err) {
    // A bug in the reader must not take the templates list down with it; say so, with the file.
    problems.add(null, `the template could not be read because of an unexpected error (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (problems.count === 0) problems.add(null, 'the template could not be read.');
  return { ok: false, problems: problems.list(), name };
}

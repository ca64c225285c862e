import { isMap, parseDocument } from 'yaml';
import { paragraph } from '../letters/richText';
import { normaliseSource, splitSource } from './splitSource';
import { ProblemList } from './problemList';
import { serialiseTemplate } from './serialiseTemplate';

/** The text of a new template: complete and usable at once, with each detail showing what it is for. */
export function newTemplateSource(name: string): string {
  return serialiseTemplate({
    id: '',
    file: '',
    builtIn: false,
    name,
    description: 'When to use this template, in one sentence.',
    subject: 'The subject of the letter',
    closing: 'Yours sincerely',
    signatories: [],
    ccGroup: null,
    deadline: { kind: 'working', days: 10 },
    commitments: ['What the letter asks the recipient to do'],
    body: [
      paragraph('Write the first paragraph of the letter here. The salutation ("Dear …,"), the subject, the closing and the signatures are added by the letter itself.'),
      paragraph('In particular, we ask for:'),
      paragraph('{{commitments.list}}'),
      paragraph('We would be grateful for your reply by {{deadline.date}}, quoting our reference {{letter.reference}}.'),
    ],
  });
}

/**
 * The same source with a new `name:`. Edits the YAML in place, so the officer's comments, order and
 * wording are kept; when the details cannot be read, the source is returned unchanged (a copy of a
 * broken template is still worth having, and the officer will rename it when fixing it).
 */
export function withName(source: string, name: string): string {
  const text = normaliseSource(source);
  const parts = splitSource(text, new ProblemList(''));
  if (!parts.frontMatter) return source;
  const doc = parseDocument(parts.frontMatter.text, { logLevel: 'silent' });
  if (doc.errors.length > 0 || !isMap(doc.contents) || !doc.contents.has('name')) return source;
  doc.set('name', name);
  const lines = text.split('\n');
  const before = lines.slice(0, parts.frontMatter.firstLine - 1);
  const after = lines.slice(parts.frontMatter.firstLine - 1 + parts.frontMatter.text.split('\n').length);
  return [...before, doc.toString({ lineWidth: 0 }).replace(/\n$/, ''), ...after].join('\n');
}

import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../electron/core/templates/parseTemplate';
import { linesAndMessages, parseOk, problemsOf, source } from './helpers';

// Line numbers in the comments are the file's own, as the officer sees them in an editor.
const BROKEN = [
  '---', // 1
  'name: Broken template', // 2
  'subject: A subject', // 3
  'deadine: 14 calendar days', // 4
  'deadline: a fortnight', // 5
  '---', // 6
  'First paragraph for {{recipient.nmae}}.', // 7
  '', // 8
  '# A heading', // 9
  '', // 10
  'Text {{recipient.salutation} and {letter.date}}.', // 11
  '', // 12
  'We ask for: {{commitments.list}}', // 13
  '', // 14
  '| a | b |', // 15
  '| - | - |', // 16
  '| 1 | 2 |', // 17
  '', // 18
  '![a picture](x.png) and [a link](https://example.org) and `code`', // 19
  '', // 20
  '> a quotation', // 21
  '', // 22
  '- an entry', // 23
  '  - an entry inside it', // 24
  '', // 25
].join('\n');

const EXPECTED: [number, RegExp][] = [
  [4, /line 4: "deadine" is not a detail a template can have; did you mean "deadline"\?/],
  [5, /"test\.md", line 5: the deadline "a fortnight" is not understood; write it like "14 calendar days" or "10 working days"\./],
  [7, /line 7: unknown placeholder \{\{recipient\.nmae\}\}\. Did you mean \{\{recipient\.fullName\}\}, \{\{recipient\.givenName\}\} or \{\{recipient\.familyName\}\}\?/],
  [9, /line 9: headings .* cannot be used in a letter body.*use \*\*bold\*\*/],
  [11, /line 11: the placeholder "\{\{recipient\.salutation\}" is missing a closing brace; write it as \{\{recipient\.salutation\}\}\./],
  [11, /line 11: the placeholder "\{letter\.date\}\}" is missing an opening brace; write it as \{\{letter\.date\}\}\./],
  [13, /line 13: \{\{commitments\.list\}\} stands for a whole list, so it must be on a line of its own/],
  [15, /line 15: tables cannot be used/],
  [19, /line 19: images cannot be used/],
  [19, /line 19: links cannot be used/],
  [19, /line 19: text between backticks/],
  [21, /line 21: quoted blocks/],
  [24, /line 24: a list inside a list cannot be shown/],
];

function expectProblems(src: string) {
  const problems = problemsOf(src);
  const found = linesAndMessages(problems);
  for (const [line, pattern] of EXPECTED) {
    expect(found.filter((f) => f.startsWith(`${line}: `) && pattern.test(f)), `line ${line}: ${pattern}\n${found.join('\n')}`).toHaveLength(1);
  }
  expect(problems).toHaveLength(EXPECTED.length);
  expect(problems.every((p) => p.file === 'test.md')).toBe(true);
}

describe('parseTemplate reports every problem, each with its file line', () => {
  it('in a file with LF line endings', () => expectProblems(BROKEN));
  it('in a file with CRLF line endings', () => expectProblems(BROKEN.replace(/\n/g, '\r\n')));
  it('in a file starting with a byte-order mark', () => expectProblems(`\uFEFF${BROKEN}`));
  it('names a broken template by its front-matter name', () => {
    const r = parseTemplate(BROKEN, 'test.md', { id: 'test', builtIn: false });
    expect(r.ok === false && r.name).toBe('Broken template');
  });
});

describe('front matter', () => {
  it('must be there', () => {
    const problems = problemsOf('Just a letter body with no details.\n');
    expect(linesAndMessages(problems)).toEqual([expect.stringMatching(/^1: "test\.md", line 1: the template must start with its details between two lines of three dashes/)]);
    const r = parseTemplate('Just a body', 'my-template.md', { id: 'my-template', builtIn: false });
    expect(r.ok === false && r.name).toBe('my-template');
  });

  it('must be closed', () => {
    const problems = problemsOf('\n---\nname: x\nsubject: y\nbody text\n');
    expect(linesAndMessages(problems)).toEqual([expect.stringMatching(/^2: .*line 2: the details that start here are never closed/)]);
  });

  it('reports YAML syntax errors on their line, in plain words', () => {
    const problems = problemsOf(source({ details: 'name: A name\nsubject: Safeguarding review: next steps\ndeadline: 10 working days' }));
    expect(linesAndMessages(problems)).toEqual([expect.stringMatching(/^3: .*must be in double quotes/)]);
    expect(linesAndMessages(problemsOf(source({ details: 'name: A name\nsubject: "unclosed\ndeadline: 10 working days' })))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^3: .*closing quotation mark/)]),
    );
    expect(linesAndMessages(problemsOf(source({ details: 'name: A\nname: B\nsubject: S' })))).toEqual([expect.stringMatching(/^3: .*given more than once/)]);
  });

  it('reports wrong types on the line of the detail', () => {
    const problems = problemsOf(source({ details: 'name: 2022\nsubject: A subject\nsignatories:\n  name: Philip\ncommitments:\n  - One\n  - 12' }));
    expect(linesAndMessages(problems)).toEqual([
      expect.stringMatching(/^2: .*the name must be text; put it in double quotes/),
      expect.stringMatching(/^4: .*the signatories must be a list/),
      expect.stringMatching(/^8: .*each commitment must be text/),
    ]);
  });

  it('reports missing and empty details', () => {
    const problems = problemsOf(source({ details: 'description: Something\nsubject: "   "' }));
    expect(linesAndMessages(problems)).toEqual([expect.stringMatching(/^1: .*the name is missing\./), expect.stringMatching(/^3: .*the subject is empty\./)]);
  });

  it('reports an unknown detail even when nothing is close to it', () => {
    const problems = problemsOf(source({ details: 'name: A\nsubject: B\nrecipientRank: DAC' }));
    expect(linesAndMessages(problems)).toEqual([expect.stringMatching(/^4: .*"recipientRank" is not a detail a template can have; a template can have name, description/)]);
  });

  it.each([
    ['14 calendar days', { kind: 'calendar', days: 14 }],
    ['10 working days', { kind: 'working', days: 10 }],
    ['1 working day', { kind: 'working', days: 1 }],
    ['  21  Calendar  Days ', { kind: 'calendar', days: 21 }],
  ])('accepts the deadline "%s"', (text, rule) => {
    expect(parseOk(source({ details: `name: A\nsubject: B\ndeadline: "${text}"` })).deadline).toEqual(rule);
  });

  it.each([
    ['a fortnight', /is not understood/],
    ['fortnight', /is not understood/],
    ['two weeks', /is not understood/],
    ['14 days', /does not say which kind of days/],
    ['14', /does not say which kind of days/],
    ['0 working days', /between 1 and 366/],
    ['400 calendar days', /between 1 and 366/],
    ['[14, calendar]', /must be written like/],
  ])('rejects the deadline %s', (text, pattern) => {
    const details = text.startsWith('[') ? `name: A\nsubject: B\ndeadline: ${text}` : `name: A\nsubject: B\ndeadline: "${text}"`;
    const problems = problemsOf(source({ details }));
    expect(linesAndMessages(problems)).toEqual([expect.stringMatching(new RegExp(`^4: .*${pattern.source}`))]);
  });

  it('fills in the optional details, and accepts one signatory written without a dash', () => {
    const t = parseOk(source({ details: 'name: A\nsubject: B\nsignatories: Philip Glanville\nccGroup:\ndescription:' }));
    expect(t).toMatchObject({ closing: 'Yours sincerely', signatories: ['Philip Glanville'], ccGroup: null, description: '', deadline: null, commitments: [] });
  });

  it('checks placeholders in the subject and commitments', () => {
    const problems = problemsOf(
      source({ details: 'name: A\nsubject: "About {{original.subjct}} and {{commitments.list}}"\ncommitments:\n  - Reply by {{deadline.date}}\n  - Fine' }),
    );
    expect(linesAndMessages(problems)).toEqual([
      expect.stringMatching(/^3: .*unknown placeholder \{\{original\.subjct\}\}\. Did you mean \{\{original\.subject\}\}\?/),
      expect.stringMatching(/^3: .*\{\{commitments\.list\}\} stands for a whole list.*not in the subject/),
      expect.stringMatching(/^5: .*a commitment cannot contain a placeholder \(\{\{deadline\.date\}\}\)/),
    ]);
  });
});

describe('letter body', () => {
  it('must not be empty', () => {
    expect(linesAndMessages(problemsOf(source({ body: '\n   \n' })))).toEqual([expect.stringMatching(/^6: .*the letter body is empty/)]);
  });

  it('must not repeat the salutation or the closing', () => {
    const problems = problemsOf(source({ body: 'Dear {{recipient.fullName}},\n\nThe letter.\n\nYours sincerely,\n' }));
    expect(linesAndMessages(problems)).toEqual([expect.stringMatching(/^6: .*starts with a salutation/), expect.stringMatching(/^10: .*ends with a closing/)]);
  });

  it.each([
    ['Some text\n---', 6, /turns this line into a heading/],
    ['    indented text', 6, /indented by four or more spaces/],
    ['```\ncode\n```', 6, /blocks of computer code/],
    ['Text\n\n***', 8, /dividing line/],
    ['<div>html</div>', 6, /HTML cannot be used/],
    ['A <span>tag</span>.', 6, /HTML such as "<span>"/],
    ['Some ~~struck~~ text', 6, /crossed-out text/],
    ['A <u>never closed', 6, /a <u> is never closed/],
    ['A </u> stray', 6, /a <\/u> here with no <u>/],
    ['3. starts late\n4. next', 6, /starts at 3/],
    ['- \n- two', 6, /this list entry is empty/],
    ['Text [x][ref]\n\n[ref]: https://example.org', 8, /defines a link/],
    ['Text {{}} here', 6, /an empty placeholder/],
    ['Text {{recipient_name}} here', 6, /unknown placeholder \{\{recipient_name\}\}\. Did you mean \{\{recipient\.fullName\}\}/],
    ['Text {{letter.date here', 6, /"\{\{letter\.date" is not closed/],
    ['Text {{{letter.date}}} here', 6, /extra brace/],
    ['- {{commitments.list}}', 6, /cannot go inside another list/],
  ])('reports %j', (body, line, pattern) => {
    const found = linesAndMessages(problemsOf(source({ body })));
    expect(found.some((f) => f.startsWith(`${line}: `) && pattern.test(f)), found.join('\n')).toBe(true);
  });

  it('reports each line of the body with the right line, counting from the top of the file', () => {
    const body = 'One line\ncontinues here with {{recipient.nmae}}\nand a [link](https://x.org)\n\nAnother {{deadline.dat}}';
    expect(linesAndMessages(problemsOf(source({ body })))).toEqual([
      expect.stringMatching(/^7: .*\{\{recipient\.nmae\}\}/),
      expect.stringMatching(/^8: .*links cannot be used/),
      expect.stringMatching(/^10: .*Did you mean \{\{deadline\.date\}\}\?/),
    ]);
  });

  it('reports control characters such as NUL on their line', () => {
    const found = linesAndMessages(problemsOf(source({ body: 'Fine\nBad \u0000 here\n' })));
    expect(found).toEqual([expect.stringMatching(/^7: .*hidden control character/)]);
  });

  it('caps a flood of problems with a note of how many more there are', () => {
    const body = Array.from({ length: 200 }, (_, i) => `# Heading ${i}`).join('\n\n');
    const problems = problemsOf(source({ body }));
    expect(problems.length).toBe(51);
    expect(problems.at(-1)?.message).toMatch(/150 more problems not shown/);
  });
});

import type { DeadlineRule } from '../letters/deadlineRule';
import type { RichText } from '../letters/richText';

/**
 * A letter template as the app uses it: the details from the front matter plus the body. The file on disk
 * (Markdown with YAML front matter, see templates/README.md) is the source of truth; this is what parsing it
 * gives when it has no problems.
 */
export interface LetterTemplate {
  /** The file name without `.md`: stable, so letters can remember which template they came from. */
  id: string;
  /** The file name shown in problems, e.g. `safeguarding-action-plan.md`. */
  file: string;
  builtIn: boolean;
  name: string;
  description: string;
  subject: string;
  body: RichText;
  closing: string;
  /** Suggested signatories, matched by name when a letter is started. */
  signatories: string[];
  /** Suggested CC group, matched by name. */
  ccGroup: string | null;
  deadline: DeadlineRule | null;
  /** What a letter from this template usually asks the recipient for. */
  commitments: string[];
}

/**
 * One thing wrong with a template file. `message` is complete on its own and written for an office worker,
 * starting with the file and line (`"x.md", line 7: the deadline "a fortnight" is not understood; ...`), so it
 * can be shown as it is in a list, a notification or an error. `line` is 1-based within the whole file.
 */
export interface TemplateProblem {
  file: string;
  line: number | null;
  message: string;
}

export type TemplateParseResult =
  | { ok: true; template: LetterTemplate }
  | { ok: false; problems: TemplateProblem[]; /** Best effort: the front-matter name, else the file name. */ name: string };

/** A template as the templates list shows it. A template with problems is listed too, so it can be fixed. */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  problems: TemplateProblem[];
}

/** A template opened for editing: the officer's text as saved, and the parsed template if it has no problems. */
export interface TemplateDetail extends TemplateSummary {
  source: string;
  template: LetterTemplate | null;
}

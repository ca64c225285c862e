import type { TemplateProblem } from './types';

/** Enough to fix a file by; a garbage file would otherwise produce thousands, burying the first real one. */
export const MAX_PROBLEMS = 50;

/** Collects every problem in a template (the officer fixes them all in one go, not one per save). */
export class ProblemList {
  private readonly items: TemplateProblem[] = [];
  private dropped = 0;

  constructor(readonly file: string) {}

  /** `message` starts in lower case: it follows `"file.md", line 7: `. */
  add(line: number | null, message: string): void {
    if (this.items.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    const where = line === null ? `"${this.file}"` : `"${this.file}", line ${line}`;
    this.items.push({ file: this.file, line, message: `${where}: ${message}` });
  }

  /** How many problems have been found so far, shown or not: lets a step tell whether it added any. */
  get count(): number {
    return this.items.length + this.dropped;
  }

  /** In file order, so the officer can work down the file; problems without a line come first. */
  list(): TemplateProblem[] {
    const sorted = this.items
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
      .map(({ p }) => p);
    if (this.dropped > 0) {
      sorted.push({
        file: this.file,
        line: null,
        message: `"${this.file}": ${this.dropped} more problem${this.dropped === 1 ? '' : 's'} not shown; fix the ones above first.`,
      });
    }
    return sorted;
  }
}

import { UserError } from '../errors';
import type { LetterDocument } from '../letters/documentModel';
import type { Letter } from '../letters/letterSchema';
import { ACTION_WORDING, type ReadinessAction } from './actions';
import type { ReadinessOverride } from './overrideSchema';
import { findProblems, type FoundProblem } from './problems';

export interface ReadinessProblem extends FoundProblem {
  /** The earlier reason that still covers this problem, if any: it needs no new one. */
  overridden: Pick<ReadinessOverride, 'action' | 'reason' | 'at' | 'by'> | null;
}

/** What `letters.check` answers: every problem in one list, and what the officer can do about them. */
export interface ReadinessReport {
  action: ReadinessAction;
  problems: ReadinessProblem[];
  /** Something would print the wrong text: no reason can let the letter through. */
  blocked: boolean;
  /** Problems no earlier reason covers, and the action takes a reason: it needs one now. */
  needsReason: boolean;
}

type Checked = Parameters<typeof findProblems>[0] & Pick<Letter, 'readinessOverrides'>;

/**
 * Whether an earlier override still covers a problem: the same warning, word for word, passed when the
 * letter went for signature or was sent (the signatories signed it as it stood, and a copy of what went
 * needs no fresh reason), or passed for the same action. A reason to export a draft for comment covers
 * later exports only: it does not excuse sending the letter.
 */
function coveringOverride(p: FoundProblem, overrides: readonly ReadinessOverride[], action: ReadinessAction): ReadinessProblem['overridden'] {
  const hit = overrides.findLast((o) => (o.action !== 'export' || action === 'export') && o.problems.some((x) => x.kind === p.kind && x.message === p.message));
  return hit ? { action: hit.action, reason: hit.reason, at: hit.at, by: hit.by } : null;
}

export function readinessReport(letter: Checked, document: Pick<LetterDocument, 'unresolved'>, action: ReadinessAction): ReadinessReport {
  const problems = findProblems(letter, document, action).map((p) => ({ ...p, overridden: p.blocking ? null : coveringOverride(p, letter.readinessOverrides, action) }));
  const blocked = problems.some((p) => p.blocking);
  const open = problems.filter((p) => !p.blocking && !p.overridden);
  return { action, problems, blocked, needsReason: !blocked && open.length > 0 && ACTION_WORDING[action].takesReason };
}

/**
 * Let the action go ahead or refuse it with every problem named. A blocking problem refuses whatever the
 * reason; otherwise the open warnings need a reason, and come back as the override to keep on the letter.
 */
export function passReadiness(report: ReadinessReport, reason: string | null | undefined, stamp: { at: string; by: string }): ReadinessOverride | null {
  const words = ACTION_WORDING[report.action];
  const given = reason?.trim() ?? '';
  if (report.blocked) {
    const blocking = report.problems.filter((p) => p.blocking).map((p) => p.message);
    const refusal = given ? ' A reason cannot let this through: the letter would go out with the wrong text.' : '';
    throw new UserError(`The letter cannot be ${words.passive} until this is put right: ${blocking.join(' ')}${refusal}`);
  }
  const open = report.problems.filter((p) => !p.overridden);
  if (open.length === 0 || !words.takesReason) return null;
  if (!given) {
    throw new UserError(`Check the letter before it is ${words.passive}: ${open.map((p) => p.message).join(' ')} Give a reason to ${words.anyway} anyway; it will be kept with the letter.`);
  }
  return { action: report.action, problems: open.map(({ kind, message }) => ({ kind, message })), reason: given, at: stamp.at, by: stamp.by };
}

/** The letter with an override added to its record. */
export function withReadinessOverride<T extends Pick<Letter, 'readinessOverrides'>>(letter: T, override: ReadinessOverride | null): T {
  return override ? { ...letter, readinessOverrides: [...letter.readinessOverrides, override] } : letter;
}

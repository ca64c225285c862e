import type { z } from 'zod';

export type StoreIssue = z.core.$ZodIssue;

/**
 * Thrown by put/putMany/putDoc when a value does not match its schema. Nothing in memory or on
 * disk has changed when this is thrown.
 */
export class StoreValidationError extends Error {
  /** The collection or document name. */
  readonly target: string;
  /** The record's id, when it had a string id. */
  readonly recordId: string | undefined;
  /** Position in the array given to putMany. */
  readonly index: number | undefined;
  /** Zod's issues; `issue.path` is relative to the record (e.g. ["address", "postcode"]). */
  readonly issues: readonly StoreIssue[];

  constructor(target: string, issues: readonly StoreIssue[], where: { recordId?: string; index?: number } = {}) {
    super(`Invalid ${where.recordId !== undefined ? `record "${where.recordId}" in` : 'value for'} ${target}: ${formatIssues(issues)}`);
    this.name = 'StoreValidationError';
    this.target = target;
    this.recordId = where.recordId;
    this.index = where.index;
    this.issues = issues;
  }

  /** Field path ("address.postcode", or "" for the whole value) → first message, for form errors. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const key = issue.path.map(String).join('.');
      out[key] ??= issue.message;
    }
    return out;
  }
}

export function formatIssues(issues: readonly StoreIssue[]): string {
  return issues
    .map((issue) => (issue.path.length ? `field "${issue.path.map(String).join('.')}": ${issue.message}` : issue.message))
    .join('; ');
}

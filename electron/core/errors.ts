/**
 * An expected failure the officer can act on ("That reference is already taken"). Services throw it; the
 * IPC layer turns it into `{ ok: false, error }` with this message unchanged. Anything else that is thrown
 * is a bug and reaches the officer only as a generic message (details go to the log).
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class NotFoundError extends UserError {
  constructor(what: string) {
    super(`${what} could not be found. It may have been removed; refresh the list and try again.`);
    this.name = 'NotFoundError';
  }
}

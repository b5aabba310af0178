/**
 * Transport-free domain errors. The HTTP layer maps `code` to a status:
 * bad_request 400, unauthenticated 401, forbidden 403, not_found 404, conflict 409,
 * precondition_failed 412, unprocessable 422, payload_too_large 413, rate_limited 429.
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'unprocessable'
  | 'payload_too_large'
  | 'rate_limited';

/** One problem with one field of the input (`path` e.g. `targetValue`, `objectives[o1].weight`). */
export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

/** A transport-free domain error; the HTTP layer maps `code` to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldProblem[];
  /** for rate_limited: when to try again */
  retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, errors?: FieldProblem[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (errors !== undefined) this.errors = errors;
  }
}

/** 404 — message `${what} not found`. */
export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

/** 403 — signed in but not allowed. */
export const forbidden = (message = 'Forbidden'): AppError => new AppError('forbidden', message);

/** 409 — duplicate or wrong state. */
export const conflict = (message: string): AppError => new AppError('conflict', message);

/** 422 — a rule is violated; each problem listed. */
export const unprocessable = (message: string, errors: FieldProblem[]): AppError =>
  new AppError('unprocessable', message, errors);

/** 400 — malformed input. */
export const badRequest = (message: string, errors?: FieldProblem[]): AppError =>
  new AppError('bad_request', message, errors);

/**
 * Errors a service may throw on purpose. Each carries a code of the registry (`@hele/shared` ERRORS),
 * which fixes its HTTP status: a class takes only the codes of its status, so a 409 code cannot be
 * thrown as a 403. The HTTP adapter turns them into the error shape; anything else is a bug (500).
 * `message` is for developers and logs; the app shows the code's Chinese wording.
 */
import { ERRORS, type ErrorCode, type ErrorCodeOf, type ErrorDetail } from '@hele/shared';

export class HttpError extends Error {
  readonly statusCode: number;
  /** Headers the answer carries beside the error shape (`Retry-After`). */
  headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
    readonly details?: ErrorDetail[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
    this.statusCode = ERRORS[code].status;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export class ValidationError extends HttpError {
  constructor(details: ErrorDetail[], message = 'Request is invalid') {
    super('VALIDATION_FAILED', message, details);
  }

  /** A rule broken by one field, e.g. a registration window, named like a schema failure. */
  static field(path: string, message: string): ValidationError {
    return new ValidationError([{ path, message }], message);
  }
}

export class MalformedJsonError extends HttpError {
  constructor() {
    super('MALFORMED_JSON', 'Body is not valid JSON', [{ path: 'body', message: '不是有效的 JSON' }]);
  }
}

export class UnauthenticatedError extends HttpError {
  constructor(message = 'Sign in first', code: ErrorCodeOf<401> = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Your role does not allow this', code: ErrorCodeOf<403> = 'FORBIDDEN') {
    super(code, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string, code: ErrorCodeOf<404> = 'NOT_FOUND') {
    super(code, `${what} not found`);
  }
}

/** A business rule stops the write: `INSUFFICIENT_POINTS`, `OUT_OF_STOCK`, `ALREADY_CHECKED_IN`… */
export class ConflictError extends HttpError {
  constructor(code: ErrorCodeOf<409>, message?: string, details?: ErrorDetail[]) {
    super(code, message, details);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `Body is larger than ${limit} bytes`);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(message = 'Too many requests, try again shortly', retryAfterSeconds?: number) {
    super('TOO_MANY_REQUESTS', message);
    if (retryAfterSeconds !== undefined) this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}

/** An outside service (WeChat) did not answer as it should; the client may retry. */
export class UpstreamError extends HttpError {
  constructor(message: string, options?: ErrorOptions) {
    super('UPSTREAM_UNAVAILABLE', message, undefined, options);
  }
}

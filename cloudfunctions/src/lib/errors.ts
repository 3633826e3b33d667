/**
 * Errors a service may throw on purpose. Each names its HTTP status and a stable code of docs/API.md;
 * the HTTP adapter turns them into the error shape. Anything else is a bug and becomes a bare 500.
 */
import { ErrorCode, type ErrorDetail } from '@hele/shared';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export class ValidationError extends HttpError {
  constructor(details: ErrorDetail[], message = 'Request is invalid') {
    super(400, ErrorCode.VALIDATION_FAILED, message, details);
  }

  /** A rule broken by one field, e.g. a registration window, named like a schema failure. */
  static field(path: string, message: string): ValidationError {
    return new ValidationError([{ path, message }], message);
  }
}

export class MalformedJsonError extends HttpError {
  constructor() {
    super(400, ErrorCode.MALFORMED_JSON, 'Body is not valid JSON', [{ path: 'body', message: 'not valid JSON' }]);
  }
}

export class UnauthenticatedError extends HttpError {
  constructor(message = 'Sign in first', code: string = ErrorCode.UNAUTHENTICATED) {
    super(401, code, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Your role does not allow this', code: string = ErrorCode.FORBIDDEN) {
    super(403, code, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string, code: string = ErrorCode.NOT_FOUND) {
    super(404, code, `${what} not found`);
  }
}

/** A business rule stops the write: `INSUFFICIENT_POINTS`, `OUT_OF_STOCK`, `ALREADY_CHECKED_IN`… */
export class ConflictError extends HttpError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super(409, code, message, details);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(limit: number) {
    super(413, ErrorCode.PAYLOAD_TOO_LARGE, `Body is larger than ${limit} bytes`);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(message = 'Too many requests, try again shortly') {
    super(429, ErrorCode.TOO_MANY_REQUESTS, message);
  }
}

/** An outside service (WeChat) did not answer as it should; the client may retry. */
export class UpstreamError extends HttpError {
  constructor(message: string, options?: ErrorOptions) {
    super(502, ErrorCode.UPSTREAM_UNAVAILABLE, message, undefined, options);
  }
}

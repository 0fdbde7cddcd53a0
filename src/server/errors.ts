/**
 * The one error vocabulary of the server. Domain code throws these; each
 * transport maps them exactly once, with one decision per kind (`code`):
 * functions/api/errors.ts for JSON, functions/pages/handle-page.ts for pages.
 * Both switch over `KnownDomainError['code']` exhaustively, so a new kind
 * cannot be added without saying what each transport answers. Messages are
 * message keys, localised by the transport, because domain code does not know
 * who is reading.
 *
 * Not found: a read or write by a record's address (slug, reference, id)
 * throws NotFoundError when there is no such record *for this caller*; a
 * `find…` that returns null is for things that may legitimately be absent.
 */
export interface FieldIssue {
  /** Key under `validation.` in the i18n dictionaries. */
  code: string;
  params?: Record<string, string | number>;
}
export type FieldIssues = Record<string, FieldIssue>;

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  /**
   * `which` names the part of a compound address that found nothing (the
   * product of a GTIN or slug, or its lot), so the answer can say which one;
   * `fields` name the path parameter it came from.
   */
  constructor(
    readonly entity: string,
    readonly which?: 'product' | 'lot' | 'inquiry',
    readonly fields?: FieldIssues,
  ) {
    super(`${entity} not found`);
  }
}

/** A request whose path or query cannot mean anything, e.g. a GTIN with a wrong check digit (400). */
export class BadRequestError extends DomainError {
  readonly code = 'bad_request';
  constructor(readonly fields: FieldIssues) {
    super(`malformed: ${Object.keys(fields).join(', ')}`);
  }
}

/** Input that is well-formed but breaks a rule (422). */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  constructor(readonly fields: FieldIssues) {
    super(`invalid fields: ${Object.keys(fields).join(', ')}`);
  }
}

/** The request clashes with the record's state (409); `fields` may say which part and why. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
  constructor(
    message = 'conflict',
    readonly fields?: FieldIssues,
  ) {
    super(message);
  }
}

/** The database could not be reached or answered too slowly. */
export class UnavailableError extends DomainError {
  readonly code = 'unavailable';
}

/**
 * A list filter that parses but names nothing that exists (an unknown
 * province slug): a malformed request (400), not a rule broken by a body.
 */
export class InvalidFilterError extends DomainError {
  readonly code = 'invalid_filter';
  constructor(readonly fields: FieldIssues) {
    super(`unknown filter values: ${Object.keys(fields).join(', ')}`);
  }
}

/** No signed-in user where one is needed (401; pages send people to sign in). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
  constructor() {
    super('sign-in required');
  }
}

/** A signed-in user without the role or the cooperative an action needs (403). */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

/** Wrong email or password; deliberately does not say which (401). */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'invalid_credentials';
  constructor() {
    super('invalid email or password');
  }
}

/** Too many attempts from one account or address: try again after retryAfterSeconds (429). */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`);
  }
}

/** A one-time link (password reset, invitation) that is unknown, used or expired (400). */
export class InvalidTokenError extends DomainError {
  readonly code = 'invalid_token';
  constructor() {
    super('unknown, used or expired link');
  }
}

/** Every kind of refusal the domain throws; transports switch over its `code`. */
export type KnownDomainError =
  | NotFoundError
  | BadRequestError
  | ValidationError
  | ConflictError
  | UnavailableError
  | InvalidFilterError
  | UnauthenticatedError
  | ForbiddenError
  | InvalidCredentialsError
  | RateLimitedError
  | InvalidTokenError;

/** The domain refusal `error` is, or null for anything else (a bug, or a driver's error). */
export function asDomainError(error: unknown): KnownDomainError | null {
  return error instanceof DomainError ? (error as KnownDomainError) : null;
}

/** `value`, or NotFoundError when a read by address found nothing: the one not-found convention. */
export function found<T>(value: T | null | undefined, entity: string): T {
  if (value === null || value === undefined) throw new NotFoundError(entity);
  return value;
}

/** For the `default` of an exhaustive switch: a compile error when a case is missing, a bug report at run time. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

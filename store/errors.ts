/**
 * Errors the store throws. A {@link StoreError} is an {@link InputError} (it names the field and says what to
 * do) with the public error code it stands for: `not_found` for a case that is not there, `forbidden` for another
 * organisation's case (its id only is looked up; nothing of it is shown), `conflict` for a database another process holds or a case that
 * already exists, `unsupported` when no store is configured, the encryption key is missing or wrong, or the disk
 * is full, `too_large` when rows would take a case over its limit (repository/limits.ts). Adapters that know StoreError use its code (and may use its `reason`); those that know only
 * InputError still give a clear 400.
 *
 * Messages never carry case content: no names, descriptions or amounts from the database.
 * @module
 */
import { InputError, ReckonerError, type ErrorCode } from '../calc/errors.ts';

export type StoreErrorCode = Extract<ErrorCode, 'invalid_input' | 'not_found' | 'forbidden' | 'conflict' | 'unsupported' | 'too_large'>;

/**
 * Why, more precisely than the code, where an adapter may want to tell cases apart: the store's key is not
 * set (`no_key`) or is another key (`wrong_key`); the disk holding the database is full (`disk_full`).
 */
export type StoreErrorReason = 'no_key' | 'wrong_key' | 'disk_full';

/** An {@link InputError} with the store's code: one problem, naming the field and saying what to do. */
export class StoreError extends InputError {
  override name = 'StoreError';
  declare readonly code: StoreErrorCode;
  readonly reason: StoreErrorReason | undefined;

  constructor(code: StoreErrorCode, field: string, message: string, reason?: StoreErrorReason) {
    super([{ field, message }], { code });
    this.reason = reason;
  }
}

/**
 * The database failed in a way the input does not explain (the server went away, a constraint the input could
 * not know): code `internal`, about the field `database`. The message gives the database's error code only: a
 * driver's own message may quote the values it was given.
 */
export class StoreFailure extends ReckonerError {
  override name = 'StoreFailure';
  constructor(
    message: string,
    /** The SQLSTATE, when the database gave one (e.g. "23505" unique violation). */
    readonly sqlState?: string,
  ) {
    super('internal', [{ field: 'database', message }]);
    this.message = message; // about the database as a whole: the sentence reads alone
  }
}

/** Another organisation's case: said plainly, so an adviser given the wrong id knows it exists but is not theirs. */
export function forbidden(caseId: string): StoreError {
  return new StoreError(
    'forbidden',
    'caseId',
    `case ${caseId} belongs to another organisation; your token's organisation cannot see or change it (list_cases shows yours)`,
  );
}

export function notFound(caseId: string): StoreError {
  return new StoreError('not_found', 'caseId', `there is no case ${caseId}; list_cases shows the cases there are`);
}

/** The SQLSTATE of a database error, looked for along its `cause` chain. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Whether an error says the disk is full: SQLSTATE 53100 (disk_full) or ENOSPC, anywhere along its causes. */
export function isDiskFull(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; errno?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === '53100' || e.code === 'ENOSPC') return true;
    if (e instanceof Error && /\bNo space left on device\b|\bENOSPC\b/.test(e.message)) return true;
  }
  return false;
}

/**
 * The error for a full disk, naming where the store is kept: `RECKONER_DATA_DIR` for the embedded database,
 * `DATABASE_URL` for PostgreSQL. Code `unsupported`, reason `disk_full`.
 */
export function diskFull(what: string, where: { readonly field: string; readonly location: string }): StoreError {
  return new StoreError(
    'unsupported',
    where.field,
    `${what} stopped because the disk that holds the case store (${where.location}) is full; nothing was saved. ` +
      'Free some space there (or give the database more) and try again.',
    'disk_full',
  );
}

/** The name of the constraint a database error names (postgres.js `constraint_name`, PGlite `constraint`), along its `cause` chain. */
export function constraintOf(error: unknown): string | undefined {
  for (
    let e = error as { constraint_name?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.constraint_name === 'string') return e.constraint_name;
    if (typeof e.constraint === 'string') return e.constraint;
  }
  return undefined;
}

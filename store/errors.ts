/**
 * Errors the store throws. A {@link StoreError} is an {@link InputError} (it names the field and says what to
 * do) with the public error code it stands for: `not_found` for a case that is not there, `conflict` for a
 * database another process holds or a case that already exists, `unsupported` when no store is configured.
 * Adapters that know StoreError use its code; those that know only InputError still give a clear 400.
 *
 * Messages never carry case content: no names, descriptions or amounts from the database.
 * @module
 */
import { InputError } from '../calc/errors.ts';

export type StoreErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unsupported';

export class StoreError extends InputError {
  override name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, field: string, message: string) {
    super(field, message);
    this.code = code;
  }
}

/**
 * The database failed in a way the input does not explain (the disk is full, the server went away). The
 * message gives the database's error code only: a driver's own message may quote the values it was given.
 */
export class StoreFailure extends Error {
  override name = 'StoreFailure';
  constructor(
    message: string,
    /** The SQLSTATE, when the database gave one (e.g. "53100" disk full). */
    readonly sqlState?: string,
  ) {
    super(message);
  }
}

export function notFound(caseId: string): StoreError {
  return new StoreError('not_found', 'caseId', `there is no case ${caseId}; list_cases shows the cases there are`);
}

/** The refusal a parse ends in, checked to be a ParseError (a parse that succeeds fails the test). */
import { expect } from 'vitest';
import { ParseError } from '../../statements/index.ts';

export async function failure(promise: Promise<unknown>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

/**
 * Errors over HTTP: one status per error code, one body shape, `{ error: { code, message, details } }` with one
 * `details` entry per problem, used by every route (the JSON API, the raw upload, the guards). The list of codes is
 * the one MCP, HTTP and OpenAPI share; it is defined with the error type (calc/errors.ts) and re-exported here.
 * @module
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, type ErrorCode } from '../calc/errors.ts';
import { BUSY_RETRY_AFTER_SECONDS, readerBusyIn, type ReaderBusyError } from '../statements/worker/pool.ts';
import { toFailure, type ToolFailure } from '../tools/tool.ts';
import { caseWorkBusyIn } from './case-work.ts';

export { ERROR_CODES, type ErrorCode };

/** The HTTP status of each code (a refused Host or Origin, or another organisation's case, is 403 `forbidden`). */
export const STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 422,
  parse_failed: 422,
  internal: 500,
};

/**
 * A failure as HTTP answers it: the public error shape, and, for the document reader's busy refusal, how many seconds
 * to wait before sending the same request again (the mark statements/worker/pool.ts puts on it, carried here).
 */
export interface HttpFailure extends ToolFailure {
  readonly retryAfterSeconds?: number;
}

/**
 * The public shape of a thrown error ({@link toFailure}), carrying the busy mark when the error is, or came from, the
 * reader's busy refusal ({@link ReaderBusyError}) or the case work's (server/case-work.ts): the JSON API's routes make
 * their failures with this.
 */
export function failureOf(error: unknown): HttpFailure {
  const failure = toFailure(error);
  const busy = readerBusyIn(error) ?? caseWorkBusyIn(error);
  return busy && failure.code === 'too_large' ? { ...failure, retryAfterSeconds: busy.retryAfterSeconds } : failure;
}

/**
 * Whether a failure is the document reader being busy (its queue full, an organisation's share of it full, or a
 * document waited its whole time budget) or the case work's queue being full, not the request being too large: told
 * by the mark ({@link failureOf}), never by its words. Those are answered 503 with Retry-After, so that a client waits
 * and sends the same request again.
 */
export function isBusy(failure: HttpFailure): failure is HttpFailure & { readonly retryAfterSeconds: number } {
  return failure.code === 'too_large' && failure.retryAfterSeconds !== undefined;
}

/** How long a busy refusal asks a client to wait, in seconds (a document may take up to a minute to read). */
export { BUSY_RETRY_AFTER_SECONDS };

/** The public error shape, with the status its code has (503 with Retry-After when the reader is busy: {@link isBusy}). */
export function errorResponse(c: Context, failure: HttpFailure, status?: ContentfulStatusCode): Response {
  const body = { error: { code: failure.code, message: failure.message, details: failure.details } };
  if (status === undefined && isBusy(failure)) return c.json(body, 503, { 'Retry-After': String(failure.retryAfterSeconds) });
  return c.json(body, status ?? STATUS[failure.code]);
}

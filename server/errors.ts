/**
 * Errors over HTTP: one status per error code, one body shape, `{ error: { code, message, details } }` with one
 * `details` entry per problem, used by every route (the JSON API, the raw upload, the guards). The list of codes is
 * the one MCP, HTTP and OpenAPI share; it is defined with the error type (calc/errors.ts) and re-exported here.
 * @module
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, type ErrorCode } from '../calc/errors.ts';
import type { ToolFailure } from '../tools/tool.ts';

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
 * Whether a `too_large` refusal is the document reader being busy (statements/worker/pool.ts: its queue full, an
 * organisation's share of it full, or a document waited its whole time budget), not the request being too large:
 * those are answered 503 with Retry-After, so that a client waits and sends the same request again. The pool says so
 * only in its words ("…; try again in a minute." / "…; try again when they are done."), so they are what is matched;
 * a mark on the error itself (in statements/) would be better.
 */
export function isBusy(failure: ToolFailure): boolean {
  return failure.code === 'too_large' && failure.details.some((d) => /; try again (?:in a minute|when they are done)\.$/.test(d.message));
}

/** How long a busy refusal asks a client to wait, in seconds (a document may take up to a minute to read). */
export const BUSY_RETRY_AFTER_SECONDS = 60;

/** The public error shape, with the status its code has (503 with Retry-After when the reader is busy: {@link isBusy}). */
export function errorResponse(c: Context, failure: ToolFailure, status?: ContentfulStatusCode): Response {
  const body = { error: { code: failure.code, message: failure.message, details: failure.details } };
  if (status === undefined && isBusy(failure)) return c.json(body, 503, { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) });
  return c.json(body, status ?? STATUS[failure.code]);
}

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

/** The public error shape, with the status its code has. */
export function errorResponse(c: Context, failure: ToolFailure, status: ContentfulStatusCode = STATUS[failure.code]): Response {
  return c.json({ error: { code: failure.code, message: failure.message, details: failure.details } }, status);
}

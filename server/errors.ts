/**
 * Errors over HTTP: one status per error code, one body shape, `{ error: { code, message, details } }`, used by
 * every route (the JSON API, the raw upload, the guards).
 * @module
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ToolFailure } from '../tools/tool.ts';

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

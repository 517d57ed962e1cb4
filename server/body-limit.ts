/**
 * The limit on a request body's size, as Hono's bodyLimit applies it, without touching the body when the request
 * says how long it is. On @hono/node-server (the server `bin/reckoner serve` runs) a request is a light object over
 * Node's own; reading its `body` turns it into a full web Request whose body is a stream over the socket, and every
 * later read of the text goes through that stream. Hono's bodyLimit reads `body` on every request to see whether
 * there is one; here a declared Content-Length is enough, as it is for Hono's, and only a body of unknown length
 * (chunked, or a Request made in process without one) is counted as it streams, by Hono's own middleware.
 * @module
 */
import type { Context, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Runs the rest of the app, or answers with the refusal when the body is larger than the limit. */
export type SizeLimit = (c: Context, next: Next) => Promise<Response | undefined>;

export function sizeLimit(options: { readonly maxSize: number; readonly onError: (c: Context) => Response }): SizeLimit {
  const counted = bodyLimit(options);
  return async (c, next) => {
    const length = c.req.header('content-length');
    // Node's HTTP parser refuses a body longer than its Content-Length, and a request with both headers.
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length, 10) > options.maxSize) return options.onError(c);
      await next();
      return undefined;
    }
    // No route reads the body of a GET or HEAD.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      await next();
      return undefined;
    }
    const refused = await counted(c, next);
    return refused instanceof Response ? refused : undefined;
  };
}

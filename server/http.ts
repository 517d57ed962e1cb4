/**
 * The HTTP face of Reckoner: `/mcp` (Streamable HTTP, a fresh server per request), `/api/v1/<tool>`
 * (the same JSON as the MCP tools), `/openapi.json`, `/healthz`, and the page at `/` with its `/assets/*`.
 * @module
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { INLINE_EXPORT_MAX_BYTES } from '../tools/case-common.ts';
import { TOOLS } from '../tools/index.ts';
import {
  failure,
  problemsFrom,
  routeName,
  textProblem,
  toFailure,
  type ErrorCode,
  type ToolContext,
} from '../tools/tool.ts';
import { LOCAL_PRINCIPAL, type CaseStore, type Principal } from '../store/types.ts';
import { authenticate, readTokens } from './auth.ts';
import { errorResponse } from './errors.ts';
import { createMcpServer } from './mcp.ts';
import { PARSE_ROUTE, PARSE_ROUTE_MAX_BODY, registerParseRoute } from './parse-route.ts';
import { openApiDocument } from './openapi.ts';
import { todayInUk } from './today.ts';
import { registerWebRoutes } from './web.ts';
import { VERSION } from './version.ts';

export interface HttpOptions {
  /** The host the server listens on; requests must name it (or, on loopback, another loopback name). */
  readonly host: string;
  readonly port: number;
  /** Extra Host header values to accept, e.g. a public name behind a proxy. */
  readonly allowedHosts?: readonly string[];
  /**
   * Tokens, each `organisation:principal:secret` (server/auth.ts); when given, `/mcp`, `/api/*` and `/openapi.json`
   * need one (the page asks for it), and each request acts for its principal, in its organisation.
   */
  readonly apiTokens?: readonly string[];
  /** Serve without tokens even though the address is not loopback: every response then carries a warning. */
  readonly insecureNoAuth?: boolean;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  readonly context?: () => ToolContext;
  /** The case store (opened on first use), for the case tools and resources. */
  readonly store?: () => Promise<CaseStore>;
}

export { errorResponse };

/** An error that concerns the request as a whole rather than one field. */
function requestError(c: Context, code: ErrorCode, message: string, status?: ContentfulStatusCode): Response {
  return errorResponse(c, { code, message, details: [] }, status);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The Host header values this server answers to: its own name and port, never another site's. A server
 * bound to every interface (0.0.0.0) answers to loopback names, and to other names only when they are
 * listed in `allowedHosts` (RECKONER_ALLOWED_HOSTS).
 */
export function allowedHostsFor(options: HttpOptions): Set<string> {
  const hosts = new Set<string>();
  for (const name of options.allowedHosts ?? []) {
    // Behind a proxy the Host header usually carries no port, so accept the name with and without ours.
    hosts.add(name.toLowerCase());
    hosts.add(`${name}:${options.port}`.toLowerCase());
  }
  const names = LOOPBACK.has(options.host) || WILDCARD.has(options.host) ? ['127.0.0.1', 'localhost', '[::1]'] : [options.host];
  for (const name of names) hosts.add(`${name}:${options.port}`.toLowerCase());
  return hosts;
}

/** Refuses requests whose Host or Origin is not this server's own: the guard against DNS rebinding. */
function hostAndOriginGuard(allowed: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed.has(host.toLowerCase())) {
      return requestError(
        c,
        'forbidden',
        `Host "${host.slice(0, 200)}" is not this server; requests must be addressed to ${[...allowed].join(' or ')}`,
      );
    }
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (!originHost || !allowed.has(originHost.toLowerCase())) {
        return requestError(c, 'forbidden', `Origin "${origin.slice(0, 200)}" may not call this server`);
      }
    }
    await next();
  };
}

/** Each authenticated request's principal, by its request object. */
const principals = new WeakMap<Request, Principal>();

/** Finds the request's principal from its bearer token, or refuses it. */
function bearerAuth(tokens: NonNullable<ReturnType<typeof readTokens>>): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const principal = header.startsWith('Bearer ') ? authenticate(tokens, header.slice(7).trim()) : undefined;
    if (!principal) return requestError(c, 'unauthorized', 'Send a valid token: Authorization: Bearer <token>');
    principals.set(c.req.raw, principal);
    await next();
  };
}

/**
 * Largest body `/api/v1/import-case` and `/mcp` accept: the largest export export_case gives back, wrapped in a
 * request (`{"export": …}`, or a JSON-RPC call), with room to spare.
 */
export const CASE_EXPORT_MAX_BYTES = INLINE_EXPORT_MAX_BYTES + 1024 * 1024;

/** The warning every response carries when a server is reachable from other machines without tokens. */
export const NO_AUTH_WARNING = 'no authentication: anyone who can reach this server can read and change every case';

export function createApp(options: HttpOptions): Hono {
  const app = new Hono();
  const tokens = options.apiTokens && options.apiTokens.length > 0 ? readTokens(options.apiTokens.join(',')) : undefined;
  // Each request acts for its principal: the store it is given is scoped to the principal's organisation.
  const contextFor = (principal: Principal): ToolContext => {
    const base = options.context?.() ?? { today: todayInUk() };
    const store = base.store ?? options.store;
    return { ...base, ...(store ? { store: async () => (await store()).as(principal) } : {}) };
  };
  const principalOf = (c: Context): Principal => principals.get(c.req.raw) ?? LOCAL_PRINCIPAL;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  // Routes that carry a whole document (base64 or raw) get the document limit; a case export its own; the rest the small one.
  const documentRoutes = new Set(['/api/v1/import-document']);

  // Headers on every response: nothing about a case is cached or sniffed; an open server says so every time.
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.path === '/mcp' || c.req.path.startsWith('/api/') || c.req.path === '/openapi.json') c.header('Cache-Control', 'no-store');
    if (options.insecureNoAuth) c.header('X-Reckoner-Warning', NO_AUTH_WARNING);
  });
  app.use('*', hostAndOriginGuard(allowedHostsFor(options)));
  const smallLimit = bodyLimit({
    maxSize: maxBody,
    onError: (c) => requestError(c, 'too_large', `The request body is larger than the ${maxBody} bytes this server accepts`),
  });
  const documentLimit = bodyLimit({
    maxSize: Math.max(maxBody, PARSE_ROUTE_MAX_BODY),
    onError: (c) =>
      requestError(c, 'too_large', `The request body is larger than the ${PARSE_ROUTE_MAX_BODY} bytes this server accepts for a document`),
  });
  const caseLimit = bodyLimit({
    maxSize: Math.max(maxBody, CASE_EXPORT_MAX_BYTES),
    onError: (c) =>
      requestError(
        c,
        'too_large',
        `The request body is larger than the ${CASE_EXPORT_MAX_BYTES} bytes this server accepts for a case export or an MCP message; ` +
          'import a larger export over stdio with path, and send documents to /api/v1/parse-statement',
      ),
  });
  app.use('*', (c, next) => {
    if (c.req.path === PARSE_ROUTE) return next(); // the parse route applies its own limit
    // /mcp carries import_case too, so it takes a case export (larger than any document).
    if (c.req.path === '/api/v1/import-case' || c.req.path === '/mcp') return caseLimit(c, next);
    return documentRoutes.has(c.req.path) ? documentLimit(c, next) : smallLimit(c, next);
  });
  if (tokens) {
    const auth = bearerAuth(tokens);
    app.use('/mcp', auth);
    app.use('/api/*', auth);
    app.use('/openapi.json', auth);
  }

  app.get('/healthz', (c) => c.json({ status: 'ok', version: VERSION }));

  app.all('/mcp', async (c) => {
    if (c.req.method !== 'POST') {
      // Stateless: no server-initiated stream and no sessions to delete.
      return c.json(
        {
          jsonrpc: '2.0',
          error: { code: -32000, message: 'Method not allowed: this server is stateless; POST JSON-RPC to /mcp' },
          id: null,
        },
        405,
        {
          Allow: 'POST',
        },
      );
    }
    const context = contextFor(principalOf(c));
    const server = createMcpServer({ context: () => context, ...(context.store ? { store: context.store } : {}) });
    // The body limit is ours (above); the SDK's own default (4 MiB) would refuse a document or case export
    // that the routes beside it accept.
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      maxRequestBodySize: CASE_EXPORT_MAX_BYTES,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });

  registerParseRoute(app, () => options.context?.() ?? { today: todayInUk() });

  for (const tool of TOOLS) {
    if (tool.name === 'parse_statement') continue;
    app.post(`/api/v1/${routeName(tool.name)}`, async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return errorResponse(
          c,
          failure('invalid_input', [
            { field: '(body)', message: 'is not valid JSON; send a JSON object with Content-Type: application/json' },
          ]),
        );
      }
      const parsed = tool.inputSchema.safeParse(body);
      if (!parsed.success) return errorResponse(c, failure('invalid_input', problemsFrom(parsed.error)));
      const badText = textProblem(parsed.data);
      if (badText) return errorResponse(c, failure('invalid_input', [badText]));
      try {
        return c.json(await tool.handler(parsed.data as never, contextFor(principalOf(c))));
      } catch (error) {
        return errorResponse(c, toFailure(error));
      }
    });
    app.all(`/api/v1/${routeName(tool.name)}`, (c) => {
      c.header('Allow', 'POST');
      return requestError(c, 'unsupported', `${c.req.method} is not supported here; POST a JSON body`, 405);
    });
  }

  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  // The advice-line page and its assets (server/web.ts); the Host and Origin guard above covers them too.
  registerWebRoutes(app);

  app.notFound((c) => requestError(c, 'not_found', `Nothing at ${c.req.method} ${new URL(c.req.url).pathname}; see /openapi.json`));
  app.onError((error, c) => {
    process.stderr.write(`reckoner: internal error on ${c.req.method} ${new URL(c.req.url).pathname}: ${error.name}\n`);
    return c.json(
      { error: { code: 'internal', message: 'Something went wrong inside Reckoner; nothing was saved. Please report it.' } },
      500,
    );
  });
  return app;
}

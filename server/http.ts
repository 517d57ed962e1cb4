/**
 * The HTTP face of Reckoner: `/mcp` (Streamable HTTP, a fresh server per request), `/api/v1/<tool>`
 * (the same JSON as the MCP tools), `/openapi.json`, `/healthz` and the page at `/`.
 * @module
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import { TOOLS } from '../tools/index.ts';
import { routeName, toFailure, type ErrorCode, type ToolContext } from '../tools/tool.ts';
import { createMcpServer } from './mcp.ts';
import { openApiDocument } from './openapi.ts';
import { todayInUk } from './today.ts';
import { VERSION } from './version.ts';

export interface HttpOptions {
  /** The host the server listens on; requests must name it (or, on loopback, another loopback name). */
  readonly host: string;
  readonly port: number;
  /** Extra Host header values to accept, e.g. a public name behind a proxy. */
  readonly allowedHosts?: readonly string[];
  /** Bearer tokens; when non-empty every route but `/healthz` and `/` needs one. */
  readonly apiTokens?: readonly string[];
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  readonly context?: () => ToolContext;
}

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 422,
  parse_failed: 422,
};

export function errorResponse(c: Context, code: ErrorCode, message: string, details?: unknown): Response {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, STATUS[code]);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The Host header values this server answers to: its own name and port, never another site's. */
export function allowedHostsFor(options: HttpOptions): Set<string> {
  const hosts = new Set<string>(options.allowedHosts ?? []);
  const names = LOOPBACK.has(options.host) ? ['127.0.0.1', 'localhost', '[::1]'] : [options.host];
  for (const name of names) hosts.add(`${name}:${options.port}`);
  return hosts;
}

/** Refuses requests whose Host or Origin is not this server's own: the guard against DNS rebinding. */
function hostAndOriginGuard(allowed: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed.has(host.toLowerCase())) {
      return errorResponse(c, 'unauthorized', `Host "${host}" is not this server; requests must be addressed to ${[...allowed].join(' or ')}`);
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
        return errorResponse(c, 'unauthorized', `Origin "${origin}" may not call this server`);
      }
    }
    await next();
  };
}

function bearerAuth(tokens: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!tokens.includes(token)) return errorResponse(c, 'unauthorized', 'Send a valid token: Authorization: Bearer <token>');
    await next();
  };
}

/** Zod issues as `field: message` lines, with the field written as in the input (`a.b[0].c`). */
export function describeIssues(error: z.ZodError): { message: string; details: { field: string; message: string }[] } {
  const details = error.issues.map((issue) => {
    const field = issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    );
    const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'}` : issue.message;
    return { field: field || '(body)', message };
  });
  return { message: details.map((d) => `${d.field}: ${d.message}`).join('; '), details };
}

export function createApp(options: HttpOptions): Hono {
  const app = new Hono();
  const context = options.context ?? (() => ({ today: todayInUk() }));
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;

  app.use('*', hostAndOriginGuard(allowedHostsFor(options)));
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) => errorResponse(c, 'too_large', `The request body is larger than the ${maxBody} bytes this server accepts`),
    }),
  );
  if (options.apiTokens && options.apiTokens.length > 0) {
    const auth = bearerAuth(options.apiTokens);
    app.use('/mcp', auth);
    app.use('/api/*', auth);
    app.use('/openapi.json', auth);
  }

  app.get('/healthz', (c) => c.json({ status: 'ok', version: VERSION }));

  app.all('/mcp', async (c) => {
    if (c.req.method !== 'POST') {
      // Stateless: no server-initiated stream and no sessions to delete.
      return c.json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless; POST JSON-RPC to /mcp' }, id: null }, 405, {
        Allow: 'POST',
      });
    }
    const server = createMcpServer({ context });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });

  for (const tool of TOOLS) {
    app.post(`/api/v1/${routeName(tool.name)}`, async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return errorResponse(c, 'invalid_input', 'The request body is not valid JSON; send a JSON object with Content-Type: application/json');
      }
      const parsed = tool.inputSchema.safeParse(body);
      if (!parsed.success) {
        const { message, details } = describeIssues(parsed.error);
        return errorResponse(c, 'invalid_input', message, details);
      }
      try {
        return c.json(await tool.handler(parsed.data as never, context()));
      } catch (error) {
        const failure = toFailure(error);
        return errorResponse(c, failure.code, failure.message, failure.details);
      }
    });
  }

  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/', (c) => c.html(HOME_PAGE));

  app.notFound((c) => errorResponse(c, 'not_found', `Nothing at ${c.req.method} ${new URL(c.req.url).pathname}; see /openapi.json`));
  app.onError((error, c) => {
    process.stderr.write(`reckoner: internal error on ${c.req.method} ${new URL(c.req.url).pathname}: ${error.name}\n`);
    return c.json({ error: { code: 'internal', message: 'Something went wrong inside Reckoner; nothing was saved. Please report it.' } }, 500);
  });
  return app;
}

const HOME_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reckoner</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main>
<h1>Reckoner</h1>
<p>Checks Child Maintenance Service figures exactly, with the law behind every number.</p>
<ul>
<li>MCP (Streamable HTTP): <code>POST /mcp</code></li>
<li>JSON API: <code>POST /api/v1/calculate-maintenance</code> — described in <a href="/openapi.json">/openapi.json</a></li>
</ul>
</main></body></html>`;

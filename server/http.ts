/**
 * The HTTP face of Reckoner: `/mcp` (Streamable HTTP, a fresh server per request), `/api/v1/<tool>`
 * (the same JSON as the MCP tools), `/openapi.json`, `/healthz`, and the page at `/` with its `/assets/*`.
 * @module
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { INLINE_EXPORT_MAX_BYTES } from '../tools/case-common.ts';
import { TOOLS } from '../tools/index.ts';
import { failure, isUnexpected, routeName, textProblemInJson, type ErrorCode, type ToolContext } from '../tools/tool.ts';
import { LOCAL_PRINCIPAL, type CaseStore, type Principal } from '../store/types.ts';
import { readTokens, TokenList } from './auth.ts';
import { sizeLimit, type SizeLimit } from './body-limit.ts';
import { errorResponse, failureOf } from './errors.ts';
import { FileShelf } from '../tools/files.ts';
import { CaseWorkLimiter, isCaseWork, type CaseWorkLimits } from './case-work.ts';
import { createMcpServer, InFlight } from './mcp.ts';
import { PARSE_ROUTE, PARSE_ROUTE_MAX_BODY, registerParseRoute } from './parse-route.ts';
import { openApiDocument } from './openapi.ts';
import { CASE_EXPORT_MAX_JSON_VALUES, DOCUMENT_MAX_JSON_VALUES, jsonValuesOver, tooManyValuesMessage } from './json-values.ts';
import { toolCalled } from './mcp-tool-name.ts';
import type { CivilDate } from '../calc/dates.ts';
import { todayInUk } from './today.ts';
import { registerWebRoutes } from './web.ts';
import { HTTP_FILE_READ_MAX_BYTES } from './resources.ts';
import { answerInPieces, cutIntoPieces, inPieces, jsonAnswer, PIECES_ABOVE_BYTES } from './slow-clients.ts';
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
  /**
   * The tokens as a list that can change while the server runs (RECKONER_API_TOKENS_FILE, server/auth.ts
   * `TokenList.fromEnv`); given instead of `apiTokens`.
   */
  readonly tokens?: TokenList;
  /** Serve without tokens even though the address is not loopback: every response then carries a warning. */
  readonly insecureNoAuth?: boolean;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  readonly context?: () => ToolContext;
  /** The day tools work on when no `context` is given (server/today.ts serverDay); default today in the UK. */
  readonly today?: () => CivilDate;
  /** The case store (opened on first use), for the case tools and resources. */
  readonly store?: () => Promise<CaseStore>;
  /** How many calls on cases run and wait at once (server/case-work.ts CASE_WORK_LIMITS; tests make them small). */
  readonly caseWorkLimits?: Partial<CaseWorkLimits>;
}

export { errorResponse };

/**
 * An error that concerns the request as a whole rather than one field: its one problem is about `(request)`, and
 * its message is that problem's sentence alone.
 */
function requestError(c: Context, code: ErrorCode, message: string, status?: ContentfulStatusCode): Response {
  return errorResponse(c, { code, message, details: [{ field: '(request)', message }] }, status);
}

/** An unexpected error, logged by its name only (its message or stack may quote a case's data); the answer is `internal`. */
function logInternal(c: Context, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  process.stderr.write(`reckoner: internal error on ${c.req.method} ${new URL(c.req.url).pathname}: ${name}\n`);
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

/**
 * A tool's context for one JSON API request, made only as far as the tool reads it: a calculation given its date
 * reads none of it, and making it all (today's date in the UK, the principal's file shelf and store) was about a
 * tenth of the time the route took to answer one. Its signal (aborted when the client goes away unanswered) comes
 * from the request when read: a request's AbortSignal is not free to make either. The getters are the class's own,
 * shared by every request (getters made per request would give each context its own hidden class).
 */
class RequestContext implements ToolContext {
  readonly #contextFor: (principal: Principal) => ToolContext;
  readonly #principal: Principal;
  readonly #request: Request;
  #context: ToolContext | undefined;
  constructor(contextFor: (principal: Principal) => ToolContext, principal: Principal, request: Request) {
    this.#contextFor = contextFor;
    this.#principal = principal;
    this.#request = request;
  }
  /** The principal's context, made the first time any of it is read, then kept for the request. */
  get #made(): ToolContext {
    return (this.#context ??= this.#contextFor(this.#principal));
  }
  get today(): ToolContext['today'] {
    return this.#made.today;
  }
  get localFiles(): ToolContext['localFiles'] {
    return this.#made.localFiles;
  }
  get allowedDirs(): ToolContext['allowedDirs'] {
    return this.#made.allowedDirs;
  }
  get store(): ToolContext['store'] {
    return this.#made.store;
  }
  get files(): ToolContext['files'] {
    return this.#made.files;
  }
  get progress(): ToolContext['progress'] {
    return this.#made.progress;
  }
  get owner(): ToolContext['owner'] {
    return this.#made.owner;
  }
  get signal(): AbortSignal {
    return this.#request.signal;
  }
}

/**
 * The refusal for a request whose Host or Origin is not this server's own (the guard against DNS rebinding), or
 * undefined when both are.
 */
function foreignHostOrOrigin(c: Context, allowed: Set<string>): Response | undefined {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  if (!allowed.has(host.toLowerCase())) {
    return requestError(
      c,
      'forbidden',
      `Host "${host.slice(0, 200)}" is not this server; requests must be addressed to ${[...allowed].join(' or ')}`,
    );
  }
  const origin = c.req.header('origin');
  if (origin === undefined) return undefined;
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  if (!originHost || !allowed.has(originHost.toLowerCase())) {
    return requestError(c, 'forbidden', `Origin "${origin.slice(0, 200)}" may not call this server`);
  }
  return undefined;
}

/**
 * Each authenticated request's principal, by its context: the one object every middleware and the route share (a
 * body limit may give the route a new request object, and the parse route's does).
 */
const principals = new WeakMap<Context, Principal>();

/** Finds the request's principal from its bearer token, or refuses it (saying so when the token has expired). */
function bearerAuth(tokens: TokenList): MiddlewareHandler {
  return async (c, next) => {
    // The scheme's name is case-insensitive (RFC 9110 §11.1): "bearer" is a bearer token too.
    const scheme = /^bearer +/i.exec(c.req.header('authorization') ?? '');
    const check = scheme ? await tokens.check(scheme.input.slice(scheme[0].length).trim()) : undefined;
    if (check && 'expired' in check) return requestError(c, 'unauthorized', check.expired);
    if (!check) return requestError(c, 'unauthorized', 'Send a valid token: Authorization: Bearer <token>');
    principals.set(c, check.principal);
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

/**
 * What to do with a body over the limit, for the routes a long dispute fills (a probe sent 9,000 CMS lines in one
 * add-cms-entries call, which its schema allows, and was told only the limit).
 */
const routeOf = (tool: string) => `/api/v1/${routeName(tool)}`;
const LINES_ROUTES = new Set(['add_cms_entries', 'add_evidence'].map(routeOf));
const LEDGER_ROUTES = new Set(['reconcile_ledger', 'build_liability_schedule'].map(routeOf));

/**
 * Why a large JSON body (over the small limit: only a case export or a document may be) is refused before it is
 * parsed for holding more values than a request of its tool needs (server/json-values.ts), or undefined.
 */
function tooManyValues(tool: 'import_case' | 'import_document' | 'parse_statement', text: string): string | undefined {
  if (tool === 'import_case') {
    return jsonValuesOver(text, CASE_EXPORT_MAX_JSON_VALUES)
      ? tooManyValuesMessage(
          CASE_EXPORT_MAX_JSON_VALUES,
          'an export of a case at its limits holds',
          'send the export export_case made, as it made it',
        )
      : undefined;
  }
  return jsonValuesOver(text, DOCUMENT_MAX_JSON_VALUES)
    ? tooManyValuesMessage(
        DOCUMENT_MAX_JSON_VALUES,
        `a ${tool} request`,
        'send the document as one base64 string in contentBase64, with its options, and nothing else',
      )
    : undefined;
}

/** The tool of a route whose body may be larger than the small limit. */
const LARGE_BODY_TOOLS: ReadonlyMap<string, 'import_case' | 'import_document'> = new Map([
  [routeOf('import_case'), 'import_case'],
  [routeOf('import_document'), 'import_document'],
]);

function bodyAdvice(path: string): string {
  if (LINES_ROUTES.has(path)) {
    return ': send the lines in several calls of fewer lines each (each call adds to the case; a line sent twice is kept once)';
  }
  if (LEDGER_ROUTES.has(path)) {
    return (
      ': keep the rows in a case instead (create-case, then import-document for each statement, or add-cms-entries in ' +
      'several calls) and call reconcile-case or build-case-schedule, which read them from the case'
    );
  }
  return '';
}

export function createApp(options: HttpOptions): Hono {
  const app = new Hono();
  const listed = options.tokens ? undefined : readTokens((options.apiTokens ?? []).join(','));
  const tokens = options.tokens ?? (listed ? TokenList.of(listed) : undefined);
  // Files tools make are kept on one shelf for the app, each under its principal (tools/files.ts); MCP requests that
  // are running can be cancelled from another request by the same principal (server/mcp.ts InFlight).
  const shelf = new FileShelf();
  const inFlight = new InFlight();
  // Calls on a stored case run a few at a time, and one organisation's never take every slot (server/case-work.ts).
  const caseWork = new CaseWorkLimiter(options.caseWorkLimits);
  const ownerOf = (principal: Principal): string => `${principal.organisation}\u0000${principal.id}`;
  // Each request acts for its principal: the store it is given is scoped to the principal's organisation.
  const contextFor = (principal: Principal): ToolContext => {
    const base = options.context?.() ?? { today: (options.today ?? todayInUk)() };
    const store = base.store ?? options.store;
    return {
      ...base,
      ...(store ? { store: async () => (await store()).as(principal) } : {}),
      files: shelf.for(principal),
      owner: principal.organisation,
    };
  };
  const principalOf = (c: Context): Principal => principals.get(c) ?? LOCAL_PRINCIPAL;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  // Routes that carry a whole document (base64 or raw) get the document limit; a case export its own; the rest the small one.
  const documentRoutes = new Set(['/api/v1/import-document']);

  /**
   * Why an MCP message this large is refused, or undefined when it calls a tool that takes this much, with no more
   * values than that tool needs.
   */
  const largeMcpRefusal = (text: string): string | undefined => {
    const bytes = Buffer.byteLength(text);
    // The tool the message calls, read where JSON.parse would read it (not a name written anywhere in it).
    const called = toolCalled(text);
    const tool = called === 'import_case' || called === 'parse_statement' || called === 'import_document' ? called : undefined;
    const limit = tool === 'import_case' ? CASE_EXPORT_MAX_BYTES : tool ? Math.max(maxBody, PARSE_ROUTE_MAX_BODY) : maxBody;
    if (bytes > limit) {
      return tool
        ? `The MCP message is ${bytes} bytes, larger than the ${limit} bytes this server accepts for ${tool}`
        : `The MCP message is ${bytes} bytes, larger than the ${maxBody} bytes this server accepts; only import_case, parse_statement and import_document take more`;
    }
    return tool ? tooManyValues(tool, text) : undefined;
  };
  const smallLimit = sizeLimit({
    maxSize: maxBody,
    onError: (c) =>
      requestError(c, 'too_large', `The request body is larger than the ${maxBody} bytes this server accepts${bodyAdvice(c.req.path)}`),
  });
  const documentLimit = sizeLimit({
    maxSize: Math.max(maxBody, PARSE_ROUTE_MAX_BODY),
    onError: (c) =>
      requestError(c, 'too_large', `The request body is larger than the ${PARSE_ROUTE_MAX_BODY} bytes this server accepts for a document`),
  });
  const caseLimit = sizeLimit({
    maxSize: Math.max(maxBody, CASE_EXPORT_MAX_BYTES),
    onError: (c) =>
      requestError(
        c,
        'too_large',
        `The request body is larger than the ${CASE_EXPORT_MAX_BYTES} bytes this server accepts for a case export or an MCP message; ` +
          'import a larger export over stdio with path, and send documents to /api/v1/parse-statement',
      ),
  });
  // The body limit for a path: the parse route applies its own; /mcp carries import_case too, so it takes a case
  // export (larger than any document); a document route the document limit; the rest the small one.
  const limitFor = (path: string): SizeLimit | undefined =>
    path === PARSE_ROUTE
      ? undefined
      : path === '/api/v1/import-case' || path === '/mcp'
        ? caseLimit
        : documentRoutes.has(path)
          ? documentLimit
          : smallLimit;
  const allowedHosts = allowedHostsFor(options);

  // What every request goes through, in this order: the headers every response carries, the Host and Origin guard,
  // the body limit. One middleware, not three: each layer of Hono's middleware is an async call and a promise more
  // on every request, and these run on all of them.
  app.use('*', async (c, next) => {
    // Headers on every response: nothing about a case is cached or sniffed; an open server says so every time.
    // Set before the handler runs, so a response made with c.json or c.body carries them from the start: set after,
    // Hono makes the response again around its body as a stream, for each header (and a string body is then no
    // longer written out in one piece). A handler that returns a Response of its own (the MCP transport's) gets
    // them after.
    const path = c.req.path;
    const noStore = path === '/mcp' || path.startsWith('/api/') || path === '/openapi.json';
    c.header('X-Content-Type-Options', 'nosniff');
    if (noStore) c.header('Cache-Control', 'no-store');
    if (options.insecureNoAuth) c.header('X-Reckoner-Warning', NO_AUTH_WARNING);
    const foreign = foreignHostOrOrigin(c, allowedHosts);
    if (foreign) return foreign;
    const limit = limitFor(path);
    // A limit that refuses the body answers with its own response (made with the headers above); otherwise it
    // has run the rest of the app.
    const refused = limit ? await limit(c, next) : await next();
    if (refused) return refused;
    const headers = c.res.headers;
    if (!headers.has('X-Content-Type-Options')) c.header('X-Content-Type-Options', 'nosniff');
    if (noStore && !headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    if (options.insecureNoAuth && !headers.has('X-Reckoner-Warning')) c.header('X-Reckoner-Warning', NO_AUTH_WARNING);
    return undefined;
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
    const principal = principalOf(c);
    const context = contextFor(principal);
    // Read once here (the transport is given the parsed body): a progressToken asks for an SSE stream, on which the
    // progress notifications can travel before the result (a plain JSON response carries the result only); a
    // notifications/cancelled stops a request of this principal still running on another POST (stateless: no session).
    // A body that is not JSON by its Content-Type is left to the transport (it refuses it, 415).
    let body: unknown;
    let bodyBytes = 0;
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      const text = await c.req.raw.text();
      bodyBytes = text.length;
      // Only a case export or a document makes a large MCP message: any other is refused before it is parsed (a
      // security audit made the server grow past 2 GB parsing 60 MiB of small JSON values sent as tools/list).
      const refusal = text.length > maxBody ? largeMcpRefusal(text) : undefined;
      if (refusal) return requestError(c, 'too_large', refusal);
      try {
        body = JSON.parse(text);
      } catch {
        // The answer the SDK's transport gives for the same body.
        return c.json({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: Invalid JSON' }, id: null }, 400);
      }
    }
    const messages: unknown[] = Array.isArray(body) ? body : [body];
    // One tool call per request: a batch of them would run every call at once in one request, past any per-request
    // bound (a security audit ran three whole-case reconciliations in one 493-byte POST, 1.9 GB). MCP itself no
    // longer has batches (2025-06-18).
    const calls = messages.filter((m) => (m as { method?: unknown } | null)?.method === 'tools/call').length;
    if (Array.isArray(body) && calls > 1) {
      return c.json(
        {
          jsonrpc: '2.0',
          error: { code: -32600, message: `Invalid Request: a batch of ${calls} tool calls; send one tool call per request` },
          id: null,
        },
        400,
      );
    }
    let wantsProgress = false;
    for (const m of messages) {
      const message = m as {
        method?: unknown;
        params?: { requestId?: unknown; reason?: unknown; _meta?: { progressToken?: unknown } };
      } | null;
      if (message?.method === 'notifications/cancelled') {
        const id = message.params?.requestId;
        if (typeof id === 'string' || typeof id === 'number') {
          inFlight.cancel(ownerOf(principal), id, typeof message.params?.reason === 'string' ? message.params.reason : undefined);
        }
      }
      if (message?.params?._meta?.progressToken !== undefined) wantsProgress = true;
    }
    const server = createMcpServer({
      context: () => context,
      ...(context.store ? { store: context.store } : {}),
      inFlight: { registry: inFlight, owner: ownerOf(principal) },
      // A waiting call is weighed by its message (one tool call a message).
      caseWork: (work, signal) => caseWork.run(principal.organisation, work, signal, bodyBytes),
      fileReadMaxBytes: HTTP_FILE_READ_MAX_BYTES,
    });
    // The body limit is ours (above); the SDK's own default (4 MiB) would refuse a document or case export
    // that the routes beside it accept.
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: !wantsProgress,
      maxRequestBodySize: CASE_EXPORT_MAX_BYTES,
    });
    await server.connect(transport);
    if (wantsProgress) {
      // The SSE response streams on after this handler returns: the server closes when the stream ends, or when the
      // client goes away (closing it aborts the tool still running: the SDK aborts its handlers' signals).
      const response = await transport.handleRequest(c.req.raw, body === undefined ? {} : { parsedBody: body });
      if (!response.body) {
        await server.close();
        return response;
      }
      // In pieces: an event may carry a whole result, and a client that stops reading is then seen (server/slow-clients.ts).
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      void cutIntoPieces(response.body)
        .pipeTo(writable)
        .catch(() => undefined)
        .finally(() => void server.close());
      return new Response(readable, { status: response.status, headers: response.headers });
    }
    try {
      // In pieces, as every large answer is (server/slow-clients.ts).
      return answerInPieces(await transport.handleRequest(c.req.raw, body === undefined ? {} : { parsedBody: body }));
    } finally {
      await server.close();
    }
  });

  registerParseRoute(app, (c) => ({
    ...(options.context?.() ?? { today: (options.today ?? todayInUk)() }),
    owner: principalOf(c).organisation,
  }));

  // A file a tool made (tools/files.ts), for the hour it is kept: only to its own principal. Unknown, expired and
  // someone else's ids get the same 404, so an id tells a stranger nothing.
  app.get(`/api/v1/files/:id`, (c) => {
    const file = shelf.for(principalOf(c)).get(c.req.param('id'));
    if (!file) {
      return requestError(
        c,
        'not_found',
        'No such file: files are kept for 60 minutes and only for whoever made them; run the tool again to make it anew',
        404,
      );
    }
    const ascii = file.name.replace(/[^A-Za-z0-9._-]/g, '_');
    // A large file in pieces, so that a client that stops reading is let go (server/slow-clients.ts).
    const bytes = file.bytes as Uint8Array<ArrayBuffer>;
    return c.body(bytes.byteLength > PIECES_ABOVE_BYTES ? inPieces(bytes) : bytes, 200, {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });
  app.all('/api/v1/files/:id', (c) => {
    c.header('Allow', 'GET');
    return requestError(c, 'unsupported', `${c.req.method} is not supported here; GET the file`, 405);
  });

  for (const tool of TOOLS) {
    if (tool.name === 'parse_statement') continue;
    app.post(`/api/v1/${routeName(tool.name)}`, async (c) => {
      let text: string;
      let body: unknown;
      try {
        // The text, then JSON.parse: the same as c.req.json(), without its extra trip through the body's stream reader.
        text = await c.req.text();
        // Only the large routes take a body over the small limit; theirs is counted before it is parsed.
        const large = text.length > maxBody ? LARGE_BODY_TOOLS.get(c.req.path) : undefined;
        const refusal = large ? tooManyValues(large, text) : undefined;
        if (refusal) return requestError(c, 'too_large', refusal);
        body = JSON.parse(text);
      } catch {
        return errorResponse(
          c,
          failure('invalid_input', [
            { field: '(body)', message: 'is not valid JSON; send a JSON object with Content-Type: application/json' },
          ]),
        );
      }
      const badText = textProblemInJson(text, body);
      if (badText) return errorResponse(c, failure('invalid_input', [badText]));
      try {
        // outputText parses the body with the tool's schema: a refusal has one details entry per problem, in plain
        // words. The answer comes as JSON text (calculate_maintenance writes its own, without an object graph made only
        // to be stringified). The request's signal aborts when the client goes away unanswered: a long tool then stops.
        const principal = principalOf(c);
        const run = () => tool.outputText(body, new RequestContext(contextFor, principal, c.req.raw));
        // A call on a stored case (or import_case) waits its turn, and leaves the queue if its client goes away.
        const answer = isCaseWork(tool.name, body)
          ? await caseWork.run(principal.organisation, run, c.req.raw.signal, text.length)
          : await run();
        return jsonAnswer(c, answer);
      } catch (error) {
        // A client that went away cancelled its own request: nothing went wrong, and nobody is left to answer.
        if (isUnexpected(error) && !c.req.raw.signal.aborted) logInternal(c, error);
        return errorResponse(c, failureOf(error));
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
    // A client that went away (its body broken off mid-way: the read fails "aborted") is nothing gone wrong here, and
    // no one is left to answer; logged, any client could write "internal error" lines at will.
    if (!c.req.raw.signal.aborted) logInternal(c, error);
    return errorResponse(c, failureOf(error));
  });
  return app;
}

/**
 * Assembles the MCP server from the tool definitions. A new server is made for each connection (stdio)
 * or request (HTTP), never shared between clients.
 * @module
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CallToolRequestSchema,
  ErrorCode as RpcErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type ProgressToken,
  type RequestId,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { registerPrompts } from '../prompts/index.ts';
import { entryOf, TOOL_CATALOGUE, type ToolEntry } from '../tools/catalogue.ts';
import { nearest, shortened } from '../tools/problems.ts';
import { failure, isUnexpected, textProblem, toFailure, type AnyTool, type ToolContext } from '../tools/tool.ts';
import { LOCAL_PRINCIPAL, type CaseStore } from '../store/types.ts';
import { FileShelf, type Files, type StoredFile } from '../tools/files.ts';
import { registerCaseResources, registerFileResources } from './resources.ts';
import { isCaseWork, type CaseWork } from './case-work.ts';
import { listedTool } from './tool-list.ts';
import { todayInUk } from './today.ts';
import { VERSION } from './version.ts';
import { groupedCount } from '../calc/money.ts';

export interface McpServerOptions {
  /** Supplies the context for each call; defaults to the real date. */
  readonly context?: () => ToolContext;
  /** The case store (opened on first use); when given, the case resources are offered too. */
  readonly store?: () => Promise<CaseStore>;
  /**
   * Requests in flight, for cancelling them from another HTTP request (stateless HTTP: a client's
   * notifications/cancelled arrives on a new POST, to a new server). Over stdio the SDK's own signal does it.
   */
  readonly inFlight?: { readonly registry: InFlight; readonly owner: string };
  /**
   * Runs a call on a stored case (or an import_case, or a read of a kept file) when the shared server has room for it
   * (server/case-work.ts).
   */
  readonly caseWork?: CaseWork;
  /** The largest file resources/read gives (HTTP: server/resources.ts HTTP_FILE_READ_MAX_BYTES); none by default. */
  readonly fileReadMaxBytes?: number;
}

/**
 * The requests one principal has in flight, by JSON-RPC id, so that a `notifications/cancelled` arriving on another
 * stateless HTTP request can stop them (server/http.ts). Keyed by organisation, principal and id: one client cannot
 * cancel another's work.
 */
export class InFlight {
  private readonly running = new Map<string, AbortController>();

  /** Tracks a request; the returned function forgets it (call it when the request ends). */
  track(owner: string, id: RequestId, controller: AbortController): () => void {
    const key = `${owner}\u0000${JSON.stringify(id)}`;
    this.running.set(key, controller);
    return () => {
      if (this.running.get(key) === controller) this.running.delete(key);
    };
  }

  /** Cancels a request of this owner, if it is still running. */
  cancel(owner: string, id: RequestId, reason?: string): boolean {
    const controller = this.running.get(`${owner}\u0000${JSON.stringify(id)}`);
    controller?.abort(new CancelledError(reason));
    return controller !== undefined;
  }
}

/** What a cancelled tool throws (the reason of the request's abort signal). */
export class CancelledError extends Error {
  override name = 'AbortError';
  constructor(reason?: string) {
    super(`The request was cancelled${reason ? ` (${reason.slice(0, 200)})` : ''}; nothing more was done, and nothing half-done was kept`);
  }
}

/**
 * Every `file` (tools/files.ts) at the top level of a result or one level down, as MCP resource links: the client
 * reads them with resources/read instead of carrying base64 inside the result.
 */
export function fileLinks(output: unknown): CallToolResult['content'] {
  const found: StoredFile[] = [];
  const isFile = (value: unknown): value is StoredFile =>
    value !== null &&
    typeof value === 'object' &&
    typeof (value as StoredFile).uri === 'string' &&
    (value as StoredFile).uri.startsWith('reckoner://files/');
  if (output !== null && typeof output === 'object') {
    for (const value of Object.values(output)) {
      const candidates = [
        value,
        ...(value !== null && typeof value === 'object' ? (Array.isArray(value) ? value : [(value as { file?: unknown }).file]) : []),
      ];
      for (const candidate of candidates) if (isFile(candidate) && !found.some((f) => f.uri === candidate.uri)) found.push(candidate);
    }
  }
  return found.map((f) => ({
    type: 'resource_link' as const,
    uri: f.uri,
    name: f.name,
    mimeType: f.mimeType,
    size: f.size,
    description: `${f.name} (${groupedCount(f.size)} bytes), kept for 60 minutes; over HTTP also at ${f.download}`,
  }));
}

/**
 * A progress reporter for one request: `notifications/progress` with the client's token, never going backwards (the
 * specification asks progress to increase), errors in sending ignored (progress is a courtesy, not the result).
 * `sent()` waits for every notification sent so far: the result goes after them, since a client stops listening for
 * a request's progress once its result has arrived.
 */
function progressReporter(
  token: ProgressToken | undefined,
  send: (notification: ServerNotification) => Promise<void>,
): { readonly report: NonNullable<ToolContext['progress']>; readonly sent: () => Promise<void> } | undefined {
  if (token === undefined) return undefined;
  let last = -Infinity;
  let pending: Promise<void> = Promise.resolve();
  const report: NonNullable<ToolContext['progress']> = (done, total, message) => {
    if (!(done > last)) return;
    last = done;
    const sending = send({
      method: 'notifications/progress',
      params: { progressToken: token, progress: done, ...(total !== undefined ? { total } : {}), ...(message ? { message } : {}) },
    }).catch(() => undefined);
    pending = pending.then(() => sending);
  };
  return { report, sent: () => pending };
}

const INSTRUCTIONS =
  'Reckoner checks Child Maintenance Service (Great Britain) figures exactly. Every number you give the user must come ' +
  'from a Reckoner tool result, never from your own arithmetic; quote the trace when explaining a figure.';

/**
 * Offers each tool on an MCP server: validated by its schemas, errors as text-only `isError` results with one line per
 * problem. A tool is loaded (tools/catalogue.ts) on its first call, or when tools/list asks for them all; a tool given
 * already loaded (as tests give them) is used as it is.
 */
export function registerTools(
  server: McpServer,
  tools: readonly (AnyTool | ToolEntry)[],
  context: () => ToolContext,
  inFlight?: { readonly registry: InFlight; readonly owner: string },
  caseWork?: CaseWork,
): void {
  const entries = new Map<string, ToolEntry>(tools.map((t) => ('load' in t ? [t.name, t] : [t.name, entryOf(t)])));
  const call = async (
    tool: AnyTool,
    input: unknown,
    extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  ): Promise<CallToolResult> => {
    const badText = textProblem(input);
    if (badText) return { content: [{ type: 'text', text: failure('invalid_input', [badText]).message }], isError: true };
    // Cancelled by the SDK's signal (a notifications/cancelled on this connection) or, over stateless HTTP, by one
    // arriving on another request (InFlight).
    const controller = new AbortController();
    const onAbort = () => controller.abort(new CancelledError(typeof extra.signal.reason === 'string' ? extra.signal.reason : undefined));
    if (extra.signal.aborted) onAbort();
    else extra.signal.addEventListener('abort', onAbort, { once: true });
    const untrack = inFlight?.registry.track(inFlight.owner, extra.requestId, controller);
    const progress = progressReporter(extra._meta?.progressToken, (n) => extra.sendNotification(n));
    const callContext: ToolContext = { ...context(), signal: controller.signal, ...(progress ? { progress: progress.report } : {}) };
    try {
      // run parses the input with the tool's schema: a refusal names each field in plain words.
      // A call on a stored case (or import_case) waits for room on a shared server (server/case-work.ts), and leaves the
      // queue when it is cancelled.
      const { output, summary } =
        caseWork !== undefined && isCaseWork(tool.name, input)
          ? await caseWork(() => tool.run(input, callContext), controller.signal)
          : await tool.run(input, callContext);
      await progress?.sent();
      controller.signal.throwIfAborted();
      if (!tool.outputSchema.safeParse(output).success) throw new Error(`the output of ${tool.name} does not fit its schema`);
      return {
        content: [{ type: 'text', text: summary }, ...fileLinks(output)],
        structuredContent: output as Record<string, unknown>,
      };
    } catch (error) {
      if (controller.signal.aborted) {
        const reason: unknown = controller.signal.reason;
        return {
          content: [{ type: 'text', text: reason instanceof Error ? reason.message : new CancelledError().message }],
          isError: true,
        };
      }
      // Error results carry text only (one line per problem): clients that validate structuredContent must not trip
      // on them. Anything unexpected is `internal`: its name goes to stderr, nothing of its message to anyone.
      if (isUnexpected(error)) logInternal(tool.name, error);
      const failure = toFailure(error);
      return { content: [{ type: 'text', text: failure.message }], isError: true };
    } finally {
      untrack?.();
      extra.signal.removeEventListener('abort', onAbort);
    }
  };
  // The SDK's McpServer would need every tool's schemas to register it, and would check a call's arguments against
  // them before the tool ran, in zod's words ("Invalid input: expected array, received undefined at
  // receivingParents"). Reckoner answers tools/call and tools/list itself instead: tool.run checks the arguments in
  // plain words naming the field (and the nearest known field for a misspelt one), and a tool's code loads when it
  // is first needed. The capability is the one McpServer declares for its own tools.
  server.server.registerCapabilities({ tools: { listChanged: true } });
  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const entry = entries.get(request.params.name);
    if (!entry) {
      const near = nearest(request.params.name, [...entries.keys()]);
      const text = new McpError(
        RpcErrorCode.InvalidParams,
        `Tool ${shortened(request.params.name)} not found${near ? `; did you mean ${near}?` : ''}`,
      ).message;
      return { content: [{ type: 'text', text }], isError: true };
    }
    return call(await entry.load(), request.params.arguments ?? {}, extra);
  });
  // tools/list is written from the same definitions, without what each tool would repeat (server/tool-list.ts).
  server.server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: (await Promise.all([...entries.values()].map((e) => e.load()))).map(listedTool),
  }));
}

/** An unexpected error, logged by its name only: its message or stack may quote a case's data. */
function logInternal(tool: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  process.stderr.write(`reckoner: internal error in ${tool}: ${name}\n`);
}

export function createMcpServer(options: McpServerOptions = {}): McpServer {
  const given: () => ToolContext = options.context ?? (() => ({ today: todayInUk(), ...(options.store ? { store: options.store } : {}) }));
  // A context without a shelf (stdio; tests) gets this server's own, for the one local principal: over stdio the
  // server lives as long as the connection, and so do its files (for at most their hour). HTTP gives a shelf shared by
  // its requests, scoped to each request's principal (server/http.ts).
  let own: Files | undefined;
  const context = (): ToolContext => {
    const base = given();
    return base.files ? base : { ...base, files: (own ??= new FileShelf().for(LOCAL_PRINCIPAL)) };
  };
  const server = new McpServer({ name: 'reckoner', title: 'Reckoner', version: VERSION }, { instructions: INSTRUCTIONS });
  registerTools(server, TOOL_CATALOGUE, context, options.inFlight, options.caseWork);
  registerPrompts(server);
  if (options.store)
    registerCaseResources(server, options.store, {
      today: () => given().today,
      ...(options.caseWork ? { caseWork: options.caseWork } : {}),
    });
  registerFileResources(server, () => context().files!, {
    ...(options.caseWork ? { caseWork: options.caseWork } : {}),
    ...(options.fileReadMaxBytes !== undefined ? { maxBytes: options.fileReadMaxBytes } : {}),
  });
  return server;
}

/**
 * Assembles the MCP server from the tool definitions. A new server is made for each connection (stdio)
 * or request (HTTP), never shared between clients.
 * @module
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { registerPrompts } from '../prompts/index.ts';
import { TOOLS } from '../tools/index.ts';
import { failure, textProblem, toFailure, type ToolContext, type ToolDefinition } from '../tools/tool.ts';
import type { CaseStore } from '../store/types.ts';
import { registerCaseResources } from './resources.ts';
import { todayInUk } from './today.ts';
import { VERSION } from './version.ts';

export interface McpServerOptions {
  /** Supplies the context for each call; defaults to the real date. */
  readonly context?: () => ToolContext;
  /** The case store (opened on first use); when given, the case resources are offered too. */
  readonly store?: () => Promise<CaseStore>;
}

const INSTRUCTIONS =
  'Reckoner checks Child Maintenance Service (Great Britain) figures exactly. Every number you give the user must come ' +
  'from a Reckoner tool result, never from your own arithmetic; quote the trace when explaining a figure.';

/** Registers each tool on an MCP server: validated by its schemas, errors as text-only `isError` results. */
export function registerTools(server: McpServer, tools: readonly ToolDefinition[], context: () => ToolContext): void {
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        outputSchema: tool.outputSchema,
        annotations: { title: tool.title, ...tool.annotations },
      },
      async (input: unknown): Promise<CallToolResult> => {
        const badText = textProblem(input);
        if (badText) return { content: [{ type: 'text', text: failure('invalid_input', [badText]).message }], isError: true };
        try {
          const output = await tool.handler(input as never, context());
          return { content: [{ type: 'text', text: tool.summarize(output) }], structuredContent: output as Record<string, unknown> };
        } catch (error) {
          // Error results carry text only: clients that validate structuredContent must not trip on them.
          const failure = toFailure(error);
          return { content: [{ type: 'text', text: failure.message }], isError: true };
        }
      },
    );
  }
}

export function createMcpServer(options: McpServerOptions = {}): McpServer {
  const context = options.context ?? (() => ({ today: todayInUk(), ...(options.store ? { store: options.store } : {}) }));
  const server = new McpServer({ name: 'reckoner', title: 'Reckoner', version: VERSION }, { instructions: INSTRUCTIONS });
  registerTools(server, TOOLS, context);
  registerPrompts(server);
  if (options.store) registerCaseResources(server, options.store);
  return server;
}

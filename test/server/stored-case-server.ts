/**
 * The set-up the case-journey tests share: a real MCP server over a fresh PGlite store, a real SDK client linked to it
 * in process, and a `today` the test may move (a deadline, a payment falling due). Registers its own beforeAll and
 * afterAll, so a test file calls it once at the top and uses what it returns.
 * @module
 */
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll } from 'vitest';
import { createMcpServer } from '../../server/mcp.ts';
import { lazyStore, type LazyStore } from '../../store/open.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { inMemoryClient, textOf } from './helpers.ts';

export interface StoredCaseServer {
  /** The day the tools take as today; set it to move the clock. */
  today: string;
  /** A tool call through the real client (its result checked against the tool's output schema). */
  readonly call: (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;
  /** The tools the server lists. */
  readonly tools: () => Promise<Tool[]>;
  /** A resource's text (its first contents). */
  readonly readText: (uri: string) => Promise<string>;
}

export function storedCaseServer(today: string): StoredCaseServer {
  let lazy: LazyStore | undefined;
  let linked: Awaited<ReturnType<typeof inMemoryClient>> | undefined;
  const state: StoredCaseServer = {
    today,
    call: async (name, args) => (await linked!.client.callTool({ name, arguments: args })) as CallToolResult,
    tools: async () => (await linked!.client.listTools()).tools,
    readText: async (uri) => {
      const first = (await linked!.client.readResource({ uri })).contents[0]!;
      if (!('text' in first)) throw new Error(`${uri} came as bytes, not text`);
      return first.text;
    },
  };
  beforeAll(async () => {
    const opened = lazyStore({ dataDir: await freshDataDir() });
    lazy = opened;
    linked = await inMemoryClient(createMcpServer({ context: () => ({ today: state.today, store: opened.store }), store: opened.store }));
  }, 120_000);
  afterAll(async () => {
    await linked?.close();
    await lazy?.close();
    cleanup();
  });
  return state;
}

/** A tool result's structured content, or a failure that quotes what the tool said. */
export function ok(result: CallToolResult): Record<string, any> {
  if (result.isError) throw new Error(`tool failed: ${textOf(result)}`);
  return result.structuredContent as Record<string, any>;
}

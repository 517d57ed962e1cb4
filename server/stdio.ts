/**
 * MCP over stdio. Stdout carries JSON-RPC only; anything else goes to stderr.
 * @module
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { lazyStore } from '../store/open.ts';
import { createMcpServer } from './mcp.ts';
import { todayInUk } from './today.ts';

export async function runStdio(): Promise<void> {
  // The store opens on the first case tool call, so a calculation never waits for a database.
  const lazy = lazyStore();
  // The client runs on this machine, so tools may read and write files by path.
  const server = createMcpServer({ store: lazy.store, context: () => ({ today: todayInUk(), localFiles: true, store: lazy.store }) });
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const stop = async (): Promise<void> => {
    await server.close();
    await lazy.close();
  };
  process.stdin.on('end', () => void stop());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop().finally(() => process.exit(0)));
}

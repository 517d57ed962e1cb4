/**
 * MCP over stdio. Stdout carries JSON-RPC only; anything else goes to stderr.
 * @module
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from './mcp.ts';

export async function runStdio(): Promise<void> {
  const server = createMcpServer();
  const transport = new StdioServerTransport();
  await server.connect(transport);
  process.stdin.on('end', () => void server.close());
}

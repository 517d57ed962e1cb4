// The cold-start baseline (bench/cold-start.ts): the least an MCP server over stdio can be with the SDK Reckoner
// uses: McpServer, one tool with a zod input schema, answered with a line of text, over StdioServerTransport.
// Plain JavaScript, started with `node`, its packages resolved from node_modules as any SDK server's are.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import * as z from 'zod';

const server = new McpServer({ name: 'minimal', version: '0.0.0' });
server.registerTool(
  'calculate_maintenance',
  { description: 'Adds up the weekly income it is given.', inputSchema: { payingParent: z.object({ grossWeeklyIncome: z.number() }) } },
  async ({ payingParent }) => ({ content: [{ type: 'text', text: `£${payingParent.grossWeeklyIncome.toFixed(2)}` }] }),
);
await server.connect(new StdioServerTransport());

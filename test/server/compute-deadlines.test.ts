/**
 * `compute_deadlines` over MCP, in process: a real SDK `Client` and `McpServer` on linked in-memory transports.
 * The tool is registered here the way server/mcp.ts registers every tool in tools/index.ts (the client then
 * validates each result against the advertised output schema). Dates are those checked in
 * test/calc/deadlines; bank holidays are GOV.UK's.
 */
import { registerTools } from '../../server/mcp.ts';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { computeDeadlinesOutput, computeDeadlinesTool } from '../../tools/compute-deadlines.ts';
import type { ToolContext, ToolDefinition } from '../../tools/tool.ts';
import { textOf } from './helpers.ts';

const TODAY = '2025-03-20';

let client: Client;
let closeServer: () => Promise<void>;

/** As server/mcp.ts createMcpServer, with this one tool. */
function serverWith(tool: ToolDefinition, context: () => ToolContext): McpServer {
  const server = new McpServer({ name: 'reckoner-test', version: '0.0.0' });
  registerTools(server, [tool], context);
  return server;
}

beforeEach(async () => {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const server = serverWith(computeDeadlinesTool as unknown as ToolDefinition, () => ({ today: TODAY }));
  await server.connect(serverTransport);
  client = new Client({ name: 'reckoner-test', version: '0.0.0' });
  await client.connect(clientTransport);
  closeServer = () => server.close();
});
afterEach(async () => {
  await client.close();
  await closeServer();
});

async function call(args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name: 'compute_deadlines', arguments: args })) as CallToolResult;
}

async function compute(args: Record<string, unknown>) {
  const result = await call(args);
  expect(result.isError ?? false, textOf(result)).toBe(false);
  return { out: computeDeadlinesOutput.parse(result.structuredContent), text: textOf(result) };
}

describe('tools/list', () => {
  test('compute_deadlines is read-only, idempotent and closed-world, with both schemas', async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === 'compute_deadlines');
    expect(tool).toBeDefined();
    expect(tool!.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
    expect(tool!.title).toBeTruthy();
    expect(tool!.inputSchema.properties).toHaveProperty('letter');
    expect(tool!.inputSchema.properties).toHaveProperty('events');
    expect(tool!.inputSchema.properties).toHaveProperty('nation');
    expect(tool!.inputSchema.properties).toHaveProperty('asOf');
    expect(tool!.outputSchema?.properties).toHaveProperty('deadlines');
    expect(tool!.outputSchema?.properties).toHaveProperty('trace');
  });
});

describe('tools/call', () => {
  test('a reconsideration against a letter dated 31 January 2025: last day 28 February, with its rule and source', async () => {
    const { out, text } = await compute({ letter: { type: 'L03', sentOn: '2025-01-31' } });
    expect(out.nation).toBe('england_and_wales');
    expect(out.letter).toMatchObject({
      type: 'L03',
      sentOn: '2025-01-31',
      dateMeans: 'the date printed on the decision letter being challenged, not the day it came',
    });
    expect(out.deadlines.map((d) => [d.id, d.date])).toEqual([['mr_last_day', '2025-02-28']]);
    expect(out.timeline).toBeUndefined();
    expect(out.trace).toEqual([
      expect.objectContaining({ step: 'mr_last_day', value: '2025-02-28', citation: expect.stringContaining('reg 14(1)(a)') }),
    ]);
    expect(text).toContain('2025-02-28 (Friday 28 February 2025), last day');
  });

  test('a subject access request in Scotland received 30 October 2024: due Tuesday 3 December (St Andrew’s substitute)', async () => {
    const { out } = await compute({ nation: 'scotland', letter: { type: 'L01', sentOn: '2024-10-30' } });
    expect(out.deadlines[0]).toMatchObject({ id: 'sar_reply_due', date: '2024-12-03', kind: 'reply_due' });
    expect(out.trace).toHaveLength(out.deadlines.length);
    for (const step of out.trace) expect(step.citation, step.step).toBeTruthy();
  });

  test('events give a timeline as of today (from the server context): overdue, next and met', async () => {
    const { out, text } = await compute({
      events: [
        { type: 'decision_letter_received', date: '2025-01-31' },
        { type: 'mr_sent', date: '2025-02-10' },
      ],
    });
    expect(out.timeline?.asOf).toBe(TODAY);
    expect(out.timeline?.overdue.map((d) => [d.id, d.date])).toEqual([['mr_chase', '2025-03-10']]);
    expect(out.timeline?.next.map((d) => [d.id, d.date])).toEqual([['mr_complain', '2025-04-07']]);
    expect(out.timeline?.met.map((d) => d.id)).toEqual(['mr_last_day', 'mr_online_change_last_day', 'late_mr_outer_limit']);
    expect(out.deadlines).toHaveLength(5);
    expect(text).toContain(`As of ${TODAY}`);
    expect(text).toContain('- 2025-04-07 (Monday 7 April 2025), escalate:');
    expect(text).toContain('Overdue (1):');
  });

  test('a letter with asOf joins the timeline', async () => {
    const { out } = await compute({ letter: { type: 'L05', sentOn: '2024-12-20' }, asOf: '2025-01-10' });
    expect(out.timeline?.overdue.map((d) => d.date)).toEqual(['2024-12-24']);
    expect(out.timeline?.next.map((d) => d.date)).toEqual(['2025-01-15', '2025-01-22']);
  });

  test('a letter with no clock says so', async () => {
    const { out, text } = await compute({ letter: { type: 'L08', sentOn: '2025-01-31' } });
    expect(out.deadlines).toEqual([]);
    expect(text).toContain('L08 (Letter to your MP) starts no deadline');
  });
});

describe('errors are isError with text only, naming the field', () => {
  test.each([
    { name: 'neither letter nor events', args: {}, field: 'letter' },
    { name: 'unknown letter', args: { letter: { type: 'L25', sentOn: '2025-01-31' } }, field: 'letter.type' },
    { name: 'not a real date', args: { letter: { type: 'L01', sentOn: '2025-02-29' } }, field: 'letter.sentOn' },
    { name: 'unknown event', args: { events: [{ type: 'decided', date: '2025-01-31' }] }, field: 'events[0].type' },
    { name: 'unknown nation', args: { nation: 'wales', letter: { type: 'L01', sentOn: '2025-01-31' } }, field: 'nation' },
    { name: 'unknown field', args: { letter: { type: 'L01', sentOn: '2025-01-31', sentAt: 'x' } }, field: 'sentAt' },
    { name: 'event after asOf', args: { events: [{ type: 'sar_sent', date: '2025-04-01' }] }, field: 'events[0].date' },
  ])('$name', async ({ args, field }) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(textOf(result)).toContain(field);
  });

  test('a date outside the bank holiday tables is refused, naming the range', async () => {
    const result = await call({ letter: { type: 'L05', sentOn: '2031-01-06' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^date: 2031-01-06 is outside the bank holiday tables, which cover 2012–2030/);
  });
});

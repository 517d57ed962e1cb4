/**
 * What a case's end date means, as tools/list tells a client (a journey probe, story 6: create_case.endDate was
 * described as "The day liability stopped", a parent typed "closed 31 January" as 2026-01-31, and calc, for which it
 * is the first day with nothing due, charged 30/31 of January — a false dispute of the last day's instalment). Over a
 * real SDK client in process.
 */
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMcpServer } from '../../server/mcp.ts';
import { inMemoryClient } from './helpers.ts';

let tools: Tool[];
let call: (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;
let close: () => Promise<void>;

beforeAll(async () => {
  const linked = await inMemoryClient(createMcpServer({ context: () => ({ today: '2026-05-20' }) }));
  tools = (await linked.client.listTools()).tools;
  call = async (name, args) => (await linked.client.callTool({ name, arguments: args })) as CallToolResult;
  close = linked.close;
});
afterAll(async () => close?.());

type Props = Record<string, { description?: string; properties?: Props }>;
const props = (name: string): Props => (tools.find((t) => t.name === name)!.inputSchema.properties ?? {}) as Props;
const MEANING = 'Day after the last day of liability';

test('create_case and build_liability_schedule describe the end date as the day after the last day owed', () => {
  // Before: "The day liability stopped, if ended" and "The day liability stopped, if the case ended".
  expect(props('create_case')['endDate']!.description).toBe(MEANING);
  expect(props('build_liability_schedule')['caseEndDate']!.description).toBe(MEANING);
});

test('a case whose last day was 31 January, given as 1 February: January is due in full, £260.00, and nothing after', async () => {
  // £50 a week: £50 × 52 ÷ 12 = £216.67 and its 20% fee £43.33 = £260.00 a month. Given 31 January instead, January
  // would be 30/31 of it (calc/schedule part periods).
  const result = await call('build_liability_schedule', {
    decisions: [{ effectiveDate: '2025-11-01', weeklyAmount: 50 }],
    service: 'collect_and_pay',
    caseEndDate: '2026-02-01',
    asOf: '2026-03-31',
  });
  const out = result.structuredContent as { totals: { totalDue: string }; trace: { description: string }[] };
  // November, December, January, with the paying parent's fee: 3 × £260.00 = £780.00.
  expect(out.totals.totalDue).toBe('780.00');
  expect(out.trace.map((s) => s.description)).toContainEqual(
    expect.stringMatching(
      /^3 monthly periods from 2025-11-01 to the case end \(nothing due from 2026-02-01\), due on or before 2026-03-31/,
    ),
  );
});

/**
 * The MCP contract, in process: a real SDK `Client` talking to `createMcpServer()` over a linked pair of
 * in-memory transports. No mocks: the client validates results against the advertised output schema.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createMcpServer, type McpServerOptions } from '../../server/mcp.ts';
import { calculateMaintenanceOutput } from '../../tools/calculate-maintenance.ts';
import { EXAMPLES, textOf, validInput } from './helpers.ts';

let client: Client;
let closeServer: () => Promise<void>;

async function connect(options: McpServerOptions = {}): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer(options);
  await server.connect(serverTransport);
  const c = new Client({ name: 'reckoner-test', version: '0.0.0' });
  await c.connect(clientTransport);
  closeServer = () => server.close();
  return c;
}

async function call(args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name: 'calculate_maintenance', arguments: args })) as CallToolResult;
}

/** Calls the tool and returns its structured result, checked against the tool's own zod output schema. */
async function calculate(args: Record<string, unknown>) {
  const result = await call(args);
  expect(result.isError ?? false, textOf(result)).toBe(false);
  return calculateMaintenanceOutput.parse(result.structuredContent);
}

beforeEach(async () => {
  client = await connect();
});
afterEach(async () => {
  await client.close();
  await closeServer();
});

describe('tools/list', () => {
  test('lists calculate_maintenance as a read-only, idempotent, closed-world tool with both schemas', async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === 'calculate_maintenance');
    expect(tool).toBeDefined();
    expect(tool!.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
    expect(tool!.title).toBeTruthy();
    expect(tool!.description).toBeTruthy();
    expect(tool!.inputSchema.type).toBe('object');
    expect(tool!.inputSchema.properties).toHaveProperty('payingParent');
    expect(tool!.inputSchema.properties).toHaveProperty('receivingParents');
    expect(tool!.outputSchema?.type).toBe('object');
    expect(tool!.outputSchema?.properties).toHaveProperty('weeklyAmount');
    expect(tool!.outputSchema?.properties).toHaveProperty('trace');
  });
});

describe('tools/call: figures', () => {
  test('returns structured content that parses with the output schema, and a text summary', async () => {
    const result = await call(EXAMPLES.reducedRate);
    expect(result.isError ?? false).toBe(false);
    expect(() => calculateMaintenanceOutput.parse(result.structuredContent)).not.toThrow();
    expect(textOf(result)).toContain('£22.00');
    expect(textOf(result)).toContain('reduced rate');
  });

  test('reduced rate: 2 children, 1 relevant other child, £173 a week', async () => {
    const out = await calculate(EXAMPLES.reducedRate);
    // GOV.UK calculator test "example on p23" of the CMS leaflet: 7 + 73 × 21.2% = 22.476 → £22.
    expect(out.rate).toBe('reduced');
    expect(out.weeklyAmount).toBe('22.00');
    expect(out.date).toBe('2026-04-06');
  });

  test('basic plus: 2 children, £1,000 a week', async () => {
    const out = await calculate(EXAMPLES.basicPlus);
    // CSA 1991 Sch 1 para 2(1): 800 × 16% + 200 × 12% = 128 + 24 = £152.
    expect(out.rate).toBe('basic_plus');
    expect(out.weeklyAmount).toBe('152.00');
  });

  test('annual income is made weekly as CMS does', async () => {
    const out = await calculate(EXAMPLES.annualIncome);
    // CSMCR reg 35(1)(c): 30,000 ÷ 365 × 7 = 575.342 → £575.34.
    expect(out.grossWeeklyIncome).toBe('575.34');
    // Basic rate 16% for 2 children: 575.34 × 16% = 92.05 → £92 (reg 6 rounding to the pound).
    expect(out.weeklyAmount).toBe('92.00');
  });

  test('two receiving parents, each with shared care', async () => {
    const out = await calculate(EXAMPLES.twoReceivingParents);
    // Basic rate for 3 children: 600 × 19% = £114; para 6 shares by children 2 : 1 = £76 / £38.
    const [a, b] = out.receivingParents;
    // A: fractions 1/2 and 0 average 1/4 (para 7(5)); 76 × 3/4 = 57; less £7 for the child at 175+ nights (para 7(6)) = £50.
    expect(a).toMatchObject({ id: 'A', weeklyAmount: '50.00', sharedCareFraction: '1/4' });
    // B: 104 nights → 2/7 (para 7(4)); 38 × 5/7 = 27.142… → £27.14.
    expect(b).toMatchObject({ id: 'B', weeklyAmount: '27.14', sharedCareFraction: '2/7' });
    // Total payable: 50 + 27.14.
    expect(out.weeklyAmount).toBe('77.14');
  });

  test('Collect and Pay adds 20% for the paying parent and takes 4% from the receiving parent', async () => {
    const out = await calculate(EXAMPLES.collectAndPay);
    // 500 × 12% = £60; 52 nights → 1/7 off: 60 × 6/7 = 51.428… → £51.43.
    expect(out.weeklyAmount).toBe('51.43');
    // Fees Regulations 2014 reg 7: paying parent 51.43 + 20% (10.29) = 61.72; receiving parent 51.43 − 4% (2.06) = 49.37.
    expect(out.collectionCharges?.payingParent['weekly']).toEqual({ maintenance: '51.43', fee: '10.29', total: '61.72' });
    expect(out.collectionCharges?.receivingParents[0]?.perFrequency['weekly']).toEqual({ maintenance: '51.43', fee: '2.06', net: '49.37' });
    expect(textOf(await call(EXAMPLES.collectAndPay))).toContain('£61.72');
  });

  test('every trace step cites its legal source', async () => {
    const out = await calculate(EXAMPLES.twoReceivingParents);
    expect(out.trace.length).toBeGreaterThan(0);
    for (const step of out.trace) expect(step.citation, step.step).toBeTruthy();
  });

  test('a call without a date uses the date the server context supplies', async () => {
    await client.close();
    await closeServer();
    client = await connect({ context: () => ({ today: '2025-01-15' }) });
    const { date: _omitted, ...undated } = EXAMPLES.basicPlus;
    const out = await calculate(undated);
    expect(out.date).toBe('2025-01-15');
    expect(out.weeklyAmount).toBe('152.00');
  });
});

describe('tools/call: errors are isError with text only, naming the field', () => {
  const withPayer = (payingParent: Record<string, unknown>) => ({ ...validInput(), payingParent });
  const withChildren = (children: unknown[]) => ({ ...validInput(), receivingParents: [{ children }] });

  test.each([
    { name: 'negative income', args: withPayer({ grossWeeklyIncome: -5 }), field: 'payingParent.grossWeeklyIncome' },
    { name: '400 nights a year', args: withChildren([{ nightsPerYear: 400 }]), field: 'receivingParents[0].children[0].nightsPerYear' },
    { name: 'nights as a string', args: withChildren([{ nightsPerYear: '52' }]), field: 'receivingParents[0].children[0].nightsPerYear' },
    { name: 'no children', args: withChildren([]), field: 'receivingParents[0].children' },
    { name: 'no receiving parents', args: { ...validInput(), receivingParents: [] }, field: 'receivingParents' },
    { name: 'unknown top-level field', args: { ...validInput(), colour: 'blue' }, field: 'colour' },
    { name: 'unknown nested field', args: withPayer({ grossWeeklyIncome: 500, salary: 1 }), field: 'salary' },
    { name: 'no income and no reason for none', args: withPayer({}), field: 'payingParent.income' },
  ])('$name', async ({ args, field }) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(textOf(result)).toContain(field);
  });

  test('a date outside the coded law', async () => {
    const result = await call({ ...validInput(), date: '2010-01-01' });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(textOf(result)).toMatch(/^date: 2010-01-01 is outside the dates/);
  });

  test('an unknown field says what to do about it', async () => {
    const result = await call(withPayer({ grossWeeklyIncome: 500, nightsPerYaer: 1 }));
    // nightsPerYear belongs to a child, not to the paying parent: nothing there is near, so the fields there are listed.
    expect(textOf(result)).toMatch(
      /^payingParent\.nightsPerYaer: nightsPerYaer is not a field here; remove it \(the fields here are grossWeeklyIncome, /,
    );
  });

  test('the session stays usable after an error', async () => {
    expect((await call(withPayer({ grossWeeklyIncome: -5 }))).isError).toBe(true);
    expect((await calculate(EXAMPLES.basicPlus)).weeklyAmount).toBe('152.00');
  });
});

/**
 * Issue 13 over the two real transports a client uses: `bin/reckoner mcp` over stdio (the SDK's stdio client) and
 * `/mcp` over Streamable HTTP (the real app on a socket). The budget, the working in words, letters by id or name,
 * and plain-worded refusals are the same on both as in the in-process tests (budget, words, errors).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { EXAMPLES, RECKONER, startHttp, textOf, type RunningHttp } from './helpers.ts';

/** The budget issue 13 sets for the whole tools/list (≈ 12,000 tokens). */
const BUDGET = 48_000;

let dir: string;
let http: RunningHttp;
const clients: Record<'stdio' | 'http', Client> = {} as Record<'stdio' | 'http', Client>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reckoner-assistant-'));
  const stdio = new StdioClientTransport({
    command: RECKONER,
    args: ['mcp'],
    env: { ...(process.env as Record<string, string>), RECKONER_DATA_DIR: dir },
    stderr: 'pipe',
  });
  clients.stdio = new Client({ name: 'reckoner-test', version: '0' });
  await clients.stdio.connect(stdio);
  http = await startHttp();
  clients.http = new Client({ name: 'reckoner-test', version: '0' });
  await clients.http.connect(new StreamableHTTPClientTransport(new URL('/mcp', http.origin)));
}, 60_000);

afterAll(async () => {
  await clients.stdio?.close();
  await clients.http?.close();
  await http?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['stdio', 'http'] as const)('over %s', (transport) => {
  const call = async (name: string, args: Record<string, unknown>) =>
    (await clients[transport].callTool({ name, arguments: args })) as CallToolResult;

  test(`tools/list is at most ${BUDGET.toLocaleString('en-GB')} characters`, async () => {
    const { tools } = await clients[transport].listTools();
    const size = JSON.stringify(tools).length;
    process.stdout.write(`tools/list over ${transport}: ${size.toLocaleString('en-GB')} characters for ${tools.length} tools\n`);
    expect(size).toBeLessThanOrEqual(BUDGET);
  });

  test('the text carries the answer and each step of the working with its citation', async () => {
    const result = await call('calculate_maintenance', EXAMPLES.reducedRate);
    const out = result.structuredContent as { weeklyAmount: string; trace: { citation: string }[] };
    // CMS leaflet, example on p23: £7 + (£173 − £100) × 21.2% = £22.476, rounded to £22.00.
    expect(out.weeklyAmount).toBe('22.00');
    const text = textOf(result);
    expect(text).toContain('£22.00');
    for (const [i, step] of out.trace.entries()) {
      expect(text).toContain(`${i + 1}. `);
      expect(text).toContain(step.citation);
    }
  });

  test('a letter by id or by name gives the same deadlines', async () => {
    const byId = await call('compute_deadlines', { letter: { type: 'L03', sentOn: '2025-01-31' } });
    const byName = await call('compute_deadlines', { letter: { type: 'mandatory_reconsideration', sentOn: '2025-01-31' } });
    expect(byName.structuredContent).toEqual(byId.structuredContent);
    // The rule behind the last day is named in the text (SI 2012/2677 reg 14(1)(a)).
    expect(textOf(byId)).toContain('reg 14(1)(a)');
  });

  test('a misspelt field is refused naming the nearest one', async () => {
    const { receivingParents: _r, ...rest } = EXAMPLES.reducedRate;
    const result = await call('calculate_maintenance', {
      ...rest,
      receivingParents: [{ children: [{ nightsPerWeek: 2 }, {}] }],
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('did you mean nightsPerYear?');
  });
});

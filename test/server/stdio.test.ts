/**
 * `bin/reckoner mcp` as a real process: the SDK's stdio client against it, and raw JSON-RPC lines
 * written to stdin to prove stdout carries JSON-RPC and nothing else.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { calculateMaintenanceOutput } from '../../tools/calculate-maintenance.ts';
import { EXAMPLES, RECKONER, exited, spawnReckoner, stopAll, textOf } from './helpers.ts';

afterEach(stopAll);

describe('bin/reckoner mcp with the SDK stdio client', () => {
  let transport: StdioClientTransport | undefined;
  afterEach(async () => {
    await transport?.close(); // ends the child the transport spawned
    transport = undefined;
  });

  test('lists and calls calculate_maintenance', async () => {
    transport = new StdioClientTransport({ command: RECKONER, args: ['mcp'], stderr: 'pipe' });
    const client = new Client({ name: 'reckoner-test', version: '0.0.0' });
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('reckoner');

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('calculate_maintenance');

    const result = (await client.callTool({ name: 'calculate_maintenance', arguments: EXAMPLES.reducedRate })) as CallToolResult;
    const out = calculateMaintenanceOutput.parse(result.structuredContent);
    // GOV.UK calculator test "example on p23" of the CMS leaflet: 7 + 73 × 21.2% = 22.476 → £22.
    expect(out).toMatchObject({ rate: 'reduced', weeklyAmount: '22.00' });
    expect(textOf(result)).toContain('£22.00');

    const bad = (await client.callTool({
      name: 'calculate_maintenance',
      arguments: { ...EXAMPLES.reducedRate, payingParent: { grossWeeklyIncome: -5 } },
    })) as CallToolResult;
    expect(bad.isError).toBe(true);
    expect(bad.structuredContent).toBeUndefined();
    expect(textOf(bad)).toContain('payingParent.grossWeeklyIncome');
  });
});

describe('bin/reckoner mcp with raw JSON-RPC lines', () => {
  test('every stdout line is a JSON-RPC 2.0 message, and the process exits when stdin ends', async () => {
    const child = spawnReckoner(['mcp']);
    const lines: string[] = [];
    const responses = new Map<number, Record<string, unknown>>();
    const waiting = new Map<number, () => void>();
    const stdout = createInterface({ input: child.stdout! });
    const stdoutClosed = once(stdout, 'close');
    stdout.on('line', (line) => {
      lines.push(line);
      try {
        const message = JSON.parse(line) as Record<string, unknown>;
        if (typeof message.id === 'number') {
          responses.set(message.id, message);
          waiting.get(message.id)?.();
        }
      } catch {
        // Recorded in `lines`; the assertions below report it.
      }
    });
    const reply = (id: number) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        if (responses.has(id)) return resolve(responses.get(id)!);
        waiting.set(id, () => resolve(responses.get(id)!));
        child.once('exit', () => reject(new Error(`exited before replying to id ${id}; stdout so far:\n${lines.join('\n')}`)));
      });
    const send = (message: object) => child.stdin!.write(`${JSON.stringify(message)}\n`);

    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    });
    const init = await reply(1);
    expect(init).toMatchObject({ jsonrpc: '2.0', id: 1, result: { serverInfo: { name: 'reckoner' } } });

    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'calculate_maintenance', arguments: EXAMPLES.basicPlus } });
    send({ jsonrpc: '2.0', id: 4, method: 'no/such/method' });

    const list = (await reply(2)) as { result: { tools: { name: string }[] } };
    expect(list.result.tools.map((t) => t.name)).toContain('calculate_maintenance');
    const called = (await reply(3)) as { result: CallToolResult };
    // CSA 1991 Sch 1 para 2(1): 800 × 16% + 200 × 12% = £152 for 2 children on £1,000 a week.
    expect(calculateMaintenanceOutput.parse(called.result.structuredContent)).toMatchObject({ rate: 'basic_plus', weeklyAmount: '152.00' });
    expect(await reply(4)).toMatchObject({ jsonrpc: '2.0', id: 4, error: { code: -32601 } });

    child.stdin!.end();
    expect(await exited(child)).toBe(0);
    await stdoutClosed; // every byte the process wrote has been read

    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`stdout line is not JSON: ${JSON.stringify(line)}`);
      }
      expect(message.jsonrpc, line).toBe('2.0');
      const isResponse = 'id' in message && ('result' in message || 'error' in message);
      const isRequestOrNotification = typeof message.method === 'string';
      expect(isResponse || isRequestOrNotification, line).toBe(true);
    }
  });
});

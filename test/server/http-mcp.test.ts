/**
 * MCP over Streamable HTTP against the real app on a real socket, and `bin/reckoner serve` as a real
 * process.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { calculateMaintenanceOutput } from '../../tools/calculate-maintenance.ts';
import { EXAMPLES, exited, freePort, spawnReckoner, startHttp, stop, stopAll, textOf, waitForStderr, type RunningHttp } from './helpers.ts';

/** Connects a fresh SDK client to `/mcp`; the caller closes it. */
async function connectClient(
  origin: string,
  headers: Record<string, string> = {},
): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL('/mcp', origin), { requestInit: { headers } });
  const client = new Client({ name: 'reckoner-test', version: '0.0.0' });
  await client.connect(transport);
  return { client, transport };
}

async function calculate(client: Client, args: Record<string, unknown>) {
  const result = (await client.callTool({ name: 'calculate_maintenance', arguments: args })) as CallToolResult;
  expect(result.isError ?? false, textOf(result)).toBe(false);
  return calculateMaintenanceOutput.parse(result.structuredContent);
}

describe('/mcp over Streamable HTTP', () => {
  let http: RunningHttp;
  const clients: Client[] = [];
  beforeAll(async () => {
    http = await startHttp();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await http.close();
  });

  test('lists and calls calculate_maintenance, statelessly', async () => {
    const { client, transport } = await connectClient(http.origin);
    clients.push(client);
    // A fresh server answers each request, so there is no session to keep.
    expect(transport.sessionId).toBeUndefined();

    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === 'calculate_maintenance');
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });

    const result = (await client.callTool({ name: 'calculate_maintenance', arguments: EXAMPLES.reducedRate })) as CallToolResult;
    // GOV.UK calculator test "example on p23" of the CMS leaflet: 7 + 73 × 21.2% = 22.476 → £22.
    expect(calculateMaintenanceOutput.parse(result.structuredContent)).toMatchObject({ rate: 'reduced', weeklyAmount: '22.00' });
    expect(textOf(result)).toContain('£22.00');
  });

  test('tool errors come back as isError text naming the field', async () => {
    const { client } = await connectClient(http.origin);
    clients.push(client);
    const result = (await client.callTool({
      name: 'calculate_maintenance',
      arguments: { ...EXAMPLES.basicPlus, receivingParents: [{ children: [{ nightsPerYear: 400 }] }] },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(textOf(result)).toContain('receivingParents[0].children[0].nightsPerYear');
  });

  test('two clients at once each get their own answer, and a third works after they have gone', async () => {
    const [one, two] = await Promise.all([connectClient(http.origin), connectClient(http.origin)]);
    clients.push(one.client, two.client);
    const [a, b] = await Promise.all([calculate(one.client, EXAMPLES.basicPlus), calculate(two.client, EXAMPLES.annualIncome)]);
    // 800 × 16% + 200 × 12% = £152 (CSA 1991 Sch 1 para 2(1)).
    expect(a.weeklyAmount).toBe('152.00');
    // 30,000 ÷ 365 × 7 = 575.34 (CSMCR reg 35(1)(c)); × 16% = 92.05 → £92 (reg 6).
    expect(b).toMatchObject({ grossWeeklyIncome: '575.34', weeklyAmount: '92.00' });
    await Promise.all(clients.splice(0).map((c) => c.close()));

    const three = await connectClient(http.origin);
    clients.push(three.client);
    // 3 children, £600: £114 split 76/38, then shared care: A £50, B £27.14 (CSA 1991 Sch 1 paras 6, 7).
    expect((await calculate(three.client, EXAMPLES.twoReceivingParents)).weeklyAmount).toBe('77.14');
  });

  test('GET /mcp is refused: the server is stateless and offers no stream', async () => {
    const response = await fetch(new URL('/mcp', http.origin), { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  test('a batch of tool calls is refused: one tool call per request; a single call in the same form works', async () => {
    const call = (id: number) => ({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'calculate_maintenance', arguments: EXAMPLES.basicPlus },
    });
    const post = (body: unknown) =>
      fetch(new URL('/mcp', http.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify(body),
      });
    const batch = await post([call(1), call(2), call(3)]);
    expect(batch.status).toBe(400);
    expect(await batch.json()).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: 'Invalid Request: a batch of 3 tool calls; send one tool call per request' },
      id: null,
    });
    const one = await post(call(4));
    expect(one.status).toBe(200);
    expect(JSON.stringify(await one.json())).toContain('"weeklyAmount"');
  });

  test('a message over the small limit is refused before it is parsed, unless it calls a tool that takes large input', async () => {
    // 2 MiB of small JSON values in a tools/list: a security audit grew the server past 2 GB parsing 60 MiB of them.
    const padding = Array.from({ length: (2 * 1024 * 1024) / 3 }, () => ({}));
    const response = await fetch(new URL('/mcp', http.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { padding } } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_large');
    expect(body.error.message).toMatch(
      /^The MCP message is \d+ bytes, larger than the 1048576 bytes this server accepts; only import_case, parse_statement and import_document take more$/,
    );
  });

  test('a large message that only names a large-input tool somewhere in it is refused (a security test, 5 December 2026)', async () => {
    // The limit went by a search for `"name":"import_case"` anywhere in the text: a tools/list with that object in its
    // params passed as a call of import_case, and 60 MB of `{}` then held the server 15–17 s and 2 GB.
    const padding = Array.from({ length: (2 * 1024 * 1024) / 3 }, () => ({}));
    const post = (body: unknown) =>
      fetch(new URL('/mcp', http.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify(body),
      });
    const listing = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { x: { name: 'import_case' }, padding } });
    expect(listing.status).toBe(413);
    expect(((await listing.json()) as { error: { message: string } }).error.message).toMatch(
      /only import_case, parse_statement and import_document take more$/,
    );
    // A call of another tool that names import_case inside its arguments is not a call of import_case either.
    const other = await post({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { arguments: { x: { name: 'import_case' }, padding }, name: 'calculate_maintenance' },
    });
    expect(other.status).toBe(413);
  });

  test('a request from another site is refused before it reaches MCP', async () => {
    const response = await fetch(new URL('/mcp', http.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', origin: 'http://evil.example' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    // 403: the server refuses another site outright (the DNS-rebinding guard), whoever is asking.
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});

describe('/mcp with API tokens', () => {
  let http: RunningHttp;
  beforeAll(async () => {
    http = await startHttp({ apiTokens: ['advice:alice:test-secret-0123456789abcdef0123'] });
  });
  afterAll(async () => {
    await http.close();
  });

  test('a client with the bearer token works; a client without one cannot connect', async () => {
    const { client } = await connectClient(http.origin, { authorization: 'Bearer advice:alice:test-secret-0123456789abcdef0123' });
    try {
      // 800 × 16% + 200 × 12% = £152 (CSA 1991 Sch 1 para 2(1)).
      expect((await calculate(client, EXAMPLES.basicPlus)).weeklyAmount).toBe('152.00');
    } finally {
      await client.close();
    }
    await expect(connectClient(http.origin)).rejects.toThrow();
  });
});

describe('bin/reckoner serve as a real process', () => {
  afterEach(stopAll);

  test('--port N answers /healthz on that port, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawnReckoner(['serve', '--port', String(port)]);
    await waitForStderr(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    expect(await stop(child)).toBe(0);
  });

  test('a malformed RECKONER_ENCRYPTION_KEY stops serve at start, naming the variable', async () => {
    // A security audit's server started, answered /healthz and then failed every case call.
    const child = spawnReckoner(['serve', '--port', '0'], { env: { ...process.env, RECKONER_ENCRYPTION_KEY: 'not-a-key' } });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(2);
    expect(stderr).toMatch(/^reckoner: RECKONER_ENCRYPTION_KEY/);
    expect(stderr).not.toMatch(/listening on/);
  });

  test('--port 0 listens on a free port and accepts requests addressed to it', async () => {
    const child = spawnReckoner(['serve', '--port', '0']);
    const [, port] = await waitForStderr(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
    expect(Number(port)).toBeGreaterThan(0);
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/calculate-maintenance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(EXAMPLES.basicPlus),
    });
    expect(response.status).toBe(200);
    // 800 × 16% + 200 × 12% = £152 (CSA 1991 Sch 1 para 2(1)).
    expect(await response.json()).toMatchObject({ weeklyAmount: '152.00' });
    expect(await stop(child)).toBe(0);
  });
});

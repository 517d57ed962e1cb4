/**
 * `parse_statement` through its faces: the handler and zod schemas, a real MCP client over InMemoryTransport
 * (the tool registered as server/mcp.ts registers every tool), and `POST /api/v1/parse-statement` on a Hono
 * app arranged as createApp should arrange it (a 1 MiB app-wide body limit that skips this route).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../calc/errors.ts';
import { PARSE_ROUTE, registerParseRoute } from '../../server/parse-route.ts';
import { LIMITS, ParseError } from '../../statements/index.ts';
import {
  decodeBase64,
  parseStatementInput,
  parseStatementOutput,
  parseStatementTool,
  type ParseStatementInput,
  type ParseStatementOutput,
} from '../../tools/parse-statement.ts';
import { toFailure, type ToolContext } from '../../tools/tool.ts';
import { FIXTURE_DIR, largeStatement, loadTruth } from '../fixtures/csv/generate.ts';

const HTTP: ToolContext = { today: '2024-04-30' };
/** A local (stdio) context whose allowed folder is `dir` (as RECKONER_FILES_DIR or a client's root would make it). */
const local = (dir: string): ToolContext => {
  const context: ToolContext = { today: '2024-04-30', localFiles: true, allowedDirs: async () => [dir] };
  return context;
};
const fixture = (name: string) => readFileSync(`${FIXTURE_DIR}${name}.csv`);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Validates the input as the adapters do, then calls the handler. */
async function call(input: Record<string, unknown>, context: ToolContext = HTTP): Promise<ParseStatementOutput> {
  const parsed = parseStatementInput.parse(input) as ParseStatementInput;
  return parseStatementOutput.parse(await parseStatementTool.handler(parsed, context));
}

/** The public error a call ends in (what MCP and HTTP both report). */
async function failed(input: Record<string, unknown>, context: ToolContext = HTTP) {
  const parsed = parseStatementInput.parse(input) as ParseStatementInput;
  const error = await Promise.resolve(parseStatementTool.handler(parsed, context)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return toFailure(error);
}

describe('handler', () => {
  test('a fixture in, every row of its truth out, with the summary and the first page', async () => {
    const truth = loadTruth('lloyds');
    const out = await call({ contentBase64: b64(fixture('lloyds')), filename: 'lloyds.csv' });
    expect(out.kind).toBe('bank_statement');
    expect(out.format).toBe('csv');
    expect(out.metadata).toEqual(truth.expected.metadata);
    expect(out.counts).toEqual({ transactions: truth.transactions.length, cmsEntries: 0 });
    expect(out.transactions.map((t) => [t.date, t.description, t.amount, t.direction, t.balance])).toEqual(
      truth.transactions.map((t) => [t.date, t.description, t.amount, t.direction, t.balance]),
    );
    expect(out.page).toMatchObject({ offset: 0, count: truth.transactions.length, total: truth.transactions.length, number: 1, pages: 1 });
    expect(out.page.nextCursor).toBeUndefined();
    const text = parseStatementTool.summarize(out);
    expect(text).toContain(
      'Read a bank statement (CSV, Lloyds, Halifax or Bank of Scotland, layout lloyds_csv): 7 transactions, 2024-08-01 to 2024-08-20; account **-**-78 ****4321.',
    );
    expect(text).toContain('Opening balance £200.00, closing balance -£207.45.');
    expect(text).toContain('Running balance: adds up on every row.');
  });

  test('base64 with a data: prefix and line breaks, and URL-safe base64, read the same', async () => {
    const bytes = fixture('starling');
    const plain = await call({ contentBase64: b64(bytes) });
    const wrapped = b64(bytes).replace(/(.{76})/g, '$1\n');
    expect((await call({ contentBase64: `data:text/csv;base64,${wrapped}` })).transactions).toEqual(plain.transactions);
    expect((await call({ contentBase64: Buffer.from(bytes).toString('base64url') })).transactions).toEqual(plain.transactions);
  });

  test('pages walk the whole statement with stateless cursors; a cursor from other input is refused', async () => {
    const { bytes, truth } = largeStatement(1234);
    const contentBase64 = b64(bytes);
    const seen: ParseStatementOutput['transactions'] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const out = await call({ contentBase64, page: { size: 200, ...(cursor ? { cursor } : {}) } });
      expect(out.counts.transactions).toBe(1234);
      seen.push(...out.transactions);
      cursor = out.page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(seen.map((t) => t.reference)).toEqual(truth.map((t) => t.reference));
    const first = await call({ contentBase64, page: { size: 200 } });
    const other = await failed({ contentBase64: b64(fixture('starling')), page: { cursor: first.page.nextCursor! } });
    expect(other.code).toBe('invalid_input');
    expect(other.details[0]!.field).toBe('page.cursor');
  });

  test('a path is read on a local (stdio) server only; over HTTP the error says to send contentBase64', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reckoner-parse-'));
    const LOCAL = local(dir);
    try {
      const path = join(dir, 'statement.csv');
      writeFileSync(path, fixture('natwest'));
      expect((await call({ path }, LOCAL)).metadata.layout).toBe('natwest_csv');
      const remote = await failed({ path }, HTTP);
      expect(remote).toMatchObject({ code: 'invalid_input', details: [{ field: 'path' }] });
      expect(remote.message).toMatch(/Send the file itself as contentBase64/);
      const missing = await failed({ path: join(dir, 'nope.csv') }, LOCAL);
      expect(missing.message).toMatch(/^path: there is no file at .*nope\.csv; check the path$/);
      const folder = await failed({ path: dir }, LOCAL);
      expect(folder.message).toMatch(/is a folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exactly one of contentBase64 and path; unknown fields and a bad csvMapping are refused by the schema', () => {
    const issues = (input: unknown) => parseStatementInput.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({})).toEqual([['contentBase64', 'is missing; send the file as contentBase64 (or, to a local Reckoner, its path)']]);
    expect(issues({ contentBase64: 'QQ==', path: '/x' })).toEqual([['path', 'give either contentBase64 or path, not both']]);
    expect(issues({ contentBase64: 'QQ==', fileName: 'x' })?.[0]?.[1]).toMatch(/unknown field "fileName"/);
    expect(issues({ contentBase64: 'QQ==', csvMapping: { date: 0, description: 1 } })).toEqual([
      ['csvMapping.amount', 'is missing; give amount (one signed column) or paidOut and paidIn (two columns)'],
    ]);
    expect(issues({ contentBase64: 'QQ==', hint: 'letter' })?.[0]?.[0]).toBe('hint');
  });

  test('parse errors keep their code (through toFailure, as MCP and HTTP report them)', async () => {
    expect(await failed({ contentBase64: '' })).toMatchObject({ code: 'invalid_input', details: [{ field: 'document' }] });
    expect(await failed({ contentBase64: b64(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])) })).toMatchObject({ code: 'parse_failed' });
    const unknown = await failed({ contentBase64: b64(Buffer.from('Posted,Payee,Value\n01/01/2024,X,1\n')) });
    expect(unknown.code).toBe('unsupported');
    expect(unknown.message).toMatch(/^document: This CSV layout is not one Reckoner recognises.*"Posted", "Payee", "Value"/);
  });

  test('a csvMapping that does not fit the file is invalid_input naming the mapping field', async () => {
    const f = await failed({
      contentBase64: b64(Buffer.from('Posted,Payee,Value\n01/01/2024,X,1\n')),
      csvMapping: { date: 'Posted', description: 'Payee', amount: 'Amount' },
    });
    expect(f.code).toBe('invalid_input');
    expect(f.details).toEqual([{ field: 'csvMapping.amount', message: expect.stringMatching(/^names the column "Amount"/) }]);
  });

  test('base64 that is not base64, or decodes to more than 20 MiB, is refused before decoding', () => {
    expect(() => decodeBase64('not base64!')).toThrow(InputError);
    const big = 'A'.repeat(Math.ceil((LIMITS.maxBytes + 3) / 3) * 4);
    expect(() => decodeBase64(big)).toThrow(expect.objectContaining({ code: 'too_large' }));
    expect(() => decodeBase64(big)).toThrow(ParseError);
  });
});

describe('over MCP', () => {
  let client: Client;
  let server: McpServer;

  beforeAll(async () => {
    // As server/mcp.ts registers each tool.
    server = new McpServer({ name: 'reckoner-test', version: '0.0.0' });
    const tool = parseStatementTool;
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        outputSchema: tool.outputSchema,
        annotations: tool.annotations,
      },
      async (input: unknown): Promise<CallToolResult> => {
        try {
          const output = await tool.handler(input as never, HTTP);
          return { content: [{ type: 'text', text: tool.summarize(output) }], structuredContent: output as Record<string, unknown> };
        } catch (error) {
          return { content: [{ type: 'text', text: toFailure(error).message }], isError: true };
        }
      },
    );
    const [a, b] = InMemoryTransport.createLinkedPair();
    await server.connect(b);
    client = new Client({ name: 'test', version: '0.0.0' });
    await client.connect(a);
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  test('listed read-only and idempotent, with every input field described', async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === 'parse_statement')!;
    expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
    const properties = tool.inputSchema.properties as Record<string, { description?: string }>;
    for (const [name, schema] of Object.entries(properties)) expect(schema.description, name).toBeTruthy();
  });

  test('a result carries structured content that the client validates against the output schema', async () => {
    const result = (await client.callTool({
      name: 'parse_statement',
      arguments: { contentBase64: b64(fixture('balance-break')) },
    })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const out = parseStatementOutput.parse(result.structuredContent);
    expect(out.checks.firstBreak).toEqual(loadTruth('balance-break').expected.checks.firstBreak);
    const text = (result.content[0] as { text: string }).text;
    expect(text).toContain('Running balance: does NOT add up; first at row 4 (2024-05-14): expected £2,625.82, printed £2,595.83.');
  });

  test('an error is text only, with the message that says what to do', async () => {
    const result = (await client.callTool({
      name: 'parse_statement',
      arguments: { contentBase64: b64(Buffer.from('a,b\n1,2\n')) },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect((result.content[0] as { text: string }).text).toMatch(/csvMapping/);
  });
});

describe('POST /api/v1/parse-statement', () => {
  // As createApp should be arranged: the app-wide 1 MiB limit skips this route, which has its own.
  const app = new Hono();
  const globalLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: (c) => c.json({ error: { code: 'too_large', message: 'global', details: [] } }, 413),
  });
  app.use('*', (c, next) => (c.req.path === PARSE_ROUTE ? next() : globalLimit(c, next)));
  registerParseRoute(app, () => HTTP);
  const URL = `http://127.0.0.1:8787${PARSE_ROUTE}`;

  async function expectError(response: Response, status: number, code: string) {
    const body = (await response.json()) as { error: { code: string; message: string; details: { field: string; message: string }[] } };
    expect(response.status, JSON.stringify(body)).toBe(status);
    expect(body.error.code).toBe(code);
    return body.error;
  }

  test('JSON, exactly as the tool', async () => {
    const response = await app.request(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentBase64: b64(fixture('monzo')) }),
    });
    expect(response.status).toBe(200);
    const out = parseStatementOutput.parse(await response.json());
    expect(out.counts.transactions).toBe(loadTruth('monzo').transactions.length);
  });

  test('the raw file, with options in the query and the password in a header', async () => {
    const mapping = encodeURIComponent(JSON.stringify(loadTruth('custom-crdr').csvMapping));
    const response = await app.request(`${URL}?filename=x.csv&hint=bank_statement&size=2&csvMapping=${mapping}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', 'x-document-password': 'unused' },
      body: fixture('custom-crdr'),
    });
    expect(response.status).toBe(200);
    const out = parseStatementOutput.parse(await response.json());
    expect(out.metadata.layout).toBe('custom_csv');
    expect(out.transactions).toHaveLength(2);
    expect(out.page.nextCursor).toBeDefined();
    const next = await app.request(`${URL}?filename=x.csv&hint=bank_statement&size=2&csvMapping=${mapping}&cursor=${out.page.nextCursor}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: fixture('custom-crdr'),
    });
    expect(parseStatementOutput.parse(await next.json()).transactions.map((t) => t.reference)).toEqual(['R0003', 'R0004']);
  });

  test('multipart/form-data with a file field, larger than the app-wide 1 MiB limit', async () => {
    const { bytes } = largeStatement(15_000);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/csv' }), 'big.csv');
    form.append('size', '10');
    const response = await app.request(URL, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const out = parseStatementOutput.parse(await response.json());
    expect(out.counts.transactions).toBe(15_000);
    expect(out.transactions).toHaveLength(10);
  });

  test('errors: 400 for bad requests, 413 for too large, 422 for what cannot be read, 405 for GET', async () => {
    await expectError(
      await app.request(URL, { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' }),
      400,
      'invalid_input',
    );
    await expectError(
      await app.request(URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      400,
      'invalid_input',
    );
    const path = await expectError(
      await app.request(URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: '/etc/passwd' }),
      }),
      400,
      'invalid_input',
    );
    expect(path.details[0]!.field).toBe('path');
    const form = new FormData();
    form.append('file', 'just text');
    expect((await expectError(await app.request(URL, { method: 'POST', body: form }), 400, 'invalid_input')).details[0]!.field).toBe(
      'file',
    );
    const query = await expectError(
      await app.request(`${URL}?hint=letter`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a' }),
      400,
      'invalid_input',
    );
    expect(query.details[0]!.field).toBe('hint');
    await expectError(
      await app.request(`${URL}?csvMapping={`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a' }),
      400,
      'invalid_input',
    );
    await expectError(
      await app.request(URL, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(LIMITS.maxBytes + 1),
      }),
      413,
      'too_large',
    );
    await expectError(
      await app.request(URL, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'Posted,Payee\n1,2\n' }),
      422,
      'unsupported',
    );
    await expectError(
      await app.request(URL, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1]),
      }),
      422,
      'parse_failed',
    );
    const get = await app.request(URL);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  test('a body past the route’s own limit is 413 without being read', async () => {
    const response = await app.request(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(64 * 1024 * 1024) },
      body: 'x',
    });
    await expectError(response, 413, 'too_large');
  });
});

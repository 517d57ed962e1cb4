/**
 * Case data is private: nothing of a case reaches the logs. A whole dispute (a case with a withheld
 * address, a statement, an event, a schedule, a reconciliation, an export, refused requests and a
 * deletion) is run through real `bin/reckoner` processes, over HTTP and over stdio, and everything the
 * process wrote to stderr is searched for every private value that went in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { RECKONER, spawnReckoner, stop, stopAll, textOf, waitForStderr } from './helpers.ts';

/** Every value here is private; none may appear in a log. */
const SECRETS = {
  payingName: 'Zanzibar Quillfeather',
  receivingName: 'Ottoline Brackenbury',
  address: '7 Hiddenmoor Lane, Nowhereton ZZ9 9QQ',
  email: 'ottoline.brackenbury@example.org',
  phone: '07700 900456',
  child: 'Perpetua Quillfeather',
  reference: '121654321098',
  payment: 'QUILLFEATHER MAINT',
  shop: 'NOWHERETON PHARMACY',
  event: 'Caseworker Hollowbrook said the arrears were wrong',
  badRow: 'BRACKENBURY-BAD-ROW',
  title: 'Quillfeather dispute',
};

const STATEMENT = [
  'Date,Description,Amount,Balance',
  `05/02/2024,${SECRETS.payment},-100.00,900.00`,
  `06/02/2024,${SECRETS.shop},-12.34,887.66`,
  `05/03/2024,${SECRETS.payment},-100.00,787.66`,
  '',
].join('\n');
const BAD_STATEMENT = ['Date,Description,Amount,Balance', `31/02/2024,${SECRETS.badRow},-100.00,900.00`, ''].join('\n');
const MAPPING = { date: 'Date', description: 'Description', amount: 'Amount', balance: 'Balance' };
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const CASE = {
  title: SECRETS.title,
  side: 'paying',
  reference: SECRETS.reference,
  frequency: 'monthly',
  firstDueDate: '2024-02-05',
  parties: [
    { role: 'paying_parent', name: SECRETS.payingName },
    {
      role: 'receiving_parent',
      name: SECRETS.receivingName,
      address: SECRETS.address,
      addressWithheld: true,
      email: SECRETS.email,
      phone: SECRETS.phone,
    },
  ],
  children: [{ name: SECRETS.child, dateOfBirth: '2015-06-01' }],
  decisions: [{ label: 'initial', effectiveDate: '2024-02-05', weeklyAmount: 23.08 }],
};

/** Runs the whole dispute through `call`, which answers each tool with its result or throws its error text. */
async function dispute(call: (tool: string, args: Record<string, unknown>) => Promise<Record<string, unknown>>): Promise<void> {
  const created = await call('create_case', CASE);
  const caseId = created.id as string;
  await call('import_document', { caseId, contentBase64: b64(STATEMENT), filename: `${SECRETS.payingName}.csv`, csvMapping: MAPPING });
  await call('import_document', { caseId, contentBase64: b64(STATEMENT), filename: 'again.csv', csvMapping: MAPPING });
  await call('record_event', { caseId, type: 'call', date: '2024-03-10', summary: SECRETS.event });
  await call('build_case_schedule', { caseId, asOf: '2024-03-31' });
  await call('reconcile_case', { caseId, asOf: '2024-03-31', bankFilter: { descriptionContains: ['QUILLFEATHER'] } });
  const exported = await call('export_case', { caseId });
  expect(JSON.stringify(exported)).toContain(SECRETS.address); // the export is the parent's own copy: everything
  // Refused requests, whose messages go back to the caller and never to a log.
  await expect(call('import_document', { caseId, contentBase64: b64(BAD_STATEMENT), csvMapping: MAPPING })).rejects.toThrow();
  await expect(call('create_case', { ...CASE, side: SECRETS.receivingName })).rejects.toThrow();
  await call('delete_case', { caseId });
  await expect(call('get_case', { caseId })).rejects.toThrow(/no case/);
}

function expectNothingPrivate(log: string): void {
  for (const [what, value] of Object.entries(SECRETS)) expect(log, `${what} appeared in the log`).not.toContain(value);
  // Nor the parts of a value that could identify someone on their own.
  for (const word of ['Quillfeather', 'Brackenbury', 'Hiddenmoor', 'Nowhereton', '900456', '121654321098', '1216 5432']) {
    expect(log).not.toContain(word);
  }
}

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reckoner-private-'));
  dirs.push(dir);
  return dir;
};
afterEach(stopAll);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('nothing of a case in the logs', () => {
  test('bin/reckoner serve, the JSON API', async () => {
    const env = { PATH: process.env.PATH!, HOME: dataDir(), RECKONER_DATA_DIR: dataDir() };
    const child = spawnReckoner(['serve', '--port', '0'], { env });
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const [, port] = await waitForStderr(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
    await dispute(async (tool, args) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/${tool.replaceAll('_', '-')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = (await response.json()) as Record<string, unknown> & { error?: { message: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      return body;
    });
    expect(await stop(child)).toBe(0);
    expectNothingPrivate(log);
    // All it said: that it was listening.
    expect(log.trim().split('\n')).toEqual([expect.stringMatching(/^reckoner \S+ listening on http:\/\/127\.0\.0\.1:\d+$/)]);
  }, 60_000);

  test('bin/reckoner mcp, over stdio', async () => {
    const env = { PATH: process.env.PATH!, HOME: dataDir(), RECKONER_DATA_DIR: dataDir() };
    const transport = new StdioClientTransport({ command: RECKONER, args: ['mcp'], env, stderr: 'pipe' });
    let log = '';
    transport.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const client = new Client({ name: 'reckoner-test', version: '0.0.0' });
    await client.connect(transport);
    try {
      await dispute(async (tool, args) => {
        const result = (await client.callTool({ name: tool, arguments: args })) as CallToolResult;
        const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
        if (result.isError) throw new Error(text);
        return result.structuredContent as Record<string, unknown>;
      });
    } finally {
      await client.close();
    }
    expectNothingPrivate(log);
    expect(log).toBe('');
  }, 60_000);
});

describe('RECKONER_ENCRYPTION_KEY through bin/reckoner mcp', () => {
  async function session(
    env: Record<string, string>,
    run: (call: (tool: string, args: object) => Promise<CallToolResult>) => Promise<void>,
  ) {
    const transport = new StdioClientTransport({
      command: RECKONER,
      args: ['mcp'],
      env: { PATH: process.env.PATH!, ...env },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'reckoner-test', version: '0.0.0' });
    await client.connect(transport);
    try {
      await run(
        async (tool, args) => (await client.callTool({ name: tool, arguments: args as Record<string, unknown> })) as CallToolResult,
      );
    } finally {
      await client.close();
    }
  }

  test('a case saved with the key needs the key; a bad key is named; calculations never need one', async () => {
    const dir = dataDir();
    const key = Buffer.alloc(32, 7).toString('base64');
    let caseId = '';
    await session({ HOME: dir, RECKONER_DATA_DIR: dir, RECKONER_ENCRYPTION_KEY: key }, async (call) => {
      const created = await call('create_case', CASE);
      expect(created.isError ?? false, textOf(created)).toBe(false);
      caseId = (created.structuredContent as { id: string }).id;
      const got = await call('get_case', { caseId });
      expect((got.structuredContent as { parties: { name: string }[] }).parties[1]!.name).toBe(SECRETS.receivingName);
    });
    await session({ HOME: dir, RECKONER_DATA_DIR: dir }, async (call) => {
      const got = await call('get_case', { caseId });
      expect(got.isError).toBe(true);
      expect(textOf(got)).toMatch(/^RECKONER_ENCRYPTION_KEY: this case's private details are encrypted/);
    });
    await session({ HOME: dir, RECKONER_DATA_DIR: dir, RECKONER_ENCRYPTION_KEY: 'not-a-key' }, async (call) => {
      const created = await call('create_case', CASE);
      expect(created.isError).toBe(true);
      expect(textOf(created)).toMatch(/^RECKONER_ENCRYPTION_KEY: must be a 32-byte key .*openssl rand -base64 32/);
      // £1,000 a week, 2 children: 800 × 16% + 200 × 12% = £152 (CSA 1991 Sch 1 para 2(1)).
      const calc = await call('calculate_maintenance', {
        date: '2026-04-06',
        payingParent: { grossWeeklyIncome: 1000 },
        receivingParents: [{ children: [{}, {}] }],
      });
      expect(calc.structuredContent).toMatchObject({ weeklyAmount: '152.00' });
    });
  }, 60_000);
});

/**
 * Issue 11's first attack, replayed through a real HTTP server on a real PGlite store: with two organisations'
 * tokens, the second organisation's token cannot list, read (the withheld address included), export, change or
 * delete a case the first made — through the JSON API, MCP tools or MCP resources. It is told 403 forbidden (the
 * case is another organisation's), a case that never was is 404, and neither answer shows anything of the case.
 * The audit log names the principal who made each change.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, DRIVERS } from '../store/helpers.ts';
import { startHttp, textOf, type RunningHttp } from './helpers.ts';

const ALICE = 'acme:alice:a-secret-for-acme-0123456789abcdefXYZ';
const ANNE = 'acme:anne:another-secret-for-acme-0123456789abc';
const BOB = 'bravo:bob:a-secret-for-bravo-0123456789abcdefXY';
const NEVER = '0f8fad5b-d9cb-469f-a165-70867728950e';

afterAll(cleanup);

describe.each(DRIVERS)('two organisations on one server, on $name', (driver) => {
  let http: RunningHttp;
  let store: CaseStore;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await driver.fresh();
    drop = fresh.drop;
    store = await openStore(fresh.options);
    http = await startHttp({ apiTokens: [ALICE, ANNE, BOB], store: async () => store });
  }, 60_000);

  afterAll(async () => {
    await http?.close();
    await store?.close();
    await drop?.();
  });

  async function api(token: string, tool: string, body: unknown): Promise<{ status: number; body: Record<string, any> }> {
    const response = await fetch(`${http.origin}/api/v1/${tool}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  async function mcp(token: string): Promise<Client> {
    const client = new Client({ name: 'tenancy-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL('/mcp', http.origin), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
    );
    return client;
  }

  let caseId: string;

  beforeAll(async () => {
    const created = await api(ALICE, 'create-case', {
      title: 'Acme client',
      side: 'receiving',
      parties: [{ role: 'receiving_parent', name: 'Sam Example', address: '1 Refuge Road', addressWithheld: true }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    caseId = created.body.id;
    const added = await api(ANNE, 'add-decision', { caseId, decision: { effectiveDate: '2024-01-01', weeklyAmount: '50.00' } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
  });

  test('the other organisation is refused with 403 through every API route, and learns nothing of the case', async () => {
    expect((await api(BOB, 'list-cases', {})).body).toMatchObject({ total: 0, cases: [] });
    for (const [tool, body] of [
      ['get-case', { caseId }],
      ['export-case', { caseId }],
      ['add-decision', { caseId, decision: { effectiveDate: '2024-02-01', weeklyAmount: '1.00' } }],
      ['record-event', { caseId, type: 'note', date: '2024-03-01', summary: 'x' }],
      ['reconcile-case', { caseId, asOf: '2024-03-01' }],
      ['check-income-change', { caseId, currentIncome: { grossWeeklyIncome: 600 } }],
    ] as const) {
      const theirs = await api(BOB, tool, body);
      const never = await api(BOB, tool, { ...body, caseId: NEVER });
      expect([theirs.status, never.status], tool).toEqual([403, 404]);
      expect(theirs.body).toEqual({
        error: {
          code: 'forbidden',
          message: expect.any(String),
          details: [
            {
              field: 'caseId',
              message: `case ${caseId} belongs to another organisation; your token's organisation cannot see or change it (list_cases shows yours)`,
            },
          ],
        },
      });
      expect(never.body.error.code).toBe('not_found');
    }
    expect((await api(BOB, 'delete-case', { caseId })).status).toBe(403);
    expect((await api(BOB, 'delete-case', { caseId: NEVER })).body).toEqual({ caseId: NEVER, deleted: false });
    // The case is untouched, and its own organisation sees it (get_case leaves the withheld address out; the
    // organisation's own export carries it).
    expect((await api(ANNE, 'get-case', { caseId })).body).toMatchObject({ title: 'Acme client', counts: { decisions: 1 } });
    expect(JSON.stringify((await api(ANNE, 'export-case', { caseId })).body)).toContain('1 Refuge Road');
  });

  test('MCP tools and resources show the other organisation nothing', async () => {
    const bob = await mcp(BOB);
    try {
      const listed = (await bob.callTool({ name: 'list_cases', arguments: {} })) as CallToolResult;
      expect(listed.structuredContent).toMatchObject({ total: 0 });
      const read = (await bob.callTool({ name: 'get_case', arguments: { caseId } })) as CallToolResult;
      expect(read.isError).toBe(true);
      expect(textOf(read)).not.toContain('Refuge');
      expect((await bob.listResources()).resources.filter((r) => r.uri.includes(caseId))).toEqual([]);
      await expect(bob.readResource({ uri: `reckoner://cases/${caseId}` })).rejects.toThrow(/belongs to another organisation/);
      // Its lines too: refused, not read as an empty list.
      await expect(bob.readResource({ uri: `reckoner://cases/${caseId}/entries` })).rejects.toThrow(/belongs to another organisation/);
    } finally {
      await bob.close();
    }
    const alice = await mcp(ALICE);
    try {
      expect((await alice.listResources()).resources.some((r) => r.uri === `reckoner://cases/${caseId}`)).toBe(true);
    } finally {
      await alice.close();
    }
  });

  test('the audit log names who made each change and who exported the case; the other organisation sees none of it', async () => {
    const entries = await store.as({ id: 'alice', organisation: 'acme' }).auditLog(caseId);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['case_created', 'alice'],
      ['decision_added', 'anne'],
      ['case_exported', 'anne'], // the first test's export: reading everything is recorded too
    ]);
    expect(await store.as({ id: 'bob', organisation: 'bravo' }).auditLog(caseId)).toEqual([]);
  });
});

/**
 * A large JSON body of tiny values is refused before it is parsed (server/json-values.ts): JSON.parse takes time by
 * the value, and a security audit stalled the whole server for 20 to 58 seconds with 27 MiB of `[0,0,0,…]` sent to
 * a route whose byte limit allowed it. Real HTTP, the real app: every large route (import-document, import-case,
 * parse-statement's JSON, /mcp calling import_case or parse_statement) answers 413 `too_large` naming the limit, and
 * legitimate large requests (a document, a case export) still go through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_EXPORT_MAX_JSON_VALUES, DOCUMENT_MAX_JSON_VALUES, jsonValuesOver } from '../../server/json-values.ts';
import { lazyStore, type LazyStore } from '../../store/open.ts';
import { CASE_LIMITS } from '../../store/repository/limits.ts';
import { bankStatement, documentInfo, freshDataDir } from '../store/helpers.ts';
import { DATE, startHttp, type RunningHttp } from './helpers.ts';

describe('counting the values of a JSON text before parsing it', () => {
  it('counts each comma, [ and { outside strings, and stops past the limit', () => {
    expect(jsonValuesOver('[0,0,0]', 3)).toBe(false); // [ , ,
    expect(jsonValuesOver('[0,0,0,0]', 3)).toBe(true);
    expect(jsonValuesOver('{"a":[{},{}]}', 5)).toBe(false); // { [ { , {
    expect(jsonValuesOver('{"a":[{},{}]}', 4)).toBe(true);
  });

  it('counts a string as nothing, whatever it holds, escaped quotes included', () => {
    expect(jsonValuesOver(JSON.stringify({ s: ',,,[[[{{{' }), 1)).toBe(false);
    expect(jsonValuesOver(JSON.stringify({ s: 'a\\",[,[,{"' }), 1)).toBe(false);
    expect(jsonValuesOver(JSON.stringify({ s: 'x'.repeat(1_000_000) }), 1)).toBe(false);
    expect(jsonValuesOver(JSON.stringify({ s: 'ab\\', t: [1, 2] }), 2)).toBe(true);
  });

  it('tells an escaped quote from a closing one after any run of backslashes', () => {
    // "x\\" closes after two backslashes (one escaped); "x\"" after the escaped quote; "\\\" never closes.
    expect(jsonValuesOver(JSON.stringify({ a: 'x\\', b: [1, 2] }), 3)).toBe(true);
    expect(jsonValuesOver(JSON.stringify({ a: 'x\\\\', b: [1, 2] }), 3)).toBe(true);
    expect(jsonValuesOver(JSON.stringify({ a: 'x"', b: [1, 2] }), 3)).toBe(true);
    expect(jsonValuesOver(JSON.stringify({ a: 'x\\"', b: [1, 2] }), 4)).toBe(false);
    expect(jsonValuesOver('"\\\\\\", [1, 2]', 0)).toBe(false);
    expect(jsonValuesOver(`{"a":"${'\\"'.repeat(1000)}\\\\",${'0,'.repeat(10)}0}`, 10)).toBe(true);
  });

  it('leaves room for an export of a case at every row limit, 30 values a row', () => {
    const rows = Object.values(CASE_LIMITS).reduce((n, kind) => n + kind.max, 0);
    expect(CASE_EXPORT_MAX_JSON_VALUES).toBeGreaterThanOrEqual(30 * rows);
  });
});

describe('large bodies of tiny values over HTTP', () => {
  let http: RunningHttp;
  let lazy: LazyStore;
  beforeAll(async () => {
    lazy = lazyStore({ dataDir: await freshDataDir() });
    // A small limit of 256 KiB, so that a real case export here counts as large and goes through the count.
    http = await startHttp({ store: lazy.store, today: () => DATE, maxBodyBytes: 256 * 1024 });
  });
  afterAll(async () => {
    await http?.close();
    await lazy?.close();
  });

  const post = async (path: string, body: string) => {
    const response = await fetch(`${http.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body,
    });
    return {
      status: response.status,
      json: (await response.json()) as { error?: { code: string; message: string } } & Record<string, unknown>,
    };
  };
  /** `[0,0,…]` holding just over `max` values. */
  const zeros = (max: number) => `[${'0,'.repeat(max + 1)}0]`;
  const caseId = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('refuses a document request of more values than a document needs, before parsing it', async () => {
    const body = `{"caseId":"${caseId}","contentBase64":"","x":${zeros(DOCUMENT_MAX_JSON_VALUES + 200_000)}}`;
    const answer = await post('/api/v1/import-document', body);
    expect(answer.status).toBe(413);
    expect(answer.json.error).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(
        /^The request body holds more than 10,000 JSON values, more than a import_document request needs; send the document as one base64 string/,
      ),
    });
    const parse = await post('/api/v1/parse-statement', body);
    expect(parse.status).toBe(413);
    expect(parse.json.error).toMatchObject({ code: 'too_large', message: expect.stringContaining('more than 10,000 JSON values') });
    const mcp = await post(
      '/mcp',
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'parse_statement', arguments: { contentBase64: '' } },
      }).replace('"contentBase64":""', `"contentBase64":"","x":${zeros(DOCUMENT_MAX_JSON_VALUES + 200_000)}`),
    );
    expect(mcp.status).toBe(413);
    expect(mcp.json.error).toMatchObject({ code: 'too_large', message: expect.stringContaining('more than 10,000 JSON values') });
  });

  it('refuses an import_case request of more values than an export of a case at its limits holds', async () => {
    const flood = `{"format":"reckoner-case-export","x":${zeros(CASE_EXPORT_MAX_JSON_VALUES)}}`;
    const answer = await post('/api/v1/import-case', `{"export":${flood}}`);
    expect(answer.status).toBe(413);
    expect(answer.json.error).toMatchObject({ code: 'too_large', message: expect.stringContaining('more than 4,500,000 JSON values') });
    const mcp = await post(
      '/mcp',
      `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"import_case","arguments":{"export":${flood}}}}`,
    );
    expect(mcp.status).toBe(413);
    expect(mcp.json.error).toMatchObject({ code: 'too_large', message: expect.stringContaining('more than 4,500,000 JSON values') });
  });

  it('still takes a large document and a large case export', async () => {
    const made = await post('/api/v1/create-case', JSON.stringify({ title: 'Large', side: 'paying' }));
    expect(made.status).toBe(200);
    const id = made.json.id as string;
    // A CSV of 3,000 lines, over the small limit once in base64: one string, a handful of values.
    const lines = ['Date,Description,Amount,Balance'];
    for (let i = 0; i < 3000; i++)
      lines.push(`0${1 + (i % 9)}/03/2024,SHOP NUMBER ${i} WITH A MUCH LONGER NAME THAN MOST,-1.00,${(9000 - i).toFixed(2)}`);
    const csv = `${lines.join('\n')}\n`;
    const document = JSON.stringify({
      caseId: id,
      contentBase64: Buffer.from(csv).toString('base64'),
      filename: 'large.csv',
      csvMapping: { date: 'Date', description: 'Description', amount: 'Amount', balance: 'Balance' },
    });
    expect(document.length).toBeGreaterThan(256 * 1024);
    const imported = await post('/api/v1/import-document', document);
    expect(imported.status).toBe(200);
    expect(imported.json).toMatchObject({ caseId: id, new: 3000 });

    // More rows straight into the store, then the case's own export back in as a new case.
    await (await lazy.store()).importParsed(id, documentInfo('more'), bankStatement({ count: 2000, account: 'more' }));
    const exported = await post('/api/v1/export-case', JSON.stringify({ caseId: id }));
    expect(exported.status).toBe(200);
    const body = JSON.stringify({ export: exported.json.export });
    expect(body.length).toBeGreaterThan(256 * 1024);
    // The export keeps the case's id: the case goes first (as on another server).
    expect((await post('/api/v1/delete-case', JSON.stringify({ caseId: id }))).status).toBe(200);
    const again = await post('/api/v1/import-case', body);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ counts: { transactions: 5000 } });
  }, 120_000);
});

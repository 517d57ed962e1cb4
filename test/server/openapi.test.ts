/**
 * `/openapi.json` (server/openapi.ts) is a valid OpenAPI 3.1 document (checked by @seriousme/openapi-schema-validator
 * against the official 3.1 schema, every `$ref` resolved, every schema compiled as JSON Schema 2020-12 by Ajv); it
 * documents exactly the routes the Hono app answers (app.routes walked, both ways); and real responses of the app —
 * the GOV.UK example, each error status, the raw upload in every documented content type — match what it says.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Hono } from 'hono';
import { createApp } from '../../server/http.ts';
import { errorResponse, failureOf } from '../../server/errors.ts';
import { CaseWorkLimiter } from '../../server/case-work.ts';
import { ParsePool } from '../../statements/worker/pool.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { DOWNLOAD_TYPES, FILES_ROUTE, RAW_UPLOAD_TYPES, openApiDocument } from '../../server/openapi.ts';
import { TOOLS } from '../../tools/index.ts';
import { ERROR_CODES } from '../../server/errors.ts';
import { routeName } from '../../tools/tool.ts';
import { EXAMPLES, validInput } from './helpers.ts';

const BASE = 'http://127.0.0.1:8787';
const TOKEN = 'advice:alice:test-secret-0123456789abcdef0123';
const app = createApp({ host: '127.0.0.1', port: 8787 });
const secured = createApp({ host: '127.0.0.1', port: 8787, apiTokens: [TOKEN] });

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

async function served(target = app, headers: Record<string, string> = {}): Promise<Json> {
  const response = await target.request(`${BASE}/openapi.json`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as Json;
}

/** The value a local `$ref` (`#/a/b`) points at, or undefined. */
function pointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined;
    node = (node as Json)[part];
  }
  return node;
}

/** Every `$ref` string anywhere in a value. */
function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsIn(value, out);
    }
  }
  return out;
}

const doc = openApiDocument() as Json;

/**
 * Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) holding the document's schemas under `$defs` of one
 * schema, so a response schema's `#/components/schemas/…` references resolve.
 */
const SCHEMAS_ID = 'urn:reckoner:openapi';
const toAjvRefs = (node: unknown): unknown =>
  JSON.parse(JSON.stringify(node).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`)) as unknown;
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
addFormats(ajv);
ajv.addSchema({ $id: SCHEMAS_ID, $defs: toAjvRefs(doc.components.schemas) as Json });

const compiled = new Map<string, ValidateFunction>();
function validatorFor(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(toAjvRefs(schema) as Json);
    compiled.set(key, validate);
  }
  return validate;
}

/** A response object, following a `$ref` to components.responses. */
function resolveResponse(response: Json): Json {
  return response.$ref ? (pointer(doc, response.$ref as string) as Json) : response;
}

/** Checks a real response against what the document says `method path` answers with that status. */
async function conforms(response: Response, path: string, method: string): Promise<unknown> {
  const operation = doc.paths[path]?.[method] as Json | undefined;
  expect(operation, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
  const documented = operation!.responses[String(response.status)] as Json | undefined;
  expect(documented, `${method.toUpperCase()} ${path} documents status ${response.status}`).toBeDefined();
  const { content } = resolveResponse(documented!);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!content) return undefined;
  expect(Object.keys(content), `${method.toUpperCase()} ${path} ${response.status} documents ${type}`).toContain(type);
  if (type !== 'application/json') return undefined;
  const body = (await response.json()) as unknown;
  const validate = validatorFor(content[type].schema as Json);
  expect(
    validate(body),
    `${method.toUpperCase()} ${path} ${response.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
  ).toBe(true);
  return body;
}

describe('/openapi.json is a valid OpenAPI 3.1 document', () => {
  test('the official 3.1 schema accepts it (@seriousme/openapi-schema-validator)', async () => {
    const body = await served();
    expect(body).toEqual(doc);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(body));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 3000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  test('every $ref points at something in the document', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(TOOLS.length * 2);
    const broken = [...new Set(refs)].filter((ref) => pointer(doc, ref) === undefined);
    expect(broken).toEqual([]);
  });

  test('every schema is valid JSON Schema 2020-12 (Ajv compiles it against the meta-schema)', () => {
    const names = Object.keys(doc.components.schemas as Json);
    for (const name of names) {
      expect(() => validatorFor({ $ref: `#/components/schemas/${name}` }), name).not.toThrow();
    }
    // And every schema written inline in a path (parameters, bodies, responses).
    const inline: Json[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'schema' && value !== null && typeof value === 'object') inline.push(value as Json);
          else collect(value);
        }
      }
    };
    collect(doc.paths);
    collect(doc.components.responses);
    expect(inline.length).toBeGreaterThan(TOOLS.length * 2);
    for (const schema of inline) expect(() => validatorFor(schema), JSON.stringify(schema).slice(0, 200)).not.toThrow();
  });

  test('operation ids are unique', () => {
    const ids = Object.values(doc.paths as Json).flatMap((item: Json) =>
      METHODS.flatMap((m) => (item[m] ? [item[m].operationId as string] : [])),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });
});

describe('the document and the routes the app answers are the same', () => {
  /** Hono's routes, without the middleware registered for every path (`/*`); `:id` written as OpenAPI's `{id}`. */
  function appRoutes(target = app): { method: string; path: string }[] {
    return target.routes
      .filter((route) => !route.path.endsWith('*'))
      .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:([A-Za-z_]\w*)/g, '{$1}') }));
  }

  test('every route of the app is documented, with its method', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(TOOLS.length * 2);
    for (const { method, path } of routes) {
      const item = doc.paths[path] as Json | undefined;
      expect(item, `${path} is in /openapi.json`).toBeDefined();
      if (method === 'all') {
        // A catch-all beside a route: the other methods get 405, which the document shows.
        const operations = METHODS.filter((m) => item![m]);
        expect(operations.length, path).toBeGreaterThan(0);
        const statuses = operations.flatMap((m) => Object.keys(item![m].responses as Json));
        expect(statuses, `${path} documents the 405 its catch-all answers`).toContain('405');
      } else {
        expect(item![method], `${method.toUpperCase()} ${path} is in /openapi.json`).toBeDefined();
      }
    }
  });

  test('every documented operation is answered by a route of the app', () => {
    const routes = appRoutes();
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const method of METHODS.filter((m) => (item as Json)[m])) {
        const answered = routes.some((r) => r.path === path && (r.method === method || r.method === 'all'));
        expect(answered, `${method.toUpperCase()} ${path} is a route of the app`).toBe(true);
      }
    }
  });

  test('every tool of the registry has its POST route, with its input and output schemas', () => {
    for (const tool of TOOLS) {
      const operation = doc.paths[`/api/v1/${routeName(tool.name)}`]?.post as Json | undefined;
      expect(operation, tool.name).toBeDefined();
      expect(operation!.operationId).toBe(tool.name);
      expect(operation!.requestBody.content['application/json'].schema).toEqual({ $ref: `#/components/schemas/${tool.name}.input` });
      expect(operation!.responses['200'].content['application/json'].schema).toEqual({
        $ref: `#/components/schemas/${tool.name}.output`,
      });
      for (const status of ['400', '401', '403', '404', '405', '413', '422'])
        expect(operation!.responses[status], `${tool.name} ${status}`).toBeDefined();
    }
  });

  test('the documented routes beyond the tools', () => {
    for (const path of ['/healthz', '/openapi.json', '/', '/assets/{name}', FILES_ROUTE]) expect(doc.paths[path]?.get, path).toBeDefined();
    expect(
      Object.keys(doc.paths['/mcp'] as Json)
        .filter((k) => (METHODS as readonly string[]).includes(k))
        .sort(),
    ).toEqual(['delete', 'get', 'post']);
    // The raw upload: JSON, multipart and each raw file type.
    const upload = doc.paths['/api/v1/parse-statement'].post.requestBody.content as Json;
    expect(Object.keys(upload).sort()).toEqual(['application/json', 'multipart/form-data', ...RAW_UPLOAD_TYPES].sort());
    expect(upload['multipart/form-data'].schema.required).toEqual(['file']);
    // The options of the raw form: query parameters (the password also as a header).
    const parameters = (doc.paths['/api/v1/parse-statement'].post.parameters as Json[]).map((p) => `${p.in}:${p.name}`);
    expect(parameters.sort()).toEqual(
      [
        'query:filename',
        'query:hint',
        'query:cursor',
        'query:size',
        'query:csvMapping',
        'query:password',
        'header:X-Document-Password',
      ].sort(),
    );
    // The download: the three kinds of file, named by Content-Disposition.
    const download = doc.paths[FILES_ROUTE].get.responses['200'] as Json;
    expect(Object.keys(download.content as Json).sort()).toEqual([...DOWNLOAD_TYPES].sort());
    expect(download.headers['Content-Disposition']).toBeDefined();
  });
});

describe('errors and security, as documented', () => {
  test('one error body, its code one of ERROR_CODES, each status naming its codes', () => {
    const schemas = doc.components.schemas as Json;
    expect(schemas.ErrorCode.enum).toEqual([...ERROR_CODES]);
    expect(schemas.ErrorCode.enum).toEqual(expect.arrayContaining(['forbidden', 'internal']));
    expect(schemas.Error.properties.error.required).toEqual(['code', 'message', 'details']);
    expect(schemas.Error.properties.error.properties.details.items).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(schemas.Problem.required).toEqual(['field', 'message']);
    const byStatus: Record<string, string[]> = {
      '400': ['invalid_input'],
      '401': ['unauthorized'],
      '403': ['forbidden'],
      '404': ['not_found'],
      '405': ['unsupported'],
      '409': ['conflict'],
      '413': ['too_large'],
      '422': ['unsupported', 'parse_failed'],
      '500': ['internal'],
    };
    const tool = doc.paths['/api/v1/calculate-maintenance'].post.responses as Json;
    for (const [status, codes] of Object.entries(byStatus)) {
      const response = resolveResponse(tool[status] as Json);
      const schema = response.content['application/json'].schema as Json;
      expect(schema.allOf[0]).toEqual({ $ref: '#/components/schemas/Error' });
      expect([...schema.allOf[1].properties.error.properties.code.enum].sort(), status).toEqual([...codes].sort());
    }
  });

  test('the bearer scheme: described, applied (optionally) everywhere but the open routes', () => {
    const bearer = doc.components.securitySchemes.bearer as Json;
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(bearer.description).toContain('RECKONER_API_TOKENS');
    // Optional: a server without tokens needs none.
    expect(doc.security).toEqual([{ bearer: [] }, {}]);
    for (const path of ['/healthz', '/', '/assets/{name}']) expect(doc.paths[path].get.security, path).toEqual([]);
  });

  test('what a secured server does matches: /openapi.json and the API need the token, /healthz does not', async () => {
    const refused = await secured.request(`${BASE}/openapi.json`);
    expect(refused.status).toBe(401);
    await conforms(refused, '/openapi.json', 'get');
    expect(await served(secured, { authorization: `Bearer ${TOKEN}` })).toEqual(doc);
    const noToken = await secured.request(`${BASE}/api/v1/calculate-maintenance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(EXAMPLES.reducedRate),
    });
    expect(noToken.status).toBe(401);
    expect(await conforms(noToken, '/api/v1/calculate-maintenance', 'post')).toMatchObject({ error: { code: 'unauthorized' } });
    const health = await secured.request(`${BASE}/healthz`);
    expect(health.status).toBe(200);
    await conforms(health, '/healthz', 'get');
  });
});

describe('real responses match the document', () => {
  const ROUTE = '/api/v1/calculate-maintenance';
  const post = (body: unknown, init: RequestInit = {}, path = ROUTE): Promise<Response> =>
    Promise.resolve(
      app.request(`${BASE}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );

  test('200: the GOV.UK example, £22.00 a week, fits the output schema', async () => {
    const response = await post(EXAMPLES.reducedRate);
    expect(response.status).toBe(200);
    // GOV.UK calculator test "example on p23" of the CMS leaflet: £7 + (£173 − £100) × 21.2% = £22.476 → £22.00.
    expect(await conforms(response, ROUTE, 'post')).toMatchObject({ rate: 'reduced', weeklyAmount: '22.00' });
  });

  test('400, 403, 404, 405, 413 and 422 each fit their documented response', async () => {
    const cases: [Response | Promise<Response>, number, string, string, string][] = [
      [post({ ...validInput(), payingParent: { grossWeeklyIncome: -5 } }), 400, 'invalid_input', ROUTE, 'post'],
      [post('{not json'), 400, 'invalid_input', ROUTE, 'post'],
      [app.request(`${BASE}${ROUTE}`, { method: 'POST', headers: { host: 'evil.example' }, body: '{}' }), 403, 'forbidden', ROUTE, 'post'],
      [post(validInput(), { headers: { origin: 'https://evil.example' } }), 403, 'forbidden', ROUTE, 'post'],
      [app.request(`${BASE}${ROUTE}`), 405, 'unsupported', ROUTE, 'post'],
      [post({ ...validInput(), padding: 'x'.repeat(1024 * 1024) }), 413, 'too_large', ROUTE, 'post'],
      [post({ ...validInput(), date: '2010-01-01' }), 422, 'unsupported', ROUTE, 'post'],
      [app.request(`${BASE}/api/v1/files/${'0'.repeat(32)}`), 404, 'not_found', FILES_ROUTE, 'get'],
      [app.request(`${BASE}/api/v1/files/${'0'.repeat(32)}`, { method: 'DELETE' }), 405, 'unsupported', FILES_ROUTE, 'get'],
    ];
    for (const [pending, status, code, path, method] of cases) {
      const response = await pending;
      expect(response.status, `${method} ${path} → ${status}`).toBe(status);
      const body = (await conforms(response, path, method)) as Json;
      expect(body.error.code).toBe(code);
      if (status === 400) expect(body.error.details.length).toBeGreaterThan(0);
    }
    const allow = (await app.request(`${BASE}${ROUTE}`, { method: 'PUT', body: '{}' })).headers.get('allow');
    expect(allow).toBe('POST');
  });

  test('/mcp: GET and DELETE are refused with 405 and a JSON-RPC error, as documented', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await app.request(`${BASE}/mcp`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(await conforms(response, '/mcp', method.toLowerCase())).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
    }
    const list = await app.request(`${BASE}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    expect(list.status).toBe(200);
    expect(await conforms(list, '/mcp', 'post')).toMatchObject({ jsonrpc: '2.0', id: 1, result: {} });
  });

  test('/healthz, / and an asset', async () => {
    const health = await app.request(`${BASE}/healthz`);
    expect(await conforms(health, '/healthz', 'get')).toMatchObject({ status: 'ok' });
    const page = await app.request(`${BASE}/`);
    expect(page.status).toBe(200);
    await conforms(page, '/', 'get');
    const missing = await app.request(`${BASE}/assets/no-such.js`);
    expect(missing.status).toBe(404);
    await conforms(missing, '/assets/{name}', 'get');
  });

  describe('the raw upload', () => {
    const CSV = [
      'Date,Description,Amount,Balance',
      '12/10/2023,CMS PAYMENT 121456789012,-280.00,4720.00',
      '12/11/2023,CMS PAYMENT 121456789012,-336.00,4384.00',
      '',
    ].join('\n');
    const PATH = '/api/v1/parse-statement';
    // Not a bank Reckoner knows by its columns, so the columns are named: csvMapping, JSON in the query or a field.
    const MAPPING = JSON.stringify({
      date: 'Date',
      description: 'Description',
      amount: 'Amount',
      balance: 'Balance',
      dateFormat: 'DD/MM/YYYY',
    });

    test.each(RAW_UPLOAD_TYPES)('%s is taken as the file itself', async (type) => {
      const response = await app.request(`${BASE}${PATH}?filename=bank.csv&hint=bank_statement&csvMapping=${encodeURIComponent(MAPPING)}`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: CSV,
      });
      const body = (await conforms(response, PATH, 'post')) as Json;
      // The format is detected from the content, whatever the type says: two rows, £280 and £336 out.
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(JSON.stringify(body)).toContain('280.00');
      expect(JSON.stringify(body)).toContain('336.00');
    });

    test('multipart/form-data with a "file" field, and the options as fields', async () => {
      const form = new FormData();
      form.set('file', new Blob([CSV], { type: 'text/csv' }), 'bank.csv');
      form.set('hint', 'bank_statement');
      form.set('csvMapping', MAPPING);
      const response = await app.request(`${BASE}${PATH}`, { method: 'POST', body: form });
      expect(response.status).toBe(200);
      expect(JSON.stringify(await conforms(response, PATH, 'post'))).toContain('336.00');
    });

    test('an undocumented content type is refused, naming Content-Type', async () => {
      const response = await app.request(`${BASE}${PATH}`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: CSV });
      expect(response.status).toBe(400);
      const body = (await conforms(response, PATH, 'post')) as Json;
      expect(body.error.details[0].field).toBe('Content-Type');
    });
  });
});

describe('with a case store: a case that is not there, and a file download', () => {
  const NEVER = '0f8fad5b-d9cb-469f-a165-70867728950e';
  let store: CaseStore;
  let withStore: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await openStore({ dataDir: await freshDataDir() });
    withStore = createApp({ host: '127.0.0.1', port: 8787, store: async () => store });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cleanup();
  });

  const call = (tool: string, body: unknown): Promise<Response> =>
    Promise.resolve(
      withStore.request(`${BASE}/api/v1/${tool}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );

  test('404 for a case that never was', async () => {
    const response = await call('get-case', { caseId: NEVER });
    expect(response.status).toBe(404);
    expect(await conforms(response, '/api/v1/get-case', 'post')).toMatchObject({ error: { code: 'not_found' } });
  });

  test('a file a tool made downloads as documented: its type, its size, Content-Disposition', async () => {
    const created = await call('create-case', { title: 'OpenAPI download', side: 'paying' });
    const { id } = (await conforms(created, '/api/v1/create-case', 'post')) as Json;
    const exported = await call('export-case', { caseId: id });
    expect(exported.status).toBe(200);
    const { file } = (await conforms(exported, '/api/v1/export-case', 'post')) as Json;
    // The export is on the shelf, not inline (issue 13 item 3): a link to GET.
    expect(file).toMatchObject({
      mimeType: expect.stringMatching(/^application\/json/),
      download: expect.stringMatching(/^\/api\/v1\/files\/[0-9a-f]{32}$/),
    });
    const download = await withStore.request(`${BASE}${file.download as string}`);
    expect(download.status).toBe(200);
    await conforms(download.clone(), FILES_ROUTE, 'get');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.byteLength).toBe(file.size);
    expect(download.headers.get('content-length')).toBe(String(file.size));
    expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ case: expect.objectContaining({ title: 'OpenAPI download' }) });
  });
});

describe("the document reader's busy 503, as documented", () => {
  const READERS = ['/api/v1/import-document', '/api/v1/parse-statement'];
  /** Routes whose calls wait their turn of the case work (server/case-work.ts): given a caseId, and import-case. */
  const CASE_WORK = TOOLS.filter((t) => t.name === 'import_case' || 'caseId' in t.inputSchema.shape).map(
    (t) => `/api/v1/${routeName(t.name)}`,
  );

  test('503 with Retry-After is listed on every route that reads a document or waits for the case work, and on no other', () => {
    const listing = Object.entries(doc.paths as Json)
      .filter(([, item]) => METHODS.some((m) => (item as Json)[m]?.responses?.['503']))
      .map(([path]) => path)
      .sort();
    expect(CASE_WORK).toContain('/api/v1/import-case');
    expect(CASE_WORK).toContain('/api/v1/reconcile-case');
    expect(listing).toEqual([...new Set([...READERS, ...CASE_WORK])].sort());
    for (const path of listing) {
      const busy = resolveResponse(doc.paths[path].post.responses['503'] as Json);
      expect(busy.headers['Retry-After']).toMatchObject({ required: true, schema: { type: 'integer' } });
      expect(busy.content['application/json'].schema.allOf[1].properties.error.properties.code.enum).toEqual(['too_large']);
      expect(busy.description).toMatch(/Retry-After/);
    }
  });

  test('a real refusal of a busy reader matches what the document says of 503', async () => {
    const pool = new ParsePool({ size: 1, maxQueue: 0 });
    const reading = new AbortController();
    const bytes = new TextEncoder().encode('Date,Description,Amount\n01/02/2024,CMS,-10.00\n');
    try {
      void pool.parse({ bytes }, {}, reading.signal).catch(() => undefined);
      const error = await pool.parse({ bytes }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const answering = new Hono();
      answering.post('/x', (c) => errorResponse(c, failureOf(error)));
      const response = await answering.request('/x', { method: 'POST' });
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      for (const path of READERS) await conforms(response.clone(), path, 'post');
    } finally {
      reading.abort();
      await pool.close();
    }
  });

  test('a real refusal of the case work’s full queue matches what the document says of 503', async () => {
    const limiter = new CaseWorkLimiter({ total: 1, perOrganisation: 1, maxWaiting: 2 });
    let finish!: () => void;
    const held = limiter.run('a', () => new Promise<void>((resolve) => (finish = resolve)));
    const waiting = limiter.run('a', async () => undefined);
    const error = await limiter.run('a', async () => undefined).catch((e: unknown) => e);
    finish();
    await Promise.all([held, waiting]);
    const answering = new Hono();
    answering.post('/x', (c) => errorResponse(c, failureOf(error)));
    const response = await answering.request('/x', { method: 'POST' });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    for (const path of ['/api/v1/reconcile-case', '/api/v1/import-case']) await conforms(response.clone(), path, 'post');
  });

  test('an expired token is the documented 401', async () => {
    const expiring = createApp({ host: '127.0.0.1', port: 8787, apiTokens: [`${TOKEN} expires=2020-01-01`] });
    const refused = await expiring.request(`${BASE}/api/v1/calculate-maintenance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(EXAMPLES.reducedRate),
    });
    expect(refused.status).toBe(401);
    expect(await conforms(refused, '/api/v1/calculate-maintenance', 'post')).toMatchObject({
      error: { code: 'unauthorized', message: expect.stringMatching(/expired/) },
    });
  });
});

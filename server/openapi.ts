/**
 * The OpenAPI 3.1 description of everything the HTTP server answers (server/http.ts): every `/api/v1/<tool>` POST,
 * generated from the same zod schemas the tools use; the document upload `/api/v1/parse-statement` in its three
 * forms (JSON, the raw file, multipart); the file download `/api/v1/files/{id}`; `/mcp` (Streamable HTTP);
 * `/healthz`, `/openapi.json`, and the page at `/` with its `/assets/{name}`.
 *
 * Every error has one body, `{ error: { code, message, details: [{ field, message }] } }`, with `code` one of
 * {@link ERROR_CODES} and the status the code has (server/errors.ts `STATUS`); each documented error response
 * names the codes it can carry. test/server/openapi.test.ts validates the document with an OpenAPI 3.1 validator,
 * checks it against the routes the app answers (both ways), and checks real responses against it.
 * @module
 */
import * as z from 'zod';
import { LIMITS } from '../statements/index.ts';
import { parseOptionsShape } from '../tools/parse-statement.ts';
import { TOOLS } from '../tools/index.ts';
import { strictObject } from '../tools/schemas.ts';
import { routeName } from '../tools/tool.ts';
import { isCaseWork } from './case-work.ts';
import { ERROR_CODES, STATUS, type ErrorCode } from './errors.ts';
import { PARSE_ROUTE, PARSE_ROUTE_MAX_BODY, RAW_UPLOAD_TYPES } from './parse-route.ts';
import { VERSION } from './version.ts';

type Json = Record<string, unknown>;

const schemaRef = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string): Json => ({ $ref: `#/components/responses/${name}` });

/** The path of the file download route (tools/files.ts `FILE_DOWNLOAD_PREFIX` + the id). */
export const FILES_ROUTE = '/api/v1/files/{id}';

export { RAW_UPLOAD_TYPES };

/** What a downloaded file can be (tools that make files: letters and bundles, calendars, case exports). */
export const DOWNLOAD_TYPES = ['application/pdf', 'text/calendar', 'application/json'] as const;

/** The error responses, by status: which codes each carries and when. */
const ERROR_RESPONSES = {
  400: { name: 'BadRequest', when: 'The input is not valid: one details entry per problem, naming the field and what to do' },
  401: {
    name: 'Unauthorized',
    when: 'No valid bearer token (only on a server with RECKONER_API_TOKENS or RECKONER_API_TOKENS_FILE), or one that has expired (the message says so): send Authorization: Bearer <token>',
  },
  403: {
    name: 'Forbidden',
    when: 'The request is addressed to another Host or comes from another Origin (the DNS-rebinding guard), or the organisation may not do this',
  },
  404: {
    name: 'NotFound',
    when: 'Nothing there: an unknown route, or a case, letter or file that does not exist or belongs to another organisation',
  },
  405: { name: 'MethodNotAllowed', when: 'The route takes another method (the Allow header names it)' },
  409: { name: 'Conflict', when: 'The case changed under the request, or a name is already taken in it; read it again and retry' },
  413: { name: 'TooLarge', when: 'The body is larger than this route accepts, or a file larger than the server keeps' },
  422: {
    name: 'Unprocessable',
    when: 'Understood but not supported (e.g. a date outside the coded law), or a document that cannot be read',
  },
  500: { name: 'Internal', when: 'Something went wrong inside Reckoner; nothing was saved' },
  503: {
    name: 'Busy',
    when:
      'The document reader is busy (as many documents as it reads at once and as many waiting as may wait, your organisation’s ' +
      'share of the waiting full, or this one waited as long as a document may), or, for a call on a stored case or an import ' +
      'of one, as many such calls are waiting their turn as may wait (your organisation’s share of the places, or all of ' +
      'them): nothing was read or saved; send the same request again after the seconds in Retry-After',
  },
} as const;
type ErrorStatus = keyof typeof ERROR_RESPONSES;

/**
 * The codes a status carries: those whose status (server/errors.ts) it is; 405 is `unsupported` sent with 405, and 503
 * the busy `too_large` of the reader or the case work (server/errors.ts isBusy).
 */
function codesFor(status: ErrorStatus): ErrorCode[] {
  if (status === 405) return ['unsupported'];
  if (status === 503) return ['too_large'];
  return ERROR_CODES.filter((code) => STATUS[code] === status);
}

const errorRef = (status: ErrorStatus): Json => responseRef(ERROR_RESPONSES[status].name);

/** The error responses of a route, by status. */
function errors(...statuses: ErrorStatus[]): Record<string, Json> {
  return Object.fromEntries(statuses.map((status) => [String(status), errorRef(status)]));
}

/** Every error a tool route can answer with. */
const TOOL_ERRORS = errors(400, 401, 403, 404, 405, 409, 413, 422, 500);

/**
 * Whether a tool reads a document (in the reader's workers, statements/worker/pool.ts), and so can be refused 503
 * when they are busy: the tools that take one, as contentBase64 (parse_statement, import_document).
 */
export const readsDocument = (tool: { readonly inputSchema: z.ZodObject }): boolean => 'contentBase64' in tool.inputSchema.shape;

/**
 * Whether a tool's call can wait its turn of the case work (server/case-work.ts), and so be refused 503 when too many
 * wait: the tools that take a `caseId` (some only may), and `import_case`.
 */
export const waitsForCaseWork = (tool: { readonly name: string; readonly inputSchema: z.ZodObject }): boolean =>
  isCaseWork(tool.name, {}) || 'caseId' in tool.inputSchema.shape;

/** Replaces every `$ref` in a generated schema by `rename(ref)`. */
function rewriteRefs(node: unknown, rename: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, rename));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? rename(value) : rewriteRefs(value, rename),
    ]),
  );
}

const componentName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * A zod schema as a named component (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Its `$defs` become
 * components of their own (`<name>.<def>`) and its references are rewritten to them: inside an OpenAPI document
 * `#/$defs/…` would point at the document's root.
 */
function addComponent(schemas: Record<string, Json>, name: string, schema: z.ZodType, io: 'input' | 'output'): Json {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  const { $schema: _dialect, $defs, ...root } = generated;
  const defs = ($defs ?? {}) as Record<string, unknown>;
  const rename = (ref: string): string => {
    if (ref === '#') return `#/components/schemas/${name}`;
    const def = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
    return def === undefined ? ref : `#/components/schemas/${componentName(`${name}.${def}`)}`;
  };
  schemas[name] = rewriteRefs(root, rename) as Json;
  for (const [def, value] of Object.entries(defs)) schemas[componentName(`${name}.${def}`)] = rewriteRefs(value, rename) as Json;
  return schemaRef(name);
}

/** The error body, one schema for every route. */
function errorSchemas(): Record<string, Json> {
  return {
    ErrorCode: {
      type: 'string',
      enum: [...ERROR_CODES],
      description: `What went wrong, as a code a program can act on. The HTTP status follows from it: ${ERROR_CODES.map(
        (code) => `${code} ${STATUS[code]}`,
      ).join(', ')} (unsupported is 405 for a method a route does not take).`,
    },
    Problem: {
      type: 'object',
      required: ['field', 'message'],
      properties: {
        field: {
          type: 'string',
          description:
            'The field, as a dotted path into the input (e.g. payingParent.grossWeeklyIncome, receivingParents.0.children); "(body)" or a header name for the request as a whole',
        },
        message: { type: 'string', description: 'What is wrong with it and what to do, in plain words' },
      },
      additionalProperties: false,
    },
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message', 'details'],
          properties: {
            code: schemaRef('ErrorCode'),
            message: { type: 'string', description: 'The whole error in a sentence or two, made from the problems' },
            details: {
              type: 'array',
              items: schemaRef('Problem'),
              description: 'One entry per problem; empty when the error concerns the request as a whole',
            },
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  };
}

/** The error responses, each narrowing `code` to the codes its status carries. */
function errorResponses(): Record<string, Json> {
  return Object.fromEntries(
    Object.keys(ERROR_RESPONSES).map((key) => {
      const status = Number(key) as ErrorStatus;
      const codes = codesFor(status);
      const { name, when } = ERROR_RESPONSES[status];
      return [
        name,
        {
          description: `${when}. code: ${codes.join(' or ')}.`,
          ...(status === 405 ? { headers: { Allow: { description: 'The methods the route takes', schema: { type: 'string' } } } } : {}),
          ...(status === 503
            ? {
                headers: {
                  'Retry-After': {
                    description: 'Seconds to wait before sending the same request again',
                    required: true,
                    schema: { type: 'integer', minimum: 1 },
                  },
                },
              }
            : {}),
          content: {
            'application/json': {
              schema: {
                allOf: [schemaRef('Error'), { properties: { error: { properties: { code: { enum: codes } } } } }],
              },
            },
          },
        },
      ];
    }),
  );
}

/**
 * Query parameters and multipart fields of the upload: the tool's options, each as text. The options' schema is a
 * component of its own (so its shared `$defs`, e.g. a CSV column, have a home); the parameters use its properties.
 */
function uploadOptions(schemas: Record<string, Json>): { parameters: Json[]; fields: Record<string, Json> } {
  const name = 'parse_statement.options';
  addComponent(schemas, name, strictObject(parseOptionsShape), 'input');
  const options = schemas[name] as { properties: Record<string, Json> };
  const { filename, password, hint, csvMapping, page } = options.properties;
  // The page may be a shared definition: follow its reference.
  const pageRef = typeof page?.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(page.$ref)?.[1] : undefined;
  const pageSchema = pageRef === undefined ? page : schemas[pageRef];
  const pageProperties = (pageSchema?.properties ?? {}) as Record<string, Json>;
  const text = { filename, hint, cursor: pageProperties.cursor, size: pageProperties.size };
  const parameters: Json[] = [
    ...Object.entries(text)
      .filter(([, schema]) => schema !== undefined)
      .map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
    {
      name: 'csvMapping',
      in: 'query',
      required: false,
      description: 'A CSV whose columns are not recognised: which column is which, as JSON',
      content: { 'application/json': { schema: csvMapping ?? {} } },
    },
    {
      name: 'password',
      in: 'query',
      required: false,
      description: 'The password of an encrypted PDF; better sent in the X-Document-Password header, which stays out of logs',
      schema: password ?? { type: 'string' },
    },
    {
      name: 'X-Document-Password',
      in: 'header',
      required: false,
      description: 'The password of an encrypted PDF',
      schema: { type: 'string', maxLength: 1024 },
    },
  ];
  const fields: Record<string, Json> = {
    file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The statement: PDF, CSV or OFX' },
    ...Object.fromEntries(Object.entries(text).filter(([, schema]) => schema !== undefined)),
    csvMapping: { type: 'string', contentMediaType: 'application/json', description: 'The CSV mapping, as JSON' },
    password: password ?? { type: 'string' },
  };
  return { parameters, fields };
}

function toolPaths(schemas: Record<string, Json>): Record<string, Json> {
  const paths: Record<string, Json> = {};
  for (const tool of TOOLS) {
    const input = addComponent(schemas, `${tool.name}.input`, tool.inputSchema, 'input');
    const output = addComponent(schemas, `${tool.name}.output`, tool.outputSchema, 'output');
    const path = `/api/v1/${routeName(tool.name)}`;
    const content: Record<string, Json> = { 'application/json': { schema: input } };
    let parameters: Json[] | undefined;
    let description = tool.description;
    if (path === PARSE_ROUTE) {
      const upload = uploadOptions(schemas);
      parameters = upload.parameters;
      for (const type of RAW_UPLOAD_TYPES) {
        content[type] = { schema: { type: 'string', contentMediaType: type, description: 'The file itself, as the body' } };
      }
      content['multipart/form-data'] = {
        schema: { type: 'object', required: ['file'], properties: upload.fields },
        encoding: { file: { contentType: 'application/pdf, text/csv, application/x-ofx, application/octet-stream' } },
      };
      description =
        `${tool.description}\n\nThe document can come three ways: JSON exactly as the tool takes it (contentBase64); the file itself ` +
        `as the body (Content-Type application/pdf, text/csv, application/x-ofx or application/octet-stream), with the options as ` +
        `query parameters; or multipart/form-data with the file in a "file" field and the options as fields. At most ` +
        `${LIMITS.maxBytes / 1024 / 1024} MiB of document (a body of at most ${PARSE_ROUTE_MAX_BODY} bytes).`;
    } else if (tool.name === 'import_document') {
      description = `${tool.description}\n\nThe document travels base64-encoded in contentBase64; the body may be as large as a ${LIMITS.maxBytes / 1024 / 1024} MiB document needs.`;
    }
    paths[path] = {
      post: {
        operationId: tool.name,
        summary: tool.title,
        description,
        ...(parameters ? { parameters } : {}),
        requestBody: { required: true, content },
        responses: {
          '200': {
            description: 'The result, as the MCP tool gives it in structuredContent',
            content: { 'application/json': { schema: output } },
          },
          ...TOOL_ERRORS,
          ...(readsDocument(tool) || waitsForCaseWork(tool) ? errors(503) : {}),
        },
      },
    };
  }
  return paths;
}

const JSON_RPC_MESSAGE: Json = {
  type: 'object',
  required: ['jsonrpc'],
  properties: {
    jsonrpc: { const: '2.0' },
    id: { type: ['string', 'integer', 'null'] },
    method: { type: 'string' },
    params: { type: 'object' },
    result: { type: 'object' },
    error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'integer' }, message: { type: 'string' } } },
  },
  description: 'A JSON-RPC 2.0 message of the Model Context Protocol',
};

/** `/mcp`: the MCP Streamable HTTP transport, stateless (a fresh server per request, JSON responses, no sessions). */
function mcpPath(): Json {
  const notStreaming = (method: string): Json => ({
    operationId: `mcp${method}`,
    summary: `${method === 'Get' ? 'Open a server-to-client stream' : 'End a session'}: not offered`,
    description:
      'This server is stateless: it opens no server-initiated stream and keeps no sessions, so GET and DELETE are refused with 405 and a JSON-RPC error.',
    responses: {
      '405': {
        description: 'Method not allowed; POST JSON-RPC to /mcp',
        headers: { Allow: { description: 'POST', schema: { type: 'string', const: 'POST' } } },
        content: { 'application/json': { schema: schemaRef('JsonRpcMessage') } },
      },
      ...errors(401, 403),
    },
  });
  return {
    post: {
      operationId: 'mcpPost',
      summary: 'MCP over Streamable HTTP',
      description:
        'The Model Context Protocol, Streamable HTTP transport (protocol 2025-03-26 and later), without sessions: POST one JSON-RPC ' +
        'message or a batch, with Accept: application/json, text/event-stream; the answer is JSON. The same tools, prompts and ' +
        'resources as `bin/reckoner mcp` over stdio. The body may be as large as a case export (import_case).',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { oneOf: [schemaRef('JsonRpcMessage'), { type: 'array', items: schemaRef('JsonRpcMessage'), minItems: 1 }] },
          },
        },
      },
      responses: {
        '200': {
          description: 'The JSON-RPC response(s)',
          content: {
            'application/json': {
              schema: { oneOf: [schemaRef('JsonRpcMessage'), { type: 'array', items: schemaRef('JsonRpcMessage') }] },
            },
          },
        },
        '202': { description: 'Notifications or responses only: accepted, no body' },
        '400': {
          description: 'Not a JSON-RPC message (a JSON-RPC error from the transport)',
          content: { 'application/json': { schema: schemaRef('JsonRpcMessage') } },
        },
        '406': {
          description: 'The Accept header does not list both application/json and text/event-stream',
          content: { 'application/json': { schema: schemaRef('JsonRpcMessage') } },
        },
        '415': {
          description: 'The body is not application/json',
          content: { 'application/json': { schema: schemaRef('JsonRpcMessage') } },
        },
        ...errors(401, 403, 413),
      },
    },
    get: notStreaming('Get'),
    delete: notStreaming('Delete'),
  };
}

function otherPaths(): Record<string, Json> {
  const open = { security: [] };
  return {
    [FILES_ROUTE]: {
      get: {
        operationId: 'downloadFile',
        summary: 'Download a file a tool made',
        description:
          'A letter or evidence bundle (PDF), a calendar (.ics) or a case export (JSON) that a tool made, by the id in its result ' +
          '(`file.download`; over MCP the same file is `file.uri`, read with resources/read). Files are kept for 60 minutes, in memory, ' +
          'and only for the organisation and principal that made them: any other asker gets 404, as for an id that never existed.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The file id: 32 hexadecimal digits',
            schema: { type: 'string', pattern: '^[0-9a-f]{32}$' },
          },
        ],
        responses: {
          '200': {
            description: 'The file',
            headers: {
              'Content-Disposition': {
                description: 'attachment, with the file name to save it under (e.g. attachment; filename="letter-L04-v1.pdf")',
                schema: { type: 'string' },
              },
              'Content-Length': { description: 'Its size in bytes', schema: { type: 'integer', minimum: 0 } },
            },
            content: Object.fromEntries(
              DOWNLOAD_TYPES.map((type) => [
                type,
                {
                  schema:
                    type === 'application/json'
                      ? { type: 'object', description: 'A case export (export_case), as import_case reads it back' }
                      : { type: 'string', contentMediaType: type },
                },
              ]),
            ),
          },
          ...errors(401, 403, 404, 405, 500),
        },
      },
    },
    '/mcp': mcpPath(),
    '/healthz': {
      get: {
        operationId: 'healthz',
        summary: 'Is the server up',
        description: 'Always open (no token needed): the status and the version.',
        ...open,
        responses: {
          '200': {
            description: 'Up',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status', 'version'],
                  properties: { status: { const: 'ok' }, version: { type: 'string' } },
                  additionalProperties: false,
                },
              },
            },
          },
          ...errors(403),
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        description: 'The OpenAPI 3.1 description of this server (needs the token when the server has tokens).',
        responses: {
          '200': {
            description: 'The OpenAPI document',
            content: { 'application/json': { schema: { type: 'object', required: ['openapi', 'info', 'paths'] } } },
          },
          ...errors(401, 403),
        },
      },
    },
    '/': {
      get: {
        operationId: 'page',
        summary: 'The advice-line page',
        description:
          'A page for an adviser at a desk: it calls /api/v1/* (asking for the token when the server has tokens) and shows the figures it gets.',
        ...open,
        responses: {
          '200': { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } },
          ...errors(403),
        },
      },
    },
    '/assets/{name}': {
      get: {
        operationId: 'asset',
        summary: 'A script, style sheet or picture of the page',
        ...open,
        parameters: [
          { name: 'name', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*\\.(js|css|svg)$' } },
          { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'The asset',
            headers: { ETag: { schema: { type: 'string' } } },
            content: {
              'text/javascript': { schema: { type: 'string' } },
              'text/css': { schema: { type: 'string' } },
              'image/svg+xml': { schema: { type: 'string' } },
            },
          },
          '304': { description: 'Unchanged since the ETag given in If-None-Match' },
          ...errors(403, 404),
        },
      },
    },
  };
}

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const schemas: Record<string, Json> = { ...errorSchemas(), JsonRpcMessage: JSON_RPC_MESSAGE };
  const paths = { ...toolPaths(schemas), ...otherPaths() };
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Reckoner',
      version: VERSION,
      description:
        'Child Maintenance Service figures, exactly, with the law behind every number: the same tools as the MCP server, one POST ' +
        'route each, taking and giving the same JSON. A server reachable from other machines without tokens adds an ' +
        'X-Reckoner-Warning header to every response.',
    },
    // When the server has tokens, every route but /healthz, / and /assets needs one; without tokens, none does.
    security: [{ bearer: [] }, {}],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'organisation:principal:secret',
          description:
            'Required when the server is started with RECKONER_API_TOKENS (comma-separated organisation:principal:secret entries, ' +
            'each secret at least 32 characters, each optionally with an expiry) or RECKONER_API_TOKENS_FILE (the same, one a line, ' +
            'read again when it changes): send Authorization: Bearer organisation:principal:secret. Each request then acts ' +
            'for that principal and sees only its organisation’s cases and files. Without tokens (a loopback server, or ' +
            '--insecure-no-auth) no token is needed and the header is ignored.',
        },
      },
      schemas,
      responses: errorResponses(),
    },
  };
  return cached;
}

/**
 * `POST /api/v1/parse-statement`: the `parse_statement` tool over HTTP, taking the document in any of three ways:
 * - JSON, exactly as the tool (`{"contentBase64": "…", "hint": …, "csvMapping": …, "page": …}`);
 * - the raw file as the body, with Content-Type application/pdf, text/csv, application/x-ofx (or another OFX
 *   type) or application/octet-stream, and the options as query parameters (`filename`, `hint`, `csvMapping`
 *   as JSON, `cursor`, `size`; the PDF password preferably in the `X-Document-Password` header, or `password`);
 * - multipart/form-data with the file in a `file` field and the same options as fields.
 *
 * Documents are larger than other requests, so the route has its own body limit (a 20 MiB file, base64-encoded
 * in JSON, plus room); the app-wide limit must not apply to it (see {@link PARSE_ROUTE}).
 * @module
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod';
import { LIMITS } from '../statements/index.ts';
import { parseBytes, parseOptionsShape, parseStatementInput, parseStatementTool } from '../tools/parse-statement.ts';
import { strictObject } from '../tools/schemas.ts';
import { failure, isUnexpected, problemsFrom, type ToolContext, type ToolFailure } from '../tools/tool.ts';
import { errorResponse, failureOf } from './errors.ts';
import { DOCUMENT_MAX_JSON_VALUES, jsonValuesOver, tooManyValuesMessage } from './json-values.ts';
import { jsonAnswer } from './slow-clients.ts';

export const PARSE_ROUTE = '/api/v1/parse-statement';

/** Largest body the route reads: a file of the largest size in base64 (4/3 larger), plus 2 MiB for JSON or multipart framing. */
export const PARSE_ROUTE_MAX_BODY = Math.ceil(LIMITS.maxBytes / 3) * 4 + 2 * 1024 * 1024;

/** Content types taken as the raw document (the OpenAPI document lists these same ones). */
export const RAW_UPLOAD_TYPES = [
  'application/pdf',
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
  'application/x-ofx',
  'application/ofx',
  'application/vnd.intu.qfx',
  'application/x-qfx',
  'application/octet-stream',
] as const;
const RAW_TYPES: ReadonlySet<string> = new Set(RAW_UPLOAD_TYPES);

const respond = errorResponse;

const optionsSchema = strictObject(parseOptionsShape);

class RequestProblem extends Error {
  constructor(readonly failure: ToolFailure) {
    super(failure.message);
  }
}

function invalid(field: string, message: string): RequestProblem {
  return new RequestProblem(failure('invalid_input', [{ field, message }]));
}

/** Options given as text (query parameters or form fields), checked against the tool's schema. */
function optionsFrom(fields: Iterable<[string, string]>, where: string): z.infer<typeof optionsSchema> {
  const raw: Record<string, unknown> = {};
  const page: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    if (key === 'csvMapping') {
      try {
        raw.csvMapping = JSON.parse(value);
      } catch {
        throw invalid('csvMapping', `must be JSON, e.g. {"date":"Date","description":"Details","amount":"Amount"} (in the ${where})`);
      }
    } else if (key === 'cursor') page.cursor = value;
    else if (key === 'size') page.size = /^\d{1,6}$/.test(value) ? Number(value) : value;
    else raw[key] = value;
  }
  if (Object.keys(page).length > 0) raw.page = page;
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) throw new RequestProblem(failure('invalid_input', problemsFrom(parsed.error)));
  return parsed.data;
}

async function fromJson(c: Context, context: ToolContext): Promise<Response> {
  let body: unknown;
  const text = await c.req.text();
  // Counted before it is parsed: JSON.parse takes time by the value (server/json-values.ts).
  if (jsonValuesOver(text, DOCUMENT_MAX_JSON_VALUES)) {
    throw new RequestProblem(
      failure('too_large', [
        {
          field: '(body)',
          message: tooManyValuesMessage(
            DOCUMENT_MAX_JSON_VALUES,
            'a parse-statement request',
            'send the document as one base64 string in contentBase64, with its options, or upload the file itself',
          ),
        },
      ]),
    );
  }
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('(body)', 'is not valid JSON; send a JSON object with Content-Type: application/json, or upload the file itself');
  }
  const parsed = parseStatementInput.safeParse(body);
  if (!parsed.success) throw new RequestProblem(failure('invalid_input', problemsFrom(parsed.error)));
  return jsonAnswer(c, JSON.stringify(await parseStatementTool.handler(parsed.data, context)));
}

async function fromRaw(c: Context, owner: string | undefined): Promise<Response> {
  const query = Object.entries(c.req.query());
  const password = c.req.header('x-document-password');
  const options = optionsFrom(password === undefined ? query : [...query, ['password', password]], 'query string');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return jsonAnswer(c, JSON.stringify(await parseBytes(bytes, options, c.req.raw.signal, owner)));
}

async function fromForm(c: Context, owner: string | undefined): Promise<Response> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw invalid('(body)', 'is not valid multipart/form-data; send the file in a field named "file"');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    throw invalid('file', 'is missing; send the statement in a multipart field named "file" (a file, not text)');
  }
  const fields: [string, string][] = [];
  for (const [key, value] of form.entries()) {
    if (key === 'file') continue;
    if (typeof value !== 'string') throw invalid(key, 'must be text; only the "file" field may hold a file');
    fields.push([key, value]);
  }
  if (!fields.some(([k]) => k === 'filename') && file.name) fields.push(['filename', file.name.slice(0, 255)]);
  const options = optionsFrom(fields, 'form');
  const bytes = new Uint8Array(await file.arrayBuffer());
  return jsonAnswer(c, JSON.stringify(await parseBytes(bytes, options, c.req.raw.signal, owner)));
}

/**
 * Adds `POST /api/v1/parse-statement` to `app`, with its own body limit. Register it after the Host/Origin
 * guard and the bearer-token check, before the tool routes; and let the app-wide body limit skip this path.
 */
export function registerParseRoute(app: Hono, context: (c: Context) => ToolContext): void {
  app.post(
    PARSE_ROUTE,
    bodyLimit({
      maxSize: PARSE_ROUTE_MAX_BODY,
      onError: (c) =>
        respond(c, {
          code: 'too_large',
          message: `The request body is larger than ${PARSE_ROUTE_MAX_BODY} bytes; a document may be at most ${LIMITS.maxBytes / 1024 / 1024} MiB. Split it, or export a CSV.`,
          details: [],
        }),
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      try {
        if (type === 'application/json') return await fromJson(c, { ...context(c), signal: c.req.raw.signal });
        if (type === 'multipart/form-data') return await fromForm(c, context(c).owner);
        if (RAW_TYPES.has(type)) return await fromRaw(c, context(c).owner);
        throw invalid(
          'Content-Type',
          `${type ? `"${type}" is` : 'is missing, which is'} not accepted here. Send JSON (application/json, with contentBase64), ` +
            'the file itself (application/pdf, text/csv, application/x-ofx or application/octet-stream), or multipart/form-data with a "file" field',
        );
      } catch (error) {
        if (error instanceof RequestProblem) return respond(c, error.failure);
        // An unexpected error is answered as `internal`; only its class name is logged, never its message (case data).
        if (isUnexpected(error) && !c.req.raw.signal.aborted) {
          process.stderr.write(
            `reckoner: internal error on POST /api/v1/parse-statement: ${error instanceof Error ? error.name : typeof error}\n`,
          );
        }
        return respond(c, failureOf(error));
      }
    },
  );
  app.all(PARSE_ROUTE, (c) => {
    c.header('Allow', 'POST');
    return respond(c, { code: 'unsupported', message: `${c.req.method} is not supported here; POST the document`, details: [] }, 405);
  });
}

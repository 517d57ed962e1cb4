/**
 * An OpenAPI 3.1 description of `/api/v1/*`, generated from the same zod schemas the tools use.
 * @module
 */
import * as z from 'zod';
import { TOOLS } from '../tools/index.ts';
import { ERROR_CODES, routeName } from '../tools/tool.ts';
import { VERSION } from './version.ts';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: [...ERROR_CODES],
        },
        message: { type: 'string' },
        details: {},
      },
    },
  },
};

let cached: object | undefined;

export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Reckoner',
      version: VERSION,
      description: 'Child Maintenance Service figures, exactly, with the law behind every number.',
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'organisation:principal:secret, as listed in RECKONER_API_TOKENS; needed when the server has tokens',
        },
      },
    },
    paths: Object.fromEntries(
      TOOLS.map((tool) => [
        `/api/v1/${routeName(tool.name)}`,
        {
          post: {
            operationId: tool.name,
            summary: tool.title,
            description: tool.description,
            requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(tool.inputSchema, { io: 'input' }) } } },
            responses: {
              '200': { description: 'The result', content: { 'application/json': { schema: z.toJSONSchema(tool.outputSchema) } } },
              '400': {
                description: 'Invalid input; the message names the field',
                content: { 'application/json': { schema: errorSchema } },
              },
              '401': {
                description: 'No valid bearer token (a server with RECKONER_API_TOKENS)',
                content: { 'application/json': { schema: errorSchema } },
              },
              '403': {
                description: 'Another site’s Host or Origin, or another organisation’s case',
                content: { 'application/json': { schema: errorSchema } },
              },
              '413': {
                description: 'The body is larger than this route accepts',
                content: { 'application/json': { schema: errorSchema } },
              },
              '422': {
                description: 'Not supported (e.g. a date outside the coded law)',
                content: { 'application/json': { schema: errorSchema } },
              },
            },
            security: [{ bearer: [] }, {}],
          },
        },
      ]),
    ),
  };
  return cached;
}

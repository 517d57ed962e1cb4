/**
 * An OpenAPI 3.1 description of `/api/v1/*`, generated from the same zod schemas the tools use.
 * @module
 */
import * as z from 'zod';
import { TOOLS } from '../tools/index.ts';
import { routeName } from '../tools/tool.ts';
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
          enum: ['invalid_input', 'not_found', 'conflict', 'unsupported', 'parse_failed', 'too_large', 'unauthorized'],
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
              '422': {
                description: 'Not supported (e.g. a date outside the coded law)',
                content: { 'application/json': { schema: errorSchema } },
              },
            },
          },
        },
      ]),
    ),
  };
  return cached;
}

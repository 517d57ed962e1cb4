/**
 * tools/list as Reckoner writes it: every client loads it before the user says a word, so nothing in it is said
 * twice or said where leaving it out means the same (the tools/list budget, test/server/budget.test.ts).
 * - Schemas are JSON Schema 2020-12, the dialect MCP reads a tool's schema in when it names none (the SDK's
 *   `Tool.inputSchema`: "A JSON Schema 2020-12 object"), so no `$schema` on each; a shared shape is written once
 *   per tool under `$defs`, and a field's description sits beside its `$ref` (2020-12 allows it; draft-07 needed
 *   an `allOf` around it).
 * - The title once, at the top, where clients look first (`annotations.title` is its fallback).
 * - No `execution`: a tool without it has taskSupport "forbidden", which is what every Reckoner tool has.
 * Together these were 5,800 of the characters the SDK's own list wrote.
 * @module
 */
import * as z from 'zod';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AnyTool } from '../tools/tool.ts';

type ObjectSchema = Tool['inputSchema'];

/** A tool's object schema as JSON Schema 2020-12, without the dialect MCP assumes anyway. */
export function objectSchema(schema: z.ZodObject, io: 'input' | 'output'): ObjectSchema {
  const { $schema: _dialect, type: _object, properties, ...rest } = z.toJSONSchema(schema, { io });
  return {
    type: 'object',
    ...(properties ? { properties: objects(properties) } : {}),
    ...rest,
  };
}

/** Properties as schema objects: `true` (anything) is `{}` and `false` (nothing) is `{ not: {} }`, the same in 2020-12. */
function objects(properties: Record<string, z.core.JSONSchema._JSONSchema>): Record<string, object> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v === true ? {} : v === false ? { not: {} } : v]));
}

/** Each tool's listing, written on the first tools/list and kept: HTTP makes a server per request. */
const written = new WeakMap<AnyTool, Tool>();

/** One tool as tools/list gives it. */
export function listedTool(tool: AnyTool): Tool {
  let listed = written.get(tool);
  if (!listed) {
    listed = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: objectSchema(tool.inputSchema, 'input'),
      outputSchema: objectSchema(tool.outputSchema, 'output'),
      annotations: tool.annotations,
    };
    written.set(tool, listed);
  }
  return listed;
}

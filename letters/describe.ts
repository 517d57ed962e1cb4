/**
 * What each fact of a letter type is, read from its zod schema (through JSON Schema, so every zod wrapper is
 * seen through): the list `list_letter_types` shows and the words a refusal uses for a missing fact.
 * @module
 */
import * as z from 'zod';

export interface FactField {
  /** The path of the fact, e.g. `sender.name`, `grounds[]`, `chronology[].date`. */
  readonly field: string;
  readonly description: string;
  readonly required: boolean;
  /** JSON type: string, boolean, integer, array, object; `date` for a YYYY-MM-DD date. */
  readonly type: string;
  /** The values an enumerated fact may take. */
  readonly values?: readonly string[];
}

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const cache = new WeakMap<z.ZodType, Record<string, unknown>>();

/** The JSON Schema of a letter type's facts, as a client would send them. */
export function factsJsonSchema(schema: z.ZodType): Record<string, unknown> {
  let json = cache.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete json['$schema'];
    cache.set(schema, json);
  }
  return json;
}

function typeOf(s: JsonSchema, description: string): string {
  if (s.enum) return 'enum';
  const t = Array.isArray(s.type) ? s.type.join('|') : s.type;
  if (t === 'string' && /YYYY-MM-DD/.test(description)) return 'date';
  if (t) return t;
  const inner = s.anyOf?.[0] ?? s.allOf?.[0];
  return inner ? typeOf(inner, description) : 'any';
}

function walk(s: JsonSchema, prefix: string, required: boolean, out: FactField[], inherited = ''): void {
  const description = s.description ?? inherited;
  if (s.properties) {
    if (prefix) out.push({ field: prefix, description, required, type: 'object' });
    const req = new Set(s.required ?? []);
    for (const [key, child] of Object.entries(s.properties)) {
      walk(child, prefix ? `${prefix}.${key}` : key, required && req.has(key), out);
    }
    return;
  }
  if (s.items && (s.items.properties || s.items.items)) {
    out.push({ field: prefix, description, required, type: 'array' });
    walk(s.items, `${prefix}[]`, required, out, description);
    return;
  }
  const values = s.enum?.map(String);
  out.push({ field: prefix, description, required, type: typeOf(s, description), ...(values ? { values } : {}) });
}

/** Every fact of a letter type, in schema order, with whether it is required (and its parents are). */
export function factFields(schema: z.ZodType): FactField[] {
  const out: FactField[] = [];
  walk(factsJsonSchema(schema) as JsonSchema, '', true, out);
  return out;
}

/** What a fact is, by its path in the input (`sender.name`, `grounds[2]`); empty when unknown. */
export function describeFact(fields: readonly FactField[], path: string): string {
  const normal = path.replace(/\[\d+\]/g, '[]');
  return fields.find((f) => f.field === normal)?.description ?? '';
}

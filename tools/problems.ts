/**
 * Validator failures in plain words: each zod issue becomes a problem that names the field and says what to do
 * ("receivingParents: give a list of receiving parents, each with their children"), never zod's own wording
 * ("Invalid input: expected array, received undefined"). An unknown field gets the nearest field the schema knows
 * at that level ("nightsPerWeek is not a field here; did you mean nightsPerYear?").
 *
 * A message a schema wrote itself (`.min(1, 'give at least one receiving parent')`) is kept: it already says what
 * to do. Only zod's defaults are rewritten, from what the schema says the field is.
 * @module
 */
import type * as z from 'zod';
import type { Problem } from '../calc/errors.ts';
import { civilDate } from './schemas.ts';

/** A zod 4 schema, as zod's core types it (every classic schema is one). */
type Schema = z.core.$ZodType;

/**
 * The parts of a schema's definition this module reads: zod's `$ZodTypeDef`, seen with the fields its kinds add
 * (each optional, and read only for the kind that has it). A `$ZodTypeDef` is one of these as it is, so no cast.
 */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, Schema>;
  readonly element?: Schema;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly options?: readonly Schema[];
  readonly entries?: Record<string, string | number>;
  readonly values?: readonly unknown[];
  readonly valueType?: Schema;
  readonly format?: string;
  readonly getter?: () => Schema;
  readonly checks?: readonly unknown[];
}
const defOf = (schema: Schema): Def => schema._zod.def;

/** The description a classic schema carries (`.describe(…)` or `.meta({ description })`), if any. */
function descriptionOf(schema: Schema): string | undefined {
  return 'description' in schema && typeof schema.description === 'string' ? schema.description : undefined;
}

/** Zod's own (English) messages: these are rewritten; anything else was written by a schema and is kept. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized key)/;

/** The issues of a failed parse as problems in plain words. `schema` and `input` are what was parsed. */
export function plainProblems(error: z.ZodError, schema?: z.ZodType, input?: unknown): Problem[] {
  const root: Schema | undefined = schema;
  const problems: Problem[] = [];
  const add = (issue: Issue, within: readonly (string | number)[]): void => {
    const path = [...within, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(objectShape(root && schemaAt(root, path)) ?? {});
      for (const key of issue.keys) problems.push({ field: fieldName([...path, key]), message: unknownField(key, known) });
      return;
    }
    const branch = issue.code === 'invalid_union' ? branchOfKind(issue) : undefined;
    if (branch) {
      for (const inner of branch) add(inner, path);
      return;
    }
    const message = ZOD_DEFAULT.test(issue.message) ? plainMessage(issue, path, root, input) : issue.message;
    problems.push({ field: fieldName(path) || '(body)', message });
  };
  for (const issue of error.issues) add(issue, []);
  return problems;
}

/**
 * Of a union's options, the one whose problems are all inside the value (an object given where a text or an object
 * is accepted, with a field wrong or unknown), when exactly one is: its own issues say what is wrong there
 * ("source.line: give a whole number"), where the union's would only say the value is not in a form it accepts.
 * A value wrong as a whole (a text none of the options takes) keeps the union's problem, which names every option.
 */
function branchOfKind(issue: z.core.$ZodIssueInvalidUnion): readonly Issue[] | undefined {
  const inside = issue.errors.filter(
    (branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0 || inner.code === 'unrecognized_keys'),
  );
  return inside.length === 1 ? inside[0] : undefined;
}

/** `["a", 0, "b"]` → `a[0].b`. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');
}

/** "nightsPerWeek is not a field here; did you mean nightsPerYear?" (or the fields there are, when none is near). */
export function unknownField(key: string, known: readonly string[]): string {
  const near = nearest(key, known);
  const name = shortened(key);
  if (near) return `${name} is not a field here; did you mean ${near}?`;
  if (known.length === 0) return `${name} is not a field here; remove it`;
  const shown = known.length > 12 ? [...known.slice(0, 12), '…'] : known;
  return `${name} is not a field here; remove it (the fields here are ${shown.join(', ')})`;
}

/**
 * A name no longer than any a person would type: the first `MAX_NAME` characters and "…". A refusal quotes the
 * name it refuses; a megabyte-long one is not echoed back whole.
 */
export function shortened(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name;
}

/**
 * Names longer than this are not slips of a known one (every known name is far shorter), so nothing is compared
 * for them: comparing costs the product of the lengths, and an unknown name can be as long as the body allows.
 */
export const MAX_NAME = 64;

/** The known name closest to `key` by edit distance (letters compared without case), if it is close enough to be a slip. */
export function nearest(key: string, known: readonly string[]): string | undefined {
  if (key.length > MAX_NAME) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    // Lengths further apart than the edits allowed cannot be a slip (the distance is at least their difference).
    if (Math.abs(candidate.length - key.length) > allowedEdits(key, candidate)) continue;
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= allowedEdits(key, best) ? best : undefined;
}

/** How many edits still make `key` a slip for `candidate`: a third of the longer name, at least 2. */
const allowedEdits = (key: string, candidate: string): number => Math.max(2, Math.floor(Math.max(key.length, candidate.length) / 3));

/** Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment), in three rows. */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      current[j] = v;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

type Issue = z.core.$ZodIssue;

function plainMessage(issue: Issue, path: readonly (string | number)[], root: Schema | undefined, input: unknown): string {
  const at = root && schemaAt(root, path);
  const key = [...path].reverse().find((k): k is string => typeof k === 'string');
  const what = at ? phrase(at, key) : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, path);
      const wanted = what ?? expectedWords(issue.expected);
      if (path.length === 0) return `give the input as a JSON object${value === undefined ? '' : `, not ${kindOf(value)}`}`;
      return value === undefined ? `give ${wanted}` : `give ${wanted}, not ${kindOf(value)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${shown(issue.values[0])}` : `must be one of ${listWords(issue.values.map(shown))}`;
    case 'invalid_union': {
      const value = valueAt(input, path);
      if (value === undefined) return `give ${what ?? 'a value'}`;
      return what ? `give ${what}, not ${kindOf(value)}` : 'is not in a form this field accepts; check it against the tool’s description';
    }
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'set'
        ? `give at least ${count(issue.minimum, 'item')}`
        : issue.origin === 'string'
          ? Number(issue.minimum) <= 1
            ? 'must not be empty'
            : `must be at least ${count(issue.minimum, 'character')}`
          : `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'set'
        ? `give at most ${count(issue.maximum, 'item')}`
        : issue.origin === 'string'
          ? `must be at most ${count(issue.maximum, 'character')}; shorten it`
          : `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
    case 'invalid_format':
      return `must be ${formatWords(issue.format)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has a key this field does not accept; check the names used in it';
    case 'invalid_element':
      return 'has a value this field does not accept; check each entry';
    default:
      return what ? `is not valid here; give ${what}` : 'is not valid here; check it against the tool’s description';
  }
}

const count = (n: number | bigint, noun: string) => `${String(n)} ${noun}${Number(n) === 1 ? '' : 's'}`;
const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const listWords = (items: readonly string[], conjunction = 'or') =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;

function expectedWords(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'string':
      return 'text';
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return `a value of type ${expected}`;
  }
}

function formatWords(format: string): string {
  switch (format) {
    case 'uuid':
    case 'guid':
      return 'an id as Reckoner gives it (a UUID, such as 0190d1a8-…)';
    case 'email':
      return 'an email address';
    case 'url':
      return 'a web address (URL)';
    case 'date':
      return 'a date written YYYY-MM-DD';
    case 'base64':
      return 'base64 text';
    default:
      return `written in the expected form (${format})`;
  }
}

/** What a value is, in words: "text", "a number", "a list", "an object", "true or false", "null". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** "receivingParents" → "receiving parents"; "nightsPerYear" → "nights per year". */
export function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** The wrappers that do not change what a field is. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);

function unwrap(schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else break;
  }
  return s;
}

function objectShape(schema: Schema | undefined): Record<string, Schema> | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  if (def.type === 'union') {
    // A text or an object (parse_statement's { page, line }): the object's fields.
    const shapes = (def.options ?? []).map(objectShape).filter((shape) => shape !== undefined);
    return shapes.length === 1 ? shapes[0] : undefined;
  }
  return def.type === 'object' ? def.shape : undefined;
}

/** The schema of the value at `path`, where the schema says (through objects, lists, records and unions). */
function schemaAt(root: Schema, path: readonly (string | number)[]): Schema | undefined {
  let s: Schema | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    const inner: Schema = unwrap(s);
    const def = defOf(inner);
    if (def.type === 'object' && typeof key === 'string') s = def.shape?.[key];
    else if (def.type === 'array' && typeof key === 'number') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else if (def.type === 'union') s = def.options?.map((o) => schemaAt(o, [key])).find((x) => x !== undefined);
    else s = undefined;
  }
  return s;
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** A description made to follow other words: its first letter in lower case, unless it begins a capitalised word or format ("YYYY-MM-DD", "CMS…"). */
const lowerFirst = (text: string) => (/^\p{Lu}[\p{Lu}\d-]/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));

/** What to give for a field, in words, from its schema: "a list of receiving parents, each with their children". */
function phrase(schema: Schema, key: string | undefined): string {
  const s = unwrap(schema);
  const def = defOf(s);
  const described = descriptionOf(s) ?? descriptionOf(schema);
  switch (def.type) {
    case 'array': {
      const element = def.element && unwrap(def.element);
      const shape = element && defOf(element).type === 'object' ? defOf(element).shape : undefined;
      const required = shape
        ? Object.entries(shape)
            .filter(([, v]) => !isOptional(v))
            .map(([k]) => words(k))
        : [];
      const list = key ? `a list of ${words(key)}` : 'a list';
      return required.length > 0 ? `${list}, each with their ${listWords(required, 'and')}` : list;
    }
    case 'object': {
      const name = key ? `the ${words(key)}` : 'an object';
      return described ? `${name} (an object: ${lowerFirst(described)})` : `${name} as an object`;
    }
    case 'enum':
      return `one of ${listWords(Object.values(def.entries ?? {}).map(String))}`;
    case 'literal':
      return listWords((def.values ?? []).map(shown));
    case 'boolean':
      return 'true or false';
    case 'number':
      return def.format && /int/.test(def.format) ? 'a whole number' : 'a number';
    case 'string':
      if (isDate(s) || described === DATE_FORMAT) {
        // A date field (tools/schemas.ts civilDate): its description says which day, not what to write.
        const which = described && described !== DATE_FORMAT ? ` (${lowerFirst(described)})` : '';
        return `${key ? `the ${words(key)}` : 'a date'}${which}, written ${DATE_FORMAT}`;
      }
      return described ? lowerFirst(described) : 'text';
    case 'union':
      return described ? lowerFirst(described) : listWords((def.options ?? []).map((o) => phrase(o, key)));
    default:
      return described ? lowerFirst(described) : 'a value';
  }
}

const DATE_FORMAT = 'YYYY-MM-DD';
/** Whether a string schema is tools/schemas.ts's civilDate (or made from it): it carries that schema's own check. */
function isDate(schema: Schema): boolean {
  const dateCheck = defOf(civilDate).checks?.[0];
  return dateCheck !== undefined && (defOf(schema).checks ?? []).includes(dateCheck);
}

function isOptional(schema: Schema): boolean {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const { type: t, innerType } = defOf(s);
    if (t === 'optional' || t === 'default' || t === 'prefault') return true;
    if (WRAPPERS.has(t) && innerType) s = innerType;
    else return false;
  }
  return false;
}

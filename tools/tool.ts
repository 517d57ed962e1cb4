/**
 * What a tool is: a name, one zod input and one zod output schema, MCP annotations, and a pure-ish
 * handler. The MCP server and the HTTP API are both built from this one definition.
 * @module
 */
import type * as z from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { CivilDate } from '../calc/dates.ts';
import { InputError, messageOf, ReckonerError, type ErrorCode, type Problem } from '../calc/errors.ts';
import type { CaseStore } from '../store/types.ts';
import type { Files } from './files.ts';
import { longArrayProblems } from '../store/bounded-parse.ts';
import { plainProblems } from './problems.ts';

/** What the adapters know that the core must not look up itself. */
export interface ToolContext {
  /** Today's date, for inputs whose date defaults to today. */
  readonly today: CivilDate;
  /**
   * Whether the tool may read local files (stdio only: the client runs on the same machine as the server).
   * Over HTTP a path would let a remote caller read the server's disk, so it is false there.
   */
  readonly localFiles?: boolean;
  /**
   * The folders a local path must lie in, now (the client's MCP roots can change during a session, and
   * RECKONER_FILES_DIR adds to them): given by the stdio server only, never over HTTP (tools/local-files.ts).
   */
  readonly allowedDirs?: () => Promise<readonly string[]>;
  /** The case store, opened on first use (case tools only; absent when the server has no store). */
  readonly store?: () => Promise<CaseStore>;
  /**
   * The file shelf, as this caller's organisation and principal see it (tools/files.ts): a tool that makes a file
   * puts it here and returns the link. Absent in a bare context: the tool then gives the bytes as base64.
   */
  readonly files?: Files;
  /** Reports how far a long tool has got (MCP notifications/progress when the client sent a progressToken). */
  readonly progress?: (done: number, total?: number, message?: string) => void;
  /** Aborted when the caller cancels the request: a long tool checks it and stops (throwing `signal.reason`). */
  readonly signal?: AbortSignal;
  /**
   * Whose work this is on a shared server: the caller's organisation. What all callers share (the document reader's
   * workers) takes turns by it, so that one organisation cannot take every turn.
   */
  readonly owner?: string;
}

/**
 * What a tool file writes: its name, one zod input and one zod output schema, MCP annotations, a handler typed by
 * its schemas, and the summary of a result for the MCP text content.
 */
export interface ToolSpec<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  /** snake_case verb, e.g. `calculate_maintenance`; the HTTP route is `/api/v1/calculate-maintenance`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: I;
  readonly outputSchema: O;
  readonly annotations: ToolAnnotations;
  readonly handler: (input: z.infer<I>, context: ToolContext) => z.infer<O> | Promise<z.infer<O>>;
  /** A short human summary of a result, for the MCP text content. */
  readonly summarize: (output: z.infer<O>) => string;
  /**
   * The handler's output written straight to JSON text, byte for byte `JSON.stringify` of what `handler` gives, for a
   * tool whose answer is large and fixed in shape (calculate_maintenance): the JSON API sends it as it is.
   */
  readonly handlerText?: (input: z.infer<I>, context: ToolContext) => string;
}

/** What one call of a tool gave: its structured output and the summary of it. */
export interface ToolRun {
  readonly output: Record<string, unknown>;
  readonly summary: string;
}

/**
 * A tool with its types erased, as the registry, the MCP server and the HTTP API hold it: `run` takes any input,
 * parses it with the tool's own schema (a refusal in plain words when it does not fit) and calls the typed
 * handler. Every `defineTool(...)` result is one, so `TOOLS: readonly AnyTool[]` needs no cast.
 */
export interface AnyTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: z.ZodObject;
  readonly outputSchema: z.ZodObject;
  readonly annotations: ToolAnnotations;
  /** @throws {InputError} in plain words when `input` does not fit the input schema; whatever the handler throws. */
  run(input: unknown, context: ToolContext): Promise<ToolRun>;
  /**
   * The structured output alone, as `run` gives it, without the summary in words that only MCP's text content
   * carries (the JSON API's answer; for calculate_maintenance the summary writes the whole trace out again).
   */
  output(input: unknown, context: ToolContext): Promise<Record<string, unknown>>;
  /** `output` as JSON text (the JSON API's body): `JSON.stringify` of it, or the tool's own `handlerText`. */
  outputText(input: unknown, context: ToolContext): Promise<string>;
}

/** A defined tool: typed (for its own tests and callers) and erased (for the registry) at once. */
export type ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> = ToolSpec<I, O> & AnyTool;

/** Error codes of the public contract (DESIGN.md "Errors"): one list, from calc/errors.ts, re-exported by server/errors.ts. */
export { ERROR_CODES, type ErrorCode } from '../calc/errors.ts';

/** Longest a problem's message may be, and most problems one error lists: an error never grows with the input. */
export const MAX_PROBLEM_CHARS = 500;
export const MAX_PROBLEMS = 20;

/** One problem with the input: the field, written as in the input (`a.b[0].c`), and what to do. */
export type FieldProblem = Problem;

/** An error as the adapters send it: MCP as `message` (one line per problem), HTTP as `{ code, message, details }`. */
export interface ToolFailure {
  readonly code: ErrorCode;
  /** One line per problem, `field: message`, after the error's headline when there are several. */
  readonly message: string;
  /** The same problems one by one, one entry each: always a list, whatever the source of the error. */
  readonly details: readonly FieldProblem[];
}

export function failure(code: ErrorCode, problems: readonly FieldProblem[], headline?: string): ToolFailure {
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => ({ field: clip(p.field, 200), message: clip(p.message, MAX_PROBLEM_CHARS) }));
  const more = problems.length - shown.length;
  const message = messageOf(shown, headline) + (more > 0 ? `\nand ${more} more problem${more === 1 ? '' : 's'} like these` : '');
  return { code, message, details: shown };
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The first text in an input that no record should hold — a NUL character, or half of a UTF-16 surrogate pair (not
 * text at all) — as a problem naming its field; undefined when there is none.
 */
export function textProblem(input: unknown): FieldProblem | undefined {
  const found = badTextIn(input);
  if (!found) return undefined;
  // The field's name is written only for the text found: most inputs have none, and walking them builds no names.
  let field = '';
  for (const key of found.path.reverse()) field = typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${key}` : key;
  return { field: field || '(body)', message: found.message };
}

/**
 * How deep an input may nest: every input Reckoner takes is a few levels deep (a case export about ten), and walking
 * a deeper one would overflow the stack (a security audit sent JSON nested 200,000 deep and got a 500).
 */
export const MAX_DEPTH = 64;

/** The message for the first bad text in a value, with the keys down to it, innermost first. */
function badTextIn(value: unknown, depth = 0): { readonly message: string; readonly path: (string | number)[] } | undefined {
  if (depth > MAX_DEPTH && value !== null && typeof value === 'object') {
    return { message: `is nested more than ${MAX_DEPTH} levels deep; no input Reckoner takes is`, path: [] };
  }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { message: 'contains a NUL character (\\u0000); remove it', path: [] };
    if (!value.isWellFormed()) {
      return { message: 'contains a broken character (half of a UTF-16 surrogate pair); send the text as UTF-8', path: [] };
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextIn(value[i], depth + 1);
      if (found) return (found.path.push(i), found);
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const found = badTextIn((value as Record<string, unknown>)[key], depth + 1);
      if (found) return (found.path.push(key), found);
    }
  }
  return undefined;
}

/**
 * The same for a body read as JSON text, without walking it when it cannot hold such text: the text is decoded from
 * UTF-8, which has no half pairs, and JSON refuses a raw NUL, so only a `\u` escape can put either into the body.
 */
export function textProblemInJson(text: string, parsed: unknown): FieldProblem | undefined {
  return text.includes('\\u') || !text.isWellFormed() ? textProblem(parsed) : undefined;
}

/** An input a tool refuses with a code other than invalid_input (e.g. too_large), naming the field. */
export class CodedInputError extends InputError {
  override name = 'CodedInputError';
  constructor(code: ErrorCode, field: string, message: string) {
    super([{ field, message }], { code });
  }
}

/** What an unexpected error says: nothing of the error itself (no stack, no case data), only that it happened. */
export const INTERNAL_PROBLEM: FieldProblem = {
  field: '(server)',
  message: 'something went wrong inside Reckoner, not in your input; nothing was saved. Please report it',
};

/**
 * Turns a thrown error into the public error shape: a {@link ReckonerError} as its code and problems, anything
 * else as `internal` with {@link INTERNAL_PROBLEM} (the caller logs the error's name; its message may quote data).
 */
export function toFailure(error: unknown): ToolFailure {
  if (error instanceof ReckonerError) return failure(error.code, error.problems, error.headline);
  return failure('internal', [INTERNAL_PROBLEM]);
}

/** Whether {@link toFailure} would call this error `internal` (so the adapter logs its name). */
export function isUnexpected(error: unknown): boolean {
  return !(error instanceof ReckonerError) || error.code === 'internal';
}

/**
 * Zod issues as problems in plain words, naming the field as written in the input (`a.b[0].c`) and saying what
 * to do; given the schema and the input parsed, an unknown field is answered with the nearest known one.
 */
export function problemsFrom(error: z.ZodError, schema?: z.ZodType, input?: unknown): FieldProblem[] {
  return plainProblems(error, schema, input); // all of them: failure() shows MAX_PROBLEMS and counts the rest
}

/**
 * Parses `input` with `schema`: the value, or an {@link InputError} listing every problem in plain words. A long
 * array's first bad element is found before the rest is parsed (store/bounded-parse.ts), and a value nested deeper
 * than zod can follow is refused naming its field, not answered as an internal error.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const early = longArrayProblems(schema, input);
  if (early) throw new InputError(problemsFrom(early, schema, input));
  let parsed: ReturnType<S['safeParse']>;
  try {
    parsed = schema.safeParse(input) as ReturnType<S['safeParse']>;
  } catch (error) {
    // zod follows nesting by recursion: thousands of levels (`{"a":{"a":…}}` in a free-form field) exhaust the stack.
    if (error instanceof RangeError) throw new InputError(deepestField(input), 'is nested too deeply to read; send it with fewer levels');
    throw error;
  }
  if (!parsed.success) throw new InputError(problemsFrom(parsed.error, schema, input));
  return parsed.data as z.output<S>;
}

/** The top-level field whose value is nested deepest (counted without recursion), or "(input)". */
function deepestField(input: unknown): string {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return '(input)';
  let deepest = '(input)';
  let most = -1;
  for (const [key, value] of Object.entries(input)) {
    let depth = 0;
    const stack: [unknown, number][] = [[value, 1]];
    while (stack.length > 0) {
      const [v, d] = stack.pop()!;
      if (v === null || typeof v !== 'object') continue;
      depth = Math.max(depth, d);
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
    if (depth > most) [deepest, most] = [key, depth];
  }
  return deepest;
}

/** `calculate_maintenance` → `calculate-maintenance`. */
export function routeName(toolName: string): string {
  return toolName.replace(/_/g, '-');
}

/** A tool from its spec: the spec as written, plus the erased `run` that the registry and the adapters call. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(spec: ToolSpec<I, O>): ToolDefinition<I, O> {
  const output = async (input: unknown, context: ToolContext) => spec.handler(parseInput(spec.inputSchema, input), context);
  const text = spec.handlerText;
  const outputText = text
    ? async (input: unknown, context: ToolContext) => text(parseInput(spec.inputSchema, input), context)
    : async (input: unknown, context: ToolContext) => JSON.stringify(await output(input, context));
  return {
    ...spec,
    output,
    outputText,
    async run(input: unknown, context: ToolContext): Promise<ToolRun> {
      const result = await output(input, context);
      return { output: result, summary: spec.summarize(result) };
    },
  };
}

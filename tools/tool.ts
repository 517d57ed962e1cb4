/**
 * What a tool is: a name, one zod input and one zod output schema, MCP annotations, and a pure-ish
 * handler. The MCP server and the HTTP API are both built from this one definition.
 * @module
 */
import type * as z from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import { OutOfCoverageError } from '../calc/parameters.ts';
import { ParseError } from '../statements/types.ts';
import { StoreError } from '../store/errors.ts';
import type { CaseStore } from '../store/types.ts';

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
}

export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
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
}

/** Error codes of the public contract (DESIGN.md "Errors"). */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unsupported',
  'parse_failed',
  'too_large',
  'unauthorized',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Longest a problem's message may be, and most problems one error lists: an error never grows with the input. */
export const MAX_PROBLEM_CHARS = 500;
export const MAX_PROBLEMS = 20;

/** One problem with the input: the field, written as in the input (`a.b[0].c`), and what to do. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface ToolFailure {
  readonly code: ErrorCode;
  /** Every problem as `field: message`, joined. */
  readonly message: string;
  /** The same problems one by one: always a list, whatever the source of the error. */
  readonly details: readonly FieldProblem[];
}

export function failure(code: ErrorCode, problems: readonly FieldProblem[]): ToolFailure {
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => ({ field: clip(p.field, 200), message: clip(p.message, MAX_PROBLEM_CHARS) }));
  const more = problems.length - shown.length;
  const message = shown.map((p) => `${p.field}: ${p.message}`).join('; ') + (more > 0 ? `; and ${more} more problems like these` : '');
  return { code, message, details: shown };
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The first text in an input that no record should hold — a NUL character, or half of a UTF-16 surrogate pair (not
 * text at all) — as a problem naming its field; undefined when there is none.
 */
export function textProblem(input: unknown, field = ''): FieldProblem | undefined {
  if (typeof input === 'string') {
    if (input.includes('\u0000')) return { field: field || '(body)', message: 'contains a NUL character (\\u0000); remove it' };
    if (!input.isWellFormed()) {
      return { field: field || '(body)', message: 'contains a broken character (half of a UTF-16 surrogate pair); send the text as UTF-8' };
    }
    return undefined;
  }
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const p = textProblem(input[i], `${field}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (input !== null && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      const p = textProblem(value, field ? `${field}.${key}` : key);
      if (p) return p;
    }
  }
  return undefined;
}

/** An input a tool refuses with a code other than invalid_input (e.g. too_large), naming the field. */
export class CodedInputError extends InputError {
  override name = 'CodedInputError';
  constructor(
    readonly code: ErrorCode,
    field: string,
    message: string,
  ) {
    super(field, message);
  }
}

/** Turns a thrown error into the public error shape; anything unexpected is rethrown. */
export function toFailure(error: unknown): ToolFailure {
  if (error instanceof StoreError || error instanceof CodedInputError)
    return failure(error.code, [{ field: error.field, message: error.message.slice(error.field.length + 2) }]);
  if (error instanceof InputError) {
    return failure('invalid_input', [{ field: error.field, message: error.message.slice(error.field.length + 2) }]);
  }
  if (error instanceof OutOfCoverageError) return failure('unsupported', [{ field: 'date', message: error.message }]);
  if (error instanceof ParseError) return failure(error.code, [{ field: 'document', message: error.message }]);
  throw error;
}

/** Zod issues as field problems, with the field written as in the input (`a.b[0].c`). */
export function problemsFrom(error: z.ZodError): FieldProblem[] {
  return error.issues.slice(0, MAX_PROBLEMS + 1).map((issue) => ({
    field:
      issue.path.reduce<string>(
        (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
        '',
      ) || '(body)',
    message: issue.message,
  }));
}

/** `calculate_maintenance` → `calculate-maintenance`. */
export function routeName(toolName: string): string {
  return toolName.replace(/_/g, '-');
}

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return tool;
}

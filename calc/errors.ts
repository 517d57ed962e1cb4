/**
 * The one error type Reckoner throws for anything a caller can put right: a code from the public list and the
 * problems, each naming its field and saying what to do. The message is derived from the problems, so adapters
 * never cut a field out of a message: MCP gives one line per problem, HTTP one `details` entry per problem.
 *
 * The codes live here, at the bottom of the import graph, so that every layer can throw them; server/errors.ts
 * re-exports them as the list MCP, HTTP and OpenAPI share (DESIGN.md "Errors").
 * @module
 */

/** Every error code of the public contract, in the order DESIGN.md lists them. */
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

/** One problem: the field, written as in the input (`receivingParents[0].children[1].nightsPerYear`), and what to do. */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

export interface ReckonerErrorOptions {
  /**
   * A line said before the problems when there are several (e.g. "The complaint letter cannot be drafted until
   * these 3 problems are put right:"). One problem needs no heading: its line says it all.
   */
  readonly headline?: string;
  readonly cause?: unknown;
}

/** A problem as one line of text: `field: message`. */
export const problemLine = (p: Problem): string => `${p.field}: ${p.message}`;

/** The message of a list of problems: one line each, after the headline when there are several. */
export function messageOf(problems: readonly Problem[], headline?: string): string {
  const lines = problems.map(problemLine);
  return headline && problems.length > 1 ? [headline, ...lines].join('\n') : lines.join('\n');
}

/** The error: `{ code, problems }`, its message derived from the problems. */
export class ReckonerError extends Error {
  override name = 'ReckonerError';
  readonly code: ErrorCode;
  /** Never empty. */
  readonly problems: readonly Problem[];
  readonly headline: string | undefined;

  constructor(code: ErrorCode, problems: readonly Problem[], options: ReckonerErrorOptions = {}) {
    if (problems.length === 0) throw new TypeError('a ReckonerError needs at least one problem');
    super(messageOf(problems, options.headline), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.problems = problems;
    this.headline = options.headline;
  }

  /** The first problem's field (the one field, for an error about one). */
  get field(): string {
    return this.problems[0]!.field;
  }

  /**
   * The same error about a part of a larger input: every field put under `prefix` (`schedule` turns
   * `decisions[0].date` into `schedule.decisions[0].date`), the code and the headline kept (an InputError stays one).
   */
  within(prefix: string): ReckonerError {
    return this.withProblems((p) => ({ field: joinField(prefix, p.field), message: p.message }));
  }

  /**
   * The same error with each problem rewritten (a field renamed as the caller names it, a sentence added): the
   * code and the headline kept, an InputError staying one. Fields are data here, never cut out of the message.
   */
  withProblems(rewrite: (problem: Problem) => Problem): ReckonerError {
    const problems = this.problems.map(rewrite);
    const options = { ...(this.headline ? { headline: this.headline } : {}), cause: this };
    return this instanceof InputError
      ? new InputError(problems, { ...options, code: this.code })
      : new ReckonerError(this.code, problems, options);
  }
}

/** `a` + `b.c` → `a.b.c`; `a` + `[0].c` → `a[0].c`. */
export function joinField(prefix: string, field: string): string {
  if (!prefix) return field;
  if (!field) return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/**
 * Bad input: the kind of {@link ReckonerError} the core throws for a value that is wrong (code `invalid_input`
 * unless said otherwise). Written `new InputError(field, message)` for one problem, or with the list.
 */
export class InputError extends ReckonerError {
  override name = 'InputError';

  constructor(field: string, message: string);
  constructor(problems: readonly Problem[], options?: ReckonerErrorOptions & { readonly code?: ErrorCode });
  constructor(
    fieldOrProblems: string | readonly Problem[],
    messageOrOptions?: string | (ReckonerErrorOptions & { readonly code?: ErrorCode }),
  ) {
    if (typeof fieldOrProblems === 'string') {
      super('invalid_input', [{ field: fieldOrProblems, message: messageOrOptions as string }]);
    } else {
      const options = (messageOrOptions ?? {}) as ReckonerErrorOptions & { readonly code?: ErrorCode };
      super(options.code ?? 'invalid_input', fieldOrProblems, options);
    }
  }
}

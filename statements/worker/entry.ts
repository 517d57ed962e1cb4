/**
 * The parse process (see pool.ts), a child of the one that serves requests: reads one document at a time with
 * {@link parseDocumentInProcess} and answers with the result, or with the error as data (its class, code and
 * field, rebuilt on the other side). It ends when the process that started it has gone.
 * @module
 */
import './silence.ts'; // first: nothing the readers print reaches stdout
import { MappingError } from '../csv/index.ts';
import { parseDocumentInProcess, type ParseOptions } from '../index.ts';
import { ParseError, type ParseRequest, type ParseResult } from '../types.ts';

export interface WorkerJob {
  readonly id: number;
  readonly request: ParseRequest;
  readonly options: ParseOptions;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: ParseResult }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: {
        readonly kind: 'parse' | 'mapping' | 'other';
        readonly name: string;
        readonly message: string;
        readonly code?: string;
        readonly field?: string;
        /** A mapping error's one problem, without its field (the field is above, as data). */
        readonly problem?: string;
      };
    };

function describe(error: unknown): (WorkerReply & { ok: false })['error'] {
  if (error instanceof MappingError)
    return {
      kind: 'mapping',
      name: error.name,
      message: error.message,
      code: error.code,
      field: error.field,
      problem: error.problems[0]!.message,
    };
  if (error instanceof ParseError) return { kind: 'parse', name: error.name, message: error.message, code: error.code };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', name: e.name, message: e.message };
}

if (process.send) {
  const send = process.send.bind(process);
  process.on('message', (job: WorkerJob) => {
    parseDocumentInProcess(job.request, job.options).then(
      (result) => send({ id: job.id, ok: true, result } satisfies WorkerReply),
      (error: unknown) => send({ id: job.id, ok: false, error: describe(error) } satisfies WorkerReply),
    );
  });
  // The parent has gone (closed, killed or crashed): nobody is left to answer.
  process.on('disconnect', () => process.exit(0));
}

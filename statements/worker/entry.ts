/**
 * The parse process (see pool.ts), a child of the one that serves requests: reads one document at a time with
 * {@link parseDocumentInProcess} and answers with the result (its rows as text, in parts: reply.ts), or with the error
 * as data (its class, code and field, rebuilt on the other side). It ends when the process that started it has gone.
 * @module
 */
import './silence.ts'; // first: nothing the readers print reaches stdout
import { MappingError } from '../csv/index.ts';
import { parseDocumentInProcess, stackOverflowMessage, type ParseOptions } from '../index.ts';
import { isStackOverflow } from '../pdf/text.ts';
import { ParseError, type ParseRequest } from '../types.ts';
import { resultMessages, type ResultDone, type RowsPart } from './reply.ts';

export interface WorkerJob {
  readonly id: number;
  readonly request: ParseRequest;
  readonly options: ParseOptions;
}

/** A result comes back in messages (reply.ts: its rows as text, in parts, then the rest); an error in one. */
export type WorkerReply =
  | RowsPart
  | ResultDone
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

/** The error as data; `bytes`, the document's, tell a PDF (whose stack overflow is the PDF reader's message) from text. */
function describe(error: unknown, bytes?: Uint8Array): (WorkerReply & { ok: false })['error'] {
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
  // The stack run out anywhere in the reader (a file nested past what can be followed): said for a person, not in V8's words,
  // and as a PDF's problem only for a PDF (index.ts says it for a CSV or OFX file; this is the net under it).
  if (isStackOverflow(error)) return { kind: 'parse', name: 'ParseError', message: stackOverflowMessage(bytes), code: 'parse_failed' };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', name: e.name, message: e.message };
}

if (process.send) {
  const send = process.send.bind(process);
  process.on('message', (job: WorkerJob) => {
    parseDocumentInProcess(job.request, job.options).then(
      (result) => {
        for (const message of resultMessages(job.id, result)) send(message satisfies WorkerReply);
      },
      (error: unknown) => send({ id: job.id, ok: false, error: describe(error, job.request.bytes) } satisfies WorkerReply),
    );
  });
  // The parent has gone (closed, killed or crashed): nobody is left to answer.
  process.on('disconnect', () => process.exit(0));
}

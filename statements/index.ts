/**
 * One entry point for every document: bytes in, typed transactions or CMS ledger entries out.
 *
 * {@link parseDocument} reads the document in a child process with a memory cap and a deadline
 * (worker/pool.ts), so that no file, however hostile, can stop the process that calls it; use it for
 * anything a user sends. {@link parseDocumentInProcess} is the same parse on the calling thread, for the
 * child itself and for measuring.
 *
 * The format is found from the content, never the file name: `%PDF-` → the PDF reader; an OFX/QFX header or
 * `<OFX>` element → the OFX reader; other text → the CSV reader; anything else is refused with what to send
 * instead. Every reader works within {@link LIMITS}: bytes, rows and time. Text that cannot be stored (NUL,
 * lone surrogates) is removed from the result, with a warning that counts it (hygiene.ts).
 * @module
 */
import { Budget, type BudgetLimits } from './csv/budget.ts';
import { parseCsv } from './csv/index.ts';
import { detectFormat, isPdf } from './detect.ts';
import { looksLikeOfx, parseOfx } from './ofx.ts';
import { cleanResult } from './hygiene.ts';
import { parsePdf } from './pdf/index.ts';
import { isStackOverflow, TOO_DEEP } from './pdf/text.ts';
import { LIMITS, ParseError, type ParseRequest, type ParseResult } from './types.ts';
import { sharedPool } from './worker/pool.ts';
import { groupedCount } from '../calc/money.ts';

export * from './types.ts';
export { MappingError } from './csv/index.ts';

export interface ParseOptions {
  /** Tighter limits than {@link LIMITS} (tests use these); never looser. */
  readonly limits?: Partial<BudgetLimits & { readonly maxBytes: number }>;
}

/** Settles with `work`, or fails with `too_large` once `millis` have passed (the answer comes back in time). */
async function withDeadline<T>(work: Promise<T>, millis: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ParseError(
            'too_large',
            `Reading this document took longer than ${Math.round(millis / 1000)} seconds, the most one document may take; split it into smaller files and send each.`,
          ),
        ),
      millis,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Refuses at once what needs no reading: not bytes, empty, or larger than may be read. */
function checkSize(request: ParseRequest, maxBytes: number): void {
  const bytes = request.bytes;
  if (!(bytes instanceof Uint8Array)) throw new ParseError('invalid_input', 'The document must be given as bytes.');
  if (bytes.length === 0) throw new ParseError('invalid_input', 'The document is empty (0 bytes); send the file itself.');
  if (bytes.length > maxBytes) {
    throw new ParseError(
      'too_large',
      `The document is ${groupedCount(bytes.length)} bytes; at most ${groupedCount(maxBytes)} bytes (${Math.round(maxBytes / 1024 / 1024)} MiB) can be read. Split it (for example one file per year), or export a CSV.`,
    );
  }
}

const maxBytesOf = (options: ParseOptions) => Math.min(options.limits?.maxBytes ?? LIMITS.maxBytes, LIMITS.maxBytes);

/**
 * Detects what the document is and parses it, in a child process with a memory cap and a deadline (see
 * worker/pool.ts): the calling process stays free whatever the document does.
 */
export async function parseDocument(
  request: ParseRequest,
  options: ParseOptions = {},
  signal?: AbortSignal,
  owner?: string,
): Promise<ParseResult> {
  checkSize(request, maxBytesOf(options));
  return sharedPool().parse(request, options, signal, owner);
}

/** Detects what the document is and parses it on this thread. Only for the worker, and for measuring. */
export async function parseDocumentInProcess(request: ParseRequest, options: ParseOptions = {}): Promise<ParseResult> {
  const maxRows = Math.min(options.limits?.maxRows ?? LIMITS.maxRows, LIMITS.maxRows);
  const maxMillis = Math.min(options.limits?.maxMillis ?? LIMITS.maxMillis, LIMITS.maxMillis);
  checkSize(request, maxBytesOf(options));
  return cleanResult(await parseFormat(request, maxRows, maxMillis));
}

/**
 * The stack run out reading a CSV or OFX file (a pattern or a recursion meeting something no bank writes): said for a
 * person and for the format, never as the PDF reader's "nested too deeply" (a security probe's 10 MB OFX MEMO was
 * answered so).
 */
export function textTooDeep(format: 'csv' | 'ofx'): string {
  return format === 'ofx'
    ? 'This OFX file cannot be read: a part of it is built in a way no bank writes (reading it ran past the deepest structure that can be followed), so the file is damaged or was not made by the bank. Download the statement again from online banking and send that file, or export the statement as CSV.'
    : 'This CSV file cannot be read: a part of it is built in a way no bank writes (reading it ran past the deepest structure that can be followed), so the file is damaged or was not exported by the bank. Export the statement again from online banking and send that file.';
}

/**
 * What to say when the stack ran out reading `bytes` and nothing nearer said it: a PDF's "nested too deeply" only for a
 * PDF (or bytes not given), else the CSV or OFX message ({@link textTooDeep}). For the parse worker's last net.
 */
export function stackOverflowMessage(bytes: unknown): string {
  if (!(bytes instanceof Uint8Array) || isPdf(bytes)) return TOO_DEEP;
  return looksLikeOfx(new TextDecoder('latin1').decode(bytes.subarray(0, 8192))) ? textTooDeep('ofx') : textTooDeep('csv');
}

async function parseFormat(request: ParseRequest, maxRows: number, maxMillis: number): Promise<ParseResult> {
  const bytes = request.bytes;
  if (isPdf(bytes)) return withDeadline(parsePdf(request, { maxMillis }), maxMillis);
  let format: 'csv' | 'ofx' = 'csv';
  try {
    const detected = detectFormat(bytes);
    // Not reached (a PDF is found above); the type needs it.
    if (detected.format === 'pdf') return withDeadline(parsePdf(request, { maxMillis }), maxMillis);
    format = detected.format;
    const budget = new Budget({ maxRows, maxMillis });
    const { decoded } = detected;
    const doubtful = decoded.warnings.length;
    if (detected.format === 'ofx') return parseOfx(decoded.text, request, budget, decoded.warnings, doubtful);
    // A CSV or OFX file is a bank statement whatever the hint says (CMS documents come as PDF); the result says so.
    return parseCsv(decoded.text, request, budget, decoded.warnings, doubtful);
  } catch (e) {
    if (isStackOverflow(e)) throw new ParseError('parse_failed', textTooDeep(format));
    throw e;
  }
}

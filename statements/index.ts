/**
 * One entry point for every document: bytes in, typed transactions or CMS ledger entries out.
 *
 * The format is found from the content, never the file name: `%PDF-` → the PDF reader; an OFX/QFX header or
 * `<OFX>` element → the OFX reader; other text → the CSV reader; anything else is refused with what to send
 * instead. Every reader works within {@link LIMITS}: bytes, rows and time.
 * @module
 */
import { Budget, type BudgetLimits } from './csv/budget.ts';
import { parseCsv } from './csv/index.ts';
import { detectFormat } from './detect.ts';
import { parseOfx } from './ofx.ts';
import { parsePdf } from './pdf/index.ts';
import { LIMITS, ParseError, type ParseRequest, type ParseResult } from './types.ts';

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

/** Detects what the document is and parses it. */
export async function parseDocument(request: ParseRequest, options: ParseOptions = {}): Promise<ParseResult> {
  const maxBytes = Math.min(options.limits?.maxBytes ?? LIMITS.maxBytes, LIMITS.maxBytes);
  const maxRows = Math.min(options.limits?.maxRows ?? LIMITS.maxRows, LIMITS.maxRows);
  const maxMillis = Math.min(options.limits?.maxMillis ?? LIMITS.maxMillis, LIMITS.maxMillis);
  const bytes = request.bytes;
  if (!(bytes instanceof Uint8Array)) throw new ParseError('invalid_input', 'The document must be given as bytes.');
  if (bytes.length === 0) throw new ParseError('invalid_input', 'The document is empty (0 bytes); send the file itself.');
  if (bytes.length > maxBytes) {
    throw new ParseError(
      'too_large',
      `The document is ${bytes.length.toLocaleString('en-GB')} bytes; at most ${maxBytes.toLocaleString('en-GB')} bytes (${Math.round(maxBytes / 1024 / 1024)} MiB) can be read. Split it (for example one file per year), or export a CSV.`,
    );
  }
  const detected = detectFormat(bytes);
  if (detected.format === 'pdf') return withDeadline(parsePdf(request), maxMillis);
  const budget = new Budget({ maxRows, maxMillis });
  const { decoded } = detected;
  const doubtful = decoded.warnings.length;
  if (detected.format === 'ofx') return parseOfx(decoded.text, request, budget, decoded.warnings, doubtful);
  // A CSV or OFX file is a bank statement whatever the hint says (CMS documents come as PDF); the result says so.
  return parseCsv(decoded.text, request, budget, decoded.warnings, doubtful);
}

/**
 * One entry point for every document: bytes in, typed transactions or CMS ledger entries out.
 * @module
 */
import { ParseError, LIMITS, type ParseRequest, type ParseResult } from './types.ts';

export * from './types.ts';

/** Detects what the document is and parses it. */
export async function parseDocument(request: ParseRequest): Promise<ParseResult> {
  const bytes = request.bytes;
  if (bytes.length === 0) throw new ParseError('invalid_input', 'The document is empty (0 bytes); send the file itself.');
  if (bytes.length > LIMITS.maxBytes) {
    throw new ParseError('too_large', `The document is ${bytes.length} bytes; at most ${LIMITS.maxBytes} bytes can be read. Split it, or export a CSV.`);
  }
  throw new ParseError('unsupported', 'Statement parsing is not built yet.');
}

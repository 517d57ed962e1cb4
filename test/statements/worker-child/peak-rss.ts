/**
 * A process for long-strings.test.ts, run with `node --import tsx <this file> <normal.pdf> <other.pdf>`: reads the
 * normal statement through the shared pool (parseDocument: a worker thread, as the server reads documents), so that
 * the worker is up and pdf.js loaded, notes the process's peak resident memory, then reads the other PDF the same
 * way and prints one line of JSON: the peak before and after it (MB), and its error (code and message), if any.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../statements/index.ts';

/** The process's peak resident memory so far, in MB (worker threads included: they share the process). */
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const [normal, other] = process.argv.slice(2);
await parseDocument({ bytes: new Uint8Array(readFileSync(normal!)) });
const before = peakMb();
const error = await parseDocument({ bytes: new Uint8Array(readFileSync(other!)) }).then(
  () => undefined,
  (e: unknown) => ({ code: (e as { code?: string }).code, message: (e as Error).message }),
);
process.stdout.write(`${JSON.stringify({ before, after: peakMb(), error })}\n`);
process.exit(0);

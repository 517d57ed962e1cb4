/**
 * A process for pdf-long-strings.test.ts and pdf-cmap.test.ts, run with `node --import tsx <this file> <normal.pdf>
 * <other.pdf>`: reads the normal statement through the shared pool (parseDocument: a child process, as the server
 * reads documents), so that the child is up and pdf.js loaded, notes the child's peak resident memory, then reads
 * the other PDF the same way and prints one line of JSON: the peak before and after it (MB), and its error (code and
 * message), if any. The same child reads both (the pool reuses it), so the difference is what the other PDF took.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../statements/index.ts';
import { sharedPool } from '../../../statements/worker/pool.ts';

/** The parse child's peak resident memory so far, in MB (Linux: the pool reads it as each document is answered). */
const peakMb = () => {
  const peak = sharedPool().peakMemoryMb;
  if (peak === undefined) throw new Error('the pool reads its children’s memory on Linux only');
  return Math.round(peak);
};

const [normal, other] = process.argv.slice(2);
await parseDocument({ bytes: new Uint8Array(readFileSync(normal!)) });
const before = peakMb();
const error = await parseDocument({ bytes: new Uint8Array(readFileSync(other!)) }).then(
  () => undefined,
  (e: unknown) => ({ code: (e as { code?: string }).code, message: (e as Error).message }),
);
process.stdout.write(`${JSON.stringify({ before, after: peakMb(), error })}\n`);
process.exit(0);

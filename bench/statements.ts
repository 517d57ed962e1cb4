/**
 * Statement parsing: pages per second for a 100-page bank statement through `parsePdf` (text with
 * positions, the safety checks, table rebuilding, the running-balance and totals checks, fingerprints),
 * against raw pdf.js text extraction of the same file in the same run (open the document, then
 * `getTextContent` on every page, with the same document options). The target is under 1.5× the raw time.
 *
 * The statement is generated from ground truth by the fixture generator (Barclays-like, 35 table lines a
 * page, about 2,600 transactions); the parse is checked against that truth once before anything is timed.
 * Rounds alternate which contender goes first, and the ratio is the median of the per-round ratios.
 *
 * Then what the parse worker costs (statements/worker/pool.ts): the same statement through `parseDocument`,
 * which reads it in a worker thread with a memory cap and a deadline (the bytes copied in, the result
 * cloned out), against `parseDocumentInProcess` on this thread; the worker is started and warm first, as
 * it is in a running server.
 * @module
 */
import { parseDocument, parseDocumentInProcess } from '../statements/index.ts';
import { parsePdf } from '../statements/pdf/index.ts';
import { loadPdfJs, pdfJsDocumentOptions } from '../statements/pdf/text.ts';
import { largeTruth, renderTruth } from '../test/fixtures/pdf/generate.ts';
import { expectedTransactions } from '../test/fixtures/pdf/truth.ts';
import { median } from './measure.ts';

const PAGES = 100;
const WARMUP_ROUNDS = 1;
const ROUNDS = 7;

/** Raw pdf.js: open, then the text of every page, nothing else. */
async function rawExtraction(bytes: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument(pdfJsDocumentOptions(new Uint8Array(bytes))).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    items += content.items.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs the section, prints its table, and returns a one-line summary. */
export async function statementsSection(): Promise<string> {
  const truth = largeTruth(PAGES);
  const bytes = await renderTruth(truth);
  const check = await parsePdf({ bytes });
  const expected = expectedTransactions(truth);
  const got = check.transactions.map(({ fingerprint: _f, source: _s, ...t }) => t);
  if (JSON.stringify(got) !== JSON.stringify(expected) || check.metadata.pages !== PAGES) {
    throw new Error('the 100-page statement does not parse to its ground truth; fix statements/pdf before benchmarking');
  }
  for (let r = 0; r < WARMUP_ROUNDS; r++) {
    await rawExtraction(bytes);
    await parsePdf({ bytes });
  }
  const raw: number[] = [];
  const parsed: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      raw.push(await timed(() => rawExtraction(bytes)));
      parsed.push(await timed(() => parsePdf({ bytes })));
    } else {
      parsed.push(await timed(() => parsePdf({ bytes })));
      raw.push(await timed(() => rawExtraction(bytes)));
    }
  }
  const ratios = parsed.map((p, i) => p / raw[i]!);
  const ratio = median(ratios);
  const rawMs = median(raw);
  const parseMs = median(parsed);
  const pps = (ms: number) => (PAGES * 1000) / ms;
  const kb = Math.round(bytes.length / 1024);
  console.log(
    `\nStatement parsing: a ${PAGES}-page statement (${kb} KB, ${check.transactions.length} transactions), median of ${ROUNDS} rounds`,
  );
  console.log(`  raw pdf.js text extraction   ${rawMs.toFixed(0).padStart(6)} ms   ${pps(rawMs).toFixed(0).padStart(5)} pages/s`);
  console.log(`  parsePdf (checked, typed)    ${parseMs.toFixed(0).padStart(6)} ms   ${pps(parseMs).toFixed(0).padStart(5)} pages/s`);
  console.log(
    `  ratio parsePdf / raw          ${ratio.toFixed(2)}× (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target under 1.5×)`,
  );
  const worker = await workerCost(bytes);
  console.log(
    `  parseDocument in a worker     ${worker.workerMs.toFixed(0).padStart(6)} ms   ${pps(worker.workerMs).toFixed(0).padStart(5)} pages/s`,
  );
  console.log(
    `  parseDocumentInProcess        ${worker.inProcessMs.toFixed(0).padStart(6)} ms   ${pps(worker.inProcessMs).toFixed(0).padStart(5)} pages/s`,
  );
  console.log(
    `  ratio worker / in process     ${worker.ratio.toFixed(2)}× (rounds ${Math.min(...worker.ratios).toFixed(2)}–${Math.max(...worker.ratios).toFixed(2)}): what the cage costs a ${PAGES}-page parse`,
  );
  return (
    `statements: ${pps(parseMs).toFixed(0)} pages/s through parsePdf, ${ratio.toFixed(2)}× raw pdf.js extraction (target < 1.5×); ` +
    `the parse worker costs ${worker.ratio.toFixed(2)}× parsing in process`
  );
}

/** The same document through the worker and in process, rounds alternating, the worker warm. */
async function workerCost(bytes: Uint8Array): Promise<{ workerMs: number; inProcessMs: number; ratio: number; ratios: number[] }> {
  const inWorker = await parseDocument({ bytes });
  const here = await parseDocumentInProcess({ bytes });
  if (JSON.stringify(inWorker) !== JSON.stringify(here))
    throw new Error('the worker and the in-process parse disagree; fix statements/worker');
  const worker: number[] = [];
  const local: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      worker.push(await timed(() => parseDocument({ bytes })));
      local.push(await timed(() => parseDocumentInProcess({ bytes })));
    } else {
      local.push(await timed(() => parseDocumentInProcess({ bytes })));
      worker.push(await timed(() => parseDocument({ bytes })));
    }
  }
  const ratios = worker.map((w, i) => w / local[i]!);
  return { workerMs: median(worker), inProcessMs: median(local), ratio: median(ratios), ratios };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(await statementsSection());
}

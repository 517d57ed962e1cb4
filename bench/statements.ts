/**
 * Statement parsing: a 100-page bank statement through `parsePdf` (text with positions, the safety checks,
 * table rebuilding, the running-balance and totals checks, fingerprints), against raw pdf.js text extraction
 * of the same file (open the document, then `getTextContent` on every page, with the same document options:
 * `pdfJsDocumentOptions`, the one source). Three measures, each a ratio with its goal:
 *
 * - **Cold** (goal ≤ 1.5×): each contender in a fresh node process: process start, module load and the first
 *   parse, timed from spawn to the child's exit. The children (bench/pdf-cold/) are bundled with esbuild
 *   the way scripts/build.mjs bundles the server and the parse worker (packages external), so neither
 *   pays for TypeScript; the same pair is then run from the sources through `node --import tsx`, as
 *   information. Rounds alternate which contender goes first; the ratio is the median of per-round ratios.
 *   Each child's CPU time (every thread) is printed beside it: on a busy machine it moves far less than
 *   wall time, which is what the goal is judged on.
 * - **Warm** (goal ≤ 1.5×): both in this process, after a warm-up, rounds alternating.
 * - **Peak memory** (goal ≤ 1.3×): each cold child's resident-set high-water mark
 *   (VmHWM on Linux; bench/pdf-cold/report.ts says why not `maxRSS`): one process per parse, so neither
 *   pollutes the other. Printed too above the floor of an idle child started the same way.
 *
 * The statement is generated from ground truth by the fixture generator (Barclays-like, 35 table lines a
 * page, about 2,600 transactions); the parse is checked against that truth once before anything is timed
 * (each row's fingerprint and place in the document, `source`, set aside: the truth has neither).
 *
 * Then what the parse worker costs (statements/worker/pool.ts): the same statement through `parseDocument`,
 * which reads it in a child process with a memory cap and a deadline (the bytes copied in, the result
 * copied out), against `parseDocumentInProcess` on this thread; the child is started and warm first, as
 * it is in a running server. Last, how a CSV statement's parse grows from 10,000 rows to 100,000 (goal: a row
 * at most 1.5× as dear at the larger size). With the last, what parse_statement's answer costs this thread once the
 * rows are in (tools/parse-statement.ts `toJson`: the first page, found from every row's length).
 *
 * Runs alone: `npx tsx bench/statements.ts`. A measurement, not a test: nothing fails on a goal not met.
 * @module
 */
import { spawn } from 'node:child_process';
import { deserialize, serialize } from 'node:v8';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseDocument, parseDocumentInProcess } from '../statements/index.ts';
import { parsePdf } from '../statements/pdf/index.ts';
import { loadPdfJs, pdfJsDocumentOptions } from '../statements/pdf/text.ts';
import { largeTruth, renderTruth } from '../test/fixtures/pdf/generate.ts';
import { expectedTransactions } from '../test/fixtures/pdf/truth.ts';
import { groupedCount } from '../calc/money.ts';
import { median } from './measure.ts';
import type { ColdReport } from './pdf-cold/report.ts';

const PAGES = 100;
const WARMUP_ROUNDS = 1;
const ROUNDS = 7;
const COLD_ROUNDS = 9;
/** From the sources through tsx, for information only: each round takes seconds (see the section's output). */
const SOURCE_ROUNDS = 3;

/**
 * The goals: the most parsePdf may cost, as a multiple of raw pdf.js extraction; and the most a CSV row may cost
 * at 100,000 rows as a multiple of one at 10,000 (linear is 1×; room is left for a larger heap's collections).
 */
const GOALS = { cold: 1.5, warm: 1.5, memory: 1.3, csvGrowth: 1.5, mainThreadStall: 0.25, parseAnswer: 0.25 } as const;

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** Inside node_modules, so the bundles' external packages (pdfjs-dist) resolve as they do from dist/. */
const COLD_DIR = join(REPO, 'node_modules', '.cache', 'reckoner-bench', 'pdf-cold');
const CHILDREN = ['idle', 'raw', 'parse'] as const;
type Child = (typeof CHILDREN)[number];

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

const fixed = (x: number): string => x.toFixed(0);
const mib = (kib: number): string => (kib / 1024).toFixed(1);
const ratioText = (r: { median: number; min: number; max: number }): string =>
  `${r.median.toFixed(2)}× (rounds ${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const verdict = (ratio: number, goal: number): string => (ratio <= goal ? 'met' : 'not met');

/** The median of per-round ratios, with their range. */
function roundRatios(a: readonly number[], b: readonly number[]): { median: number; min: number; max: number } {
  const ratios = a.map((x, i) => x / b[i]!);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

// ---------------------------------------------------------------------------------------------------
// Cold: one fresh node process per parse.

/** One cold child's run: spawn to exit, and what it reported. */
interface ColdRun extends ColdReport {
  readonly wall: number;
}

/** The three children bundled as scripts/build.mjs bundles the server: esbuild, packages left external. */
async function bundleChildren(): Promise<Record<Child, string>> {
  rmSync(COLD_DIR, { recursive: true, force: true });
  mkdirSync(COLD_DIR, { recursive: true });
  await build({
    absWorkingDir: REPO,
    entryPoints: CHILDREN.map((c) => ({ in: `bench/pdf-cold/${c}.ts`, out: c })),
    outdir: COLD_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return { idle: join(COLD_DIR, 'idle.mjs'), raw: join(COLD_DIR, 'raw.mjs'), parse: join(COLD_DIR, 'parse.mjs') };
}

/** Spawns `node …argv` in the repository and waits for it to exit with its one-line report. */
async function runChild(argv: readonly string[]): Promise<ColdRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, argv, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wall = performance.now() - t0;
  if (code !== 0) throw new Error(`cold child node ${argv.join(' ')} exited with ${code}: ${err.slice(0, 2000)}`);
  return { ...(JSON.parse(out) as ColdReport), wall };
}

interface ColdSeries {
  readonly idle: ColdRun[];
  readonly raw: ColdRun[];
  readonly parse: ColdRun[];
}

/**
 * `rounds` rounds after one unrecorded run of each (the file cache, tsx's cache): in each, the idle floor,
 * then raw and parse, which goes first alternating. Each count is checked against the in-process run.
 */
async function coldSeries(
  command: Record<Child, readonly string[]>,
  expect: { raw: number; parse: number },
  rounds: number,
): Promise<ColdSeries> {
  const series: ColdSeries = { idle: [], raw: [], parse: [] };
  const run = async (c: Child): Promise<ColdRun> => {
    const r = await runChild(command[c]);
    if (c !== 'idle' && r.count !== expect[c]) {
      throw new Error(`the cold ${c} child found ${r.count} ${c === 'raw' ? 'text items' : 'transactions'}, not ${expect[c]}`);
    }
    return r;
  };
  for (const c of CHILDREN) await run(c);
  for (let r = 0; r < rounds; r++) {
    series.idle.push(await run('idle'));
    for (const c of r % 2 === 0 ? (['raw', 'parse'] as const) : (['parse', 'raw'] as const)) series[c].push(await run(c));
  }
  return series;
}

interface ColdResult {
  /** Spawn to exit, wall clock: the goal's measure. */
  readonly time: { median: number; min: number; max: number };
  /** CPU time, every thread: steadier than wall time on a busy machine, so printed beside it. */
  readonly cpu: { median: number; min: number; max: number };
  readonly memory: { median: number; min: number; max: number };
  readonly memoryAboveIdle: { median: number; min: number; max: number };
}

/** Prints one cold series as a table of medians, and returns its ratios. */
function printCold(title: string, s: ColdSeries): ColdResult {
  const col = (runs: readonly ColdRun[], f: (r: ColdRun) => number) => median(runs.map(f));
  console.log(`\n  ${title}`);
  console.log('                           spawn→exit   boot+imports   pdf.js load   the read   spawn+exit   CPU time   peak RSS');
  for (const [label, runs] of [
    ['idle node (floor)', s.idle],
    ['raw pdf.js extraction', s.raw],
    ['parsePdf', s.parse],
  ] as const) {
    console.log(
      `    ${label.padEnd(22)} ${fixed(col(runs, (r) => r.wall)).padStart(7)} ms ${fixed(col(runs, (r) => r.ready)).padStart(11)} ms ` +
        `${fixed(col(runs, (r) => r.pdfjs - r.ready)).padStart(10)} ms ${fixed(col(runs, (r) => r.done - r.pdfjs)).padStart(7)} ms ` +
        `${fixed(col(runs, (r) => r.wall - r.done)).padStart(9)} ms ${fixed(col(runs, (r) => r.cpu)).padStart(7)} ms ` +
        `${mib(col(runs, (r) => r.maxRssKiB)).padStart(6)} MiB`,
    );
  }
  const time = roundRatios(
    s.parse.map((r) => r.wall),
    s.raw.map((r) => r.wall),
  );
  const cpu = roundRatios(
    s.parse.map((r) => r.cpu),
    s.raw.map((r) => r.cpu),
  );
  const memory = roundRatios(
    s.parse.map((r) => r.maxRssKiB),
    s.raw.map((r) => r.maxRssKiB),
  );
  const memoryAboveIdle = roundRatios(
    s.parse.map((r, i) => r.maxRssKiB - s.idle[i]!.maxRssKiB),
    s.raw.map((r, i) => r.maxRssKiB - s.idle[i]!.maxRssKiB),
  );
  console.log(`    ratio parsePdf / raw    spawn→exit ${ratioText(time)}; CPU time ${ratioText(cpu)}`);
  console.log(`                            peak RSS ${ratioText(memory)}; above the idle floor ${ratioText(memoryAboveIdle)}`);
  return { time, cpu, memory, memoryAboveIdle };
}

// ---------------------------------------------------------------------------------------------------

/** Runs the section, prints its tables, and returns a one-line summary. */
export async function statementsSection(): Promise<string> {
  const truth = largeTruth(PAGES);
  const bytes = await renderTruth(truth);
  const check = await parsePdf({ bytes });
  const expected = expectedTransactions(truth);
  const got = check.transactions.map(({ fingerprint: _f, source: _s, ...t }) => t);
  if (JSON.stringify(got) !== JSON.stringify(expected) || check.metadata.pages !== PAGES) {
    throw new Error('the 100-page statement does not parse to its ground truth; fix statements/pdf before benchmarking');
  }
  const items = await rawExtraction(bytes);
  const kb = Math.round(bytes.length / 1024);
  const pps = (ms: number) => (PAGES * 1000) / ms;
  console.log(`\nStatement parsing: a ${PAGES}-page statement (${kb} KB, ${check.transactions.length} transactions, ${items} text items)`);

  // Cold, then warm: the cold children run while this process is still idle.
  const pdf = join(COLD_DIR, 'statement.pdf');
  const bundles = await bundleChildren();
  writeFileSync(pdf, bytes);
  const { data: _data, ...options } = pdfJsDocumentOptions(new Uint8Array(0));
  const optionsJson = JSON.stringify(options);
  const expect = { raw: items, parse: check.transactions.length };
  let bundled: ColdResult;
  let sources: ColdResult;
  try {
    bundled = printCold(
      `cold, bundled (a fresh node per parse; ${COLD_ROUNDS} rounds, order alternating; medians)`,
      await coldSeries({ idle: [bundles.idle], raw: [bundles.raw, pdf, optionsJson], parse: [bundles.parse, pdf] }, expect, COLD_ROUNDS),
    );
    const tsx = (c: Child) => ['--import', 'tsx', `bench/pdf-cold/${c}.ts`];
    sources = printCold(
      `cold, from the sources (node --import tsx, as bin/reckoner runs when its bundle is stale; for information; ${SOURCE_ROUNDS} rounds; medians)`,
      await coldSeries({ idle: tsx('idle'), raw: [...tsx('raw'), pdf, optionsJson], parse: [...tsx('parse'), pdf] }, expect, SOURCE_ROUNDS),
    );
  } finally {
    rmSync(COLD_DIR, { recursive: true, force: true });
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
  const warm = roundRatios(parsed, raw);
  const rawMs = median(raw);
  const parseMs = median(parsed);
  console.log(`\n  warm, in this process (after ${WARMUP_ROUNDS} unrecorded round; ${ROUNDS} rounds, order alternating; medians)`);
  console.log(`    raw pdf.js text extraction   ${rawMs.toFixed(0).padStart(6)} ms   ${pps(rawMs).toFixed(0).padStart(5)} pages/s`);
  console.log(`    parsePdf (checked, typed)    ${parseMs.toFixed(0).padStart(6)} ms   ${pps(parseMs).toFixed(0).padStart(5)} pages/s`);
  console.log(`    ratio parsePdf / raw         ${ratioText(warm)}`);

  const goals = [
    ['cold (bundled, spawn→exit), parsePdf ÷ raw pdf.js', bundled.time.median, GOALS.cold],
    ['warm, parsePdf ÷ raw pdf.js', warm.median, GOALS.warm],
    ['peak memory (RSS), parsePdf ÷ raw pdf.js', bundled.memory.median, GOALS.memory],
  ] as const;
  console.log('\n  goals');
  for (const [label, ratio, goal] of goals) {
    // Three places, so that a figure just over its goal never prints as equal to it.
    console.log(`    ${label.padEnd(50)} ${ratio.toFixed(3)}×   goal ≤ ${goal}×   ${verdict(ratio, goal)}`);
  }
  console.log(`    (cold CPU time, every thread: ${bundled.cpu.median.toFixed(2)}×, for reading the wall-clock figure on a busy machine)`);

  const worker = await workerCost(bytes);
  console.log(`\n  the parse worker (warm)`);
  console.log(
    `    parseDocument in a worker    ${worker.workerMs.toFixed(0).padStart(6)} ms   ${pps(worker.workerMs).toFixed(0).padStart(5)} pages/s`,
  );
  console.log(
    `    parseDocumentInProcess       ${worker.inProcessMs.toFixed(0).padStart(6)} ms   ${pps(worker.inProcessMs).toFixed(0).padStart(5)} pages/s`,
  );
  console.log(
    `    ratio worker / in process    ${worker.ratio.toFixed(2)}× (rounds ${Math.min(...worker.ratios).toFixed(2)}–${Math.max(...worker.ratios).toFixed(2)}): what the cage costs a ${PAGES}-page parse`,
  );
  const csv = await csvGrowth();
  console.log(`\n  a CSV statement's growth (in process, ${ROUNDS} rounds, order alternating; medians)`);
  console.log(`    10,000 rows                  ${(csv.small * 1000).toFixed(1).padStart(6)} µs a row`);
  console.log(`    100,000 rows                 ${(csv.large * 1000).toFixed(1).padStart(6)} µs a row`);
  console.log(
    `    ratio a row at 100,000 ÷ at 10,000   ${ratioText({ median: csv.ratio, min: Math.min(...csv.ratios), max: Math.max(...csv.ratios) })}   goal ≤ ${GOALS.csvGrowth}×   ${verdict(csv.ratio, GOALS.csvGrowth)}`,
  );
  const share = await mainThreadShare();
  console.log(`\n  the main thread's share of a ${groupedCount(share.rows)}-row OFX read by the worker (${ROUNDS_SHARE} rounds; medians)`);
  console.log(
    `    longest stall of this thread  ${share.stallMs.toFixed(0).padStart(6)} ms   (in all ${share.busyMs.toFixed(0)} ms, in parts)`,
  );
  console.log(
    `    the result as one message     ${share.oneMessageMs.toFixed(0).padStart(6)} ms   (deserialized here at once, as it came before)`,
  );
  console.log(
    `    ratio longest stall ÷ one message   ${share.ratio.toFixed(3)}×   goal ≤ ${GOALS.mainThreadStall}×   ${verdict(share.ratio, GOALS.mainThreadStall)}`,
  );
  console.log(`    parse_statement's answer      ${share.answerMs.toFixed(0).padStart(6)} ms   (toJson: the first page, in one block)`);
  console.log(
    `    every row written and copied  ${share.everyRowMs.toFixed(0).padStart(6)} ms   (JSON.stringify and a copy of each row: how pages were found before; information)`,
  );
  console.log(
    `    ratio answer ÷ one message    ${share.answerRatio.toFixed(3)}×   goal ≤ ${GOALS.parseAnswer}×   ${verdict(share.answerRatio, GOALS.parseAnswer)}`,
  );
  return (
    `statements: parsePdf ÷ raw pdf.js cold ${bundled.time.median.toFixed(2)}× (${verdict(bundled.time.median, GOALS.cold)}; ` +
    `CPU time ${bundled.cpu.median.toFixed(2)}×; ${sources.time.median.toFixed(2)}× from the sources), warm ${warm.median.toFixed(2)}× (${verdict(warm.median, GOALS.warm)}), ` +
    `peak memory ${bundled.memory.median.toFixed(3)}× (${verdict(bundled.memory.median, GOALS.memory)}); ` +
    `${pps(parseMs).toFixed(0)} pages/s warm; the parse worker costs ${worker.ratio.toFixed(2)}× parsing in process; ` +
    `a CSV row at 100,000 rows ${csv.ratio.toFixed(2)}× one at 10,000 (${verdict(csv.ratio, GOALS.csvGrowth)}); ` +
    `the main thread's longest stall over a ${groupedCount(share.rows)}-row OFX ${share.ratio.toFixed(3)}× the one-message reply (${verdict(share.ratio, GOALS.mainThreadStall)}), ` +
    `parse_statement's answer ${share.answerRatio.toFixed(3)}× it (${verdict(share.answerRatio, GOALS.parseAnswer)})`
  );
}

const ROUNDS_SHARE = 3;

/**
 * What the process that serves requests does while the worker reads a large OFX (a security probe: 250,000 rows held a
 * running server's `/healthz` for up to 2.2 s). The worker sends the rows as text in parts (statements/worker/reply.ts)
 * and this thread reads each as it comes; measured: the longest this thread goes without turning its event loop while
 * `parseDocument` runs (a 1 ms timer's longest gap), and the time it is busy with the parts. The baseline, in this
 * process: deserializing the same result as the one message it used to come in (V8's serializer, as the IPC channel's
 * 'advanced' serialization), which held this thread all at once. Goal: the longest stall at most a quarter of that.
 *
 * Then the tool's answer from the result, on this thread in one block: `toJson` (tools/parse-statement.ts), the
 * summary and the first page, found from every row's JSON length. Against the same baseline, with the same goal: it
 * used to write every row with `JSON.stringify` and copy every row (about 0.85 s of a running server's `/healthz`),
 * which is timed beside it for information (rounds alternating which goes first).
 */
export async function mainThreadShare(): Promise<{
  rows: number;
  stallMs: number;
  busyMs: number;
  oneMessageMs: number;
  ratio: number;
  answerMs: number;
  everyRowMs: number;
  answerRatio: number;
}> {
  const { ResultAssembler } = await import('../statements/worker/reply.ts');
  const { toJson } = await import('../tools/parse-statement.ts');
  const ROWS = 250_000;
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 200) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    lines.push(`<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>${day}<TRNAMT>-${(i % 997) + 1}.25<NAME>S${i % 50}</STMTTRN>`);
  }
  const head = '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP<BANKACCTFROM><BANKID>400075<ACCTID>31926819</BANKACCTFROM><BANKTRANLIST>';
  const bytes = new TextEncoder().encode(
    ['OFXHEADER:100', 'DATA:OFXSGML', 'VERSION:102', '', head, ...lines, '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>'].join(
      '\n',
    ),
  );
  const result = await parseDocument({ bytes });
  if (result.transactions.length !== ROWS) throw new Error(`the worker gave ${result.transactions.length} rows of ${ROWS}`);
  const add = ResultAssembler.prototype.add;
  let busy = 0;
  ResultAssembler.prototype.add = function (this: InstanceType<typeof ResultAssembler>, part) {
    const t = performance.now();
    add.call(this, part);
    busy += performance.now() - t;
  };
  const stalls: number[] = [];
  const busies: number[] = [];
  const once: number[] = [];
  const answers: number[] = [];
  const everyRow: number[] = [];
  let pages = 0;
  const answer = () => {
    const t = performance.now();
    pages = toJson(result, 'bench', undefined).page.pages;
    answers.push(performance.now() - t);
  };
  const writeEveryRow = () => {
    const t = performance.now();
    let chars = 0;
    for (const row of result.transactions) chars += JSON.stringify({ ...row }).length + 1;
    everyRow.push(performance.now() - t);
    if (chars === 0) throw new Error('no rows written');
  };
  try {
    for (let r = 0; r < ROUNDS_SHARE; r++) {
      busy = 0;
      let last = performance.now();
      let longest = 0;
      const tick = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 1);
      await parseDocument({ bytes });
      clearInterval(tick);
      longest = Math.max(longest, performance.now() - last);
      stalls.push(longest);
      busies.push(busy);
      const message = serialize({ id: 1, ok: true, result });
      const t = performance.now();
      deserialize(message);
      once.push(performance.now() - t);
      for (const run of r % 2 === 0 ? [answer, writeEveryRow] : [writeEveryRow, answer]) run();
    }
  } finally {
    ResultAssembler.prototype.add = add;
  }
  if (pages !== Math.ceil(ROWS / 50)) throw new Error(`the answer counted ${pages} pages of 50 rows, not ${Math.ceil(ROWS / 50)}`);
  const ratios = stalls.map((s, i) => s / once[i]!);
  return {
    rows: ROWS,
    stallMs: median(stalls),
    busyMs: median(busies),
    oneMessageMs: median(once),
    ratio: median(ratios),
    answerMs: median(answers),
    everyRowMs: median(everyRow),
    answerRatio: median(answers.map((a, i) => a / once[i]!)),
  };
}

/**
 * How a CSV statement's parse grows with its length: the time a row at 100,000 rows against at 10,000, in process
 * (the test that reads 100,000 rows to their truth, test/statements/csv-layouts.test.ts, checks what is read, not
 * how long it takes). Linear growth is 1×; a step that is quadratic in the rows would give about 10×.
 */
async function csvGrowth(): Promise<{ small: number; large: number; ratio: number; ratios: number[] }> {
  const { largeStatement } = await import('../test/fixtures/csv/generate.ts');
  const SMALL = 10_000;
  const LARGE = 100_000;
  const small = largeStatement(SMALL).bytes;
  const large = largeStatement(LARGE).bytes;
  for (const bytes of [small, large]) await parseDocumentInProcess({ bytes });
  const perRow = { small: [] as number[], large: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
    for (const which of order) {
      const bytes = which === 'small' ? small : large;
      perRow[which].push((await timed(() => parseDocumentInProcess({ bytes }))) / (which === 'small' ? SMALL : LARGE));
    }
  }
  const ratios = perRow.large.map((l, i) => l / perRow.small[i]!);
  return { small: median(perRow.small), large: median(perRow.large), ratio: median(ratios), ratios };
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

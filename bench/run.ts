/**
 * `npm run bench`: how fast the 2012-scheme calculation and its HTTP route are, as ratios against
 * baselines measured in the same run (DESIGN.md "Testing and measuring"). Machines differ, so the
 * ratios are the result; the absolute figures only give them scale. This is a measurement, not a test:
 * nothing here passes or fails on speed.
 *
 * 1. `calculateMaintenance` over a deterministic mixed batch, against two trivial passes over the same
 *    inputs: summing their incomes with decimal.js, and a JSON round trip of each input.
 * 2. `POST /api/v1/calculate-maintenance` from `createApp`, against a bare Hono route that echoes its JSON
 *    body, both driven in-process with `app.request` and the same bodies; then the same two over a real
 *    loopback socket (@hono/node-server on 127.0.0.1), a bounded number of requests each.
 * 3. `reconcile` over a ten-year dispute with 2,000, 20,000 and 200,000 bank transactions, with and without a
 *    bank filter, against reading and sorting the same input; how it grows, next to n log n and n²
 *    (bench/reconcile.ts).
 * @module
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { cpus } from 'node:os';
import type { AddressInfo } from 'node:net';
import { Dec, type Dec as Decimal } from '../calc/money.ts';
import { calculateMaintenance, type MaintenanceInput, type Rate } from '../calc/scheme-2012/calculate.ts';
import { createApp } from '../server/http.ts';
import { mixedBatch, BENCH_DATE } from './inputs.ts';
import { reconcileSection } from './reconcile.ts';
import { statementsSection } from './statements.ts';
import { storeSection } from './store.ts';
import { asyncWindow, fixedCount, interleaved, pairedRatio, syncWindow, type Contender, type Sample } from './measure.ts';

const BATCH_SIZE = 350;
const SEED = 20120;
const ROUTE = '/api/v1/calculate-maintenance';
const ORIGIN = 'http://127.0.0.1:8787';

/** Results feed this so no measured work can be optimised away. */
let sink = 0;

// ---------------------------------------------------------------------------------------------------
// The batch, checked once before anything is timed.

const batch = mixedBatch(BATCH_SIZE, SEED);
const bodies = batch.map((input) => JSON.stringify(input));

/** The rate each input reached, with the flat rate told apart by its reason (income, or a reg 44 benefit). */
type Reached = Exclude<Rate, 'flat'> | 'flat_income' | 'flat_benefit';
const REACHED: readonly Reached[] = ['nil', 'flat_income', 'flat_benefit', 'reduced', 'basic', 'basic_plus', 'default'];
const rateMix = new Map<Reached, number>();
for (const [i, input] of batch.entries()) {
  try {
    const result = calculateMaintenance(input);
    const byBenefit = input.payingParent.flatRateBenefit && !result.trace.some((s) => s.step === 'rate_benefit_varied');
    const reached: Reached = result.rate === 'flat' ? (byBenefit ? 'flat_benefit' : 'flat_income') : result.rate;
    rateMix.set(reached, (rateMix.get(reached) ?? 0) + 1);
  } catch (error) {
    throw new Error(`bench input ${i} throws, fix bench/inputs.ts: ${(error as Error).message}\n${bodies[i]}`);
  }
}
const missing = REACHED.filter((r) => !rateMix.has(r));
if (missing.length > 0) throw new Error(`the bench batch reaches no ${missing.join(', ')} rate; fix bench/inputs.ts`);

// ---------------------------------------------------------------------------------------------------
// Output.

const fmt = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-GB') : x.toPrecision(3));
const fmtRatio = (x: number): string => (x >= 1 ? x.toFixed(2) : x.toPrecision(3));
/** "0.165 (0.141–0.180; 6.06× the cost)": the median paired ratio, its range over the rounds, and its inverse. */
const fmtPaired = (r: ReturnType<typeof pairedRatio>): string =>
  `${fmtRatio(r.median)} (${fmtRatio(r.min)}–${fmtRatio(r.max)}; ${fmt(1 / r.median)}× the cost)`;

function table(title: string, rows: readonly { sample: Sample; ratio?: string }[], unit: string): void {
  const head = ['', `${unit}/s (median)`, 'min – max', 'ratio (median of rounds; range; inverse)'];
  const lines = rows.map(({ sample, ratio }) => [sample.name, fmt(sample.median), `${fmt(sample.min)} – ${fmt(sample.max)}`, ratio ?? '']);
  const widths = head.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const row = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(`\n${title}`);
  console.log(row(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

console.log('Reckoner benchmark (ratios are the result; absolute figures depend on the machine)');
console.log(
  `node ${process.version}, ${cpus().length} CPU × ${cpus()[0]?.model.trim() ?? 'unknown'}; ` +
    `batch: ${batch.length} inputs, seed ${SEED}, date ${BENCH_DATE}; rates reached: ` +
    REACHED.map((r) => `${r} ${rateMix.get(r)}`).join(', '),
);

// ---------------------------------------------------------------------------------------------------
// 1. The calculation.

/** Baseline: the least a calculation must do, reading each input's money into decimal.js and adding it up. */
function sumIncomes(input: MaintenanceInput): Decimal {
  const p = input.payingParent;
  let total = new Dec(0);
  if (p.grossWeeklyIncome !== undefined) total = total.plus(new Dec(p.grossWeeklyIncome as string | number));
  if (p.income !== undefined) total = total.plus(new Dec(p.income.amount as string | number));
  if (input.variations?.additionalIncomeWeekly !== undefined)
    total = total.plus(new Dec(input.variations.additionalIncomeWeekly as string | number));
  if (input.variations?.specialExpensesWeekly !== undefined)
    total = total.minus(new Dec(input.variations.specialExpensesWeekly as string | number));
  return total;
}

const n = batch.length;
const calcContenders: Contender[] = [
  {
    name: 'calculateMaintenance',
    measure: async (ms) => syncWindow((i) => void (sink += calculateMaintenance(batch[i % n]!).trace.length), ms),
  },
  {
    name: 'baseline: decimal.js income sum',
    measure: async (ms) => syncWindow((i) => void (sink += sumIncomes(batch[i % n]!).isZero() ? 0 : 1), ms),
  },
  {
    name: 'baseline: JSON round trip',
    measure: async (ms) =>
      syncWindow((i) => void (sink += (JSON.parse(JSON.stringify(batch[i % n]!)) as MaintenanceInput).receivingParents.length), ms),
  },
];
const CALC_ROUNDS = 9;
const CALC_WINDOW_MS = 200;
const [calc, decSum, jsonTrip] = await interleaved(calcContenders, {
  warmupRounds: 1,
  warmupWindowMs: 500,
  rounds: CALC_ROUNDS,
  windowMs: CALC_WINDOW_MS,
  slices: 4,
});
const calcVsDec = pairedRatio(calc!, decSum!);
const calcVsJson = pairedRatio(calc!, jsonTrip!);
table(
  `1. calculateMaintenance, in-process (${CALC_ROUNDS} rounds of ${CALC_WINDOW_MS} ms each, taken in 4 alternating slices; ratio = calculations/s ÷ baseline ops/s)`,
  [{ sample: calc! }, { sample: decSum!, ratio: fmtPaired(calcVsDec) }, { sample: jsonTrip!, ratio: fmtPaired(calcVsJson) }],
  'ops',
);

// ---------------------------------------------------------------------------------------------------
// 2. The HTTP route.

function bareApp(): Hono {
  const app = new Hono();
  app.post('/echo', async (c) => c.json(await c.req.json()));
  return app;
}

const reckoner = createApp({ host: '127.0.0.1', port: 8787 });
const bare = bareApp();
const HEADERS = { 'content-type': 'application/json' };

async function post(app: Hono, path: string, body: string): Promise<void> {
  const res = await app.request(`${ORIGIN}${path}`, { method: 'POST', body, headers: HEADERS });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 300)}`);
  sink += text.length;
}

// Every body is accepted by both routes before anything is timed.
for (const body of bodies) {
  await post(reckoner, ROUTE, body);
  await post(bare, '/echo', body);
}

const httpContenders: Contender[] = [
  { name: `Reckoner POST ${ROUTE}`, measure: (ms) => asyncWindow((i) => post(reckoner, ROUTE, bodies[i % n]!), ms) },
  { name: 'bare Hono POST (echo JSON)', measure: (ms) => asyncWindow((i) => post(bare, '/echo', bodies[i % n]!), ms) },
];
const HTTP_ROUNDS = 9;
const HTTP_WINDOW_MS = 300;
const [route, bareRoute] = await interleaved(httpContenders, {
  warmupRounds: 1,
  warmupWindowMs: 500,
  rounds: HTTP_ROUNDS,
  windowMs: HTTP_WINDOW_MS,
  slices: 4,
});
const routeVsBare = pairedRatio(route!, bareRoute!);
table(
  `2a. HTTP route, in-process app.request (${HTTP_ROUNDS} rounds of ${HTTP_WINDOW_MS} ms each, taken in 4 alternating slices; ratio = Reckoner req/s ÷ bare req/s)`,
  [{ sample: route!, ratio: fmtPaired(routeVsBare) }, { sample: bareRoute! }],
  'req',
);

// 2b. The same over a loopback socket: a bounded number of requests, client and servers in this process.
const SOCKET_SLICE = 50; // requests per turn; a round is SOCKET_SLICES turns each
const SOCKET_SLICES = 4;
const SOCKET_CONCURRENCY = 8;
const SOCKET_ROUNDS = 5;

function listen(make: (port: number) => Hono): Promise<{ server: ServerType; url: string }> {
  let app: Hono | undefined;
  return new Promise((resolve) => {
    const server = serve({ fetch: (req) => app!.fetch(req), hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      app = make(info.port);
      resolve({ server, url: `http://127.0.0.1:${info.port}` });
    });
  });
}

const overSocket = [await listen((port) => createApp({ host: '127.0.0.1', port })), await listen(() => bareApp())];
async function fetchPost(url: string, body: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', body, headers: HEADERS });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  sink += text.length;
}
const socketContenders: Contender[] = [
  {
    name: `Reckoner POST ${ROUTE}`,
    measure: () => fixedCount((i) => fetchPost(`${overSocket[0]!.url}${ROUTE}`, bodies[i % n]!), SOCKET_SLICE, SOCKET_CONCURRENCY),
  },
  {
    name: 'bare Hono POST (echo JSON)',
    measure: () => fixedCount((i) => fetchPost(`${overSocket[1]!.url}/echo`, bodies[i % n]!), SOCKET_SLICE, SOCKET_CONCURRENCY),
  },
];
let sockRoute: Sample | undefined;
let sockBare: Sample | undefined;
try {
  [sockRoute, sockBare] = await interleaved(socketContenders, {
    warmupRounds: 2,
    rounds: SOCKET_ROUNDS,
    windowMs: 0,
    slices: SOCKET_SLICES,
  });
} finally {
  for (const { server } of overSocket) {
    const s = server as { closeAllConnections?: () => void; close: (cb?: () => void) => unknown };
    s.closeAllConnections?.();
    s.close();
  }
}
const sockRatio = pairedRatio(sockRoute!, sockBare!);
table(
  `2b. HTTP route over loopback (@hono/node-server, ${SOCKET_ROUNDS} rounds of ${SOCKET_SLICES} alternating turns of ${SOCKET_SLICE} requests, ${SOCKET_CONCURRENCY} in flight; client shares the process)`,
  [{ sample: sockRoute!, ratio: fmtPaired(sockRatio) }, { sample: sockBare! }],
  'req',
);

// ---------------------------------------------------------------------------------------------------
// 3. Reconciliation, as the bank statement grows.

const reconcileSummary = reconcileSection();

// ---------------------------------------------------------------------------------------------------
// 4–6. Statement parsing against raw pdf.js; store imports on PGlite and PostgreSQL; cold start.

const statementsSummary = await statementsSection();
const storeSummary = await storeSection();

// ---------------------------------------------------------------------------------------------------

console.log(
  `\nSummary: calculateMaintenance = ${fmtRatio(calcVsDec.median)} × decimal.js income sum, ${fmtRatio(calcVsJson.median)} × JSON round trip ` +
    `(${fmt(calc!.median)} calculations/s here); HTTP route = ${fmtRatio(routeVsBare.median)} × bare Hono in-process, ` +
    `${fmtRatio(sockRatio.median)} × over loopback; ${reconcileSummary}; ${statementsSummary}; ${storeSummary}.`,
);
if (sink === -1) console.log(''); // keeps `sink` observable

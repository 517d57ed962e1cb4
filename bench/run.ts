/**
 * `npm run bench`: how fast Reckoner is, as ratios against baselines measured in the same run (DESIGN.md
 * "Testing and measuring"), each goal printed with its figure and "met" or "not met". Machines differ, so the
 * ratios are the result; the absolute figures only give them scale. This is a measurement, not a test: nothing
 * here passes or fails on speed.
 *
 * The `calc` and `http` sections measure the code bundled as the server ships (bench/bundle-measured.ts: esbuild with
 * the server's options), not the sources through tsx, whose transform adds work to every named function the shipped
 * code never does; each section's baselines run from the same bundle.
 *
 * `npm run bench -- <section> …` runs only the sections named (e.g. `npm run bench -- statements`, or
 * `npm run bench -- calc http`); with none, all of them, in this order:
 *
 * - `calc`: `calculateMaintenance` over a deterministic mixed batch, in calculations a second with the full trace
 *   (goal ≥ 100,000/s, issue 17), and as ratios against fixed reference workloads over the same inputs that do
 *   not depend on the calculator's code: summing their incomes with decimal.js, and a JSON round trip of each.
 * - `http`: `POST /api/v1/calculate-maintenance` from `createApp`, against a bare Hono app with the same route
 *   that reads the same body, validates it with the same zod schema (the tool's input schema) and answers with
 *   the same bytes (each body's response computed beforehand, checked equal to Reckoner's), so the ratio is what
 *   Reckoner adds: its middleware, the calculation and shaping the output (goal ≥ 0.6×). Both driven in-process with
 *   `app.request` (each request with the Content-Length an HTTP client sends), then over a real loopback socket
 *   (@hono/node-server on 127.0.0.1).
 * - `json-values`: counting a 60 MB export body's JSON values before parsing, against a native search of the same
 *   text (goal ≤ 10×, bench/json-values.ts).
 * - `reconcile`: `reconcile` over a ten-year dispute with 2,000, 20,000 and 200,000 bank transactions, at least
 *   five runs at each size, against reading and sorting the same input; how it grows (bench/reconcile.ts).
 * - `statements`: statement parsing against raw pdf.js (bench/statements.ts).
 * - `store`: store imports on PGlite (and PostgreSQL) against plain INSERTs with the same indexes (bench/store.ts).
 * - `cold-start`: `bin/reckoner mcp` to its first answer against a minimal MCP SDK server (bench/cold-start.ts).
 * - `page`: the advice-line page in Chromium, from navigation to usable (goal ≤ 300 ms on loopback), beside the
 *   same HTML without scripts or styles (bench/page.ts; skipped, saying why, without Chromium).
 * @module
 */
import type { ServerType } from '@hono/node-server';
import { cpus } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Dec as Decimal } from '../calc/money.ts';
import { calculateMaintenance as calculateFromSources, type MaintenanceInput, type Rate } from '../calc/scheme-2012/calculate.ts';
import { loadMeasured } from './bundle-measured.ts';
import { coldStartSection } from './cold-start.ts';
import { mixedBatch, BENCH_DATE } from './inputs.ts';
import { reconcileSection } from './reconcile.ts';
import { asyncWindow, fixedCount, interleaved, pairedRatio, syncWindow, type Contender, type Sample } from './measure.ts';

const BATCH_SIZE = 350;
const SEED = 20120;
const ROUTE = '/api/v1/calculate-maintenance';
const ORIGIN = 'http://127.0.0.1:8787';
/** Issue 17's goals. */
const GOAL_CALCULATIONS_PER_SECOND = 100_000;
const GOAL_HTTP_RATIO = 0.6;

/** Results feed this so no measured work can be optimised away. */
let sink = 0;

const SECTIONS = ['calc', 'http', 'json-values', 'reconcile', 'statements', 'store', 'cold-start', 'page'] as const;
type Section = (typeof SECTIONS)[number];
const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`npm run bench: no section ${unknown.map((u) => `"${u}"`).join(', ')}; the sections are ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const chosen = (section: Section): boolean => asked.length === 0 || asked.includes(section);

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
    const result = calculateFromSources(input);
    const byBenefit = input.payingParent.flatRateBenefit && !result.trace.some((s) => s.step === 'rate_benefit_varied');
    const reached: Reached = result.rate === 'flat' ? (byBenefit ? 'flat_benefit' : 'flat_income') : result.rate;
    rateMix.set(reached, (rateMix.get(reached) ?? 0) + 1);
  } catch (error) {
    throw new Error(`bench input ${i} throws, fix bench/inputs.ts: ${(error as Error).message}\n${bodies[i]}`);
  }
}
const missing = REACHED.filter((r) => !rateMix.has(r));
if (missing.length > 0) throw new Error(`the bench batch reaches no ${missing.join(', ')} rate; fix bench/inputs.ts`);

// What `calc` and `http` measure, and their baselines, bundled as the server ships (bench/bundle-measured.ts).
const { Dec, Hono, calculateMaintenance, calculateMaintenanceTool, createApp, serve } =
  chosen('calc') || chosen('http') ? await loadMeasured() : ({} as Awaited<ReturnType<typeof loadMeasured>>);

// ---------------------------------------------------------------------------------------------------
// Output.

const fmt = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-GB') : x.toPrecision(3));
const fmtRatio = (x: number): string => (x >= 1 ? x.toFixed(2) : x.toPrecision(3));
const verdict = (ok: boolean): string => (ok ? 'met' : 'not met');
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
    REACHED.map((r) => `${r} ${rateMix.get(r)}`).join(', ') +
    `; sections: ${(asked.length ? asked : SECTIONS).join(', ')}`,
);

const n = batch.length;

// ---------------------------------------------------------------------------------------------------
// The calculation.

/** Reference workload: reading each input's money into decimal.js and adding it up (no calculator code). */
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

async function calcSection(): Promise<string> {
  const calcContenders: Contender[] = [
    {
      name: 'calculateMaintenance (full trace)',
      measure: async (ms) => syncWindow((i) => void (sink += calculateMaintenance(batch[i % n]!).trace.length), ms),
    },
    {
      name: 'reference: decimal.js income sum',
      measure: async (ms) => syncWindow((i) => void (sink += sumIncomes(batch[i % n]!).isZero() ? 0 : 1), ms),
    },
    {
      name: 'reference: JSON round trip',
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
    `calculateMaintenance, in-process (${CALC_ROUNDS} rounds of ${CALC_WINDOW_MS} ms each, taken in 4 alternating slices; ratio = calculations/s ÷ reference ops/s)`,
    [{ sample: calc! }, { sample: decSum!, ratio: fmtPaired(calcVsDec) }, { sample: jsonTrip!, ratio: fmtPaired(calcVsJson) }],
    'ops',
  );
  const perSecond = calc!.median;
  console.log(
    `  goal: ≥ ${GOAL_CALCULATIONS_PER_SECOND.toLocaleString('en-GB')} calculations a second with the full trace: ${fmt(perSecond)}/s ` +
      `(${fmtRatio(perSecond / GOAL_CALCULATIONS_PER_SECOND)}× the goal) — ${verdict(perSecond >= GOAL_CALCULATIONS_PER_SECOND)}`,
  );
  console.log(
    `  against the fixed reference workloads, for comparing machines and runs: ${fmtRatio(calcVsDec.median)} × decimal.js income sum, ` +
      `${fmtRatio(calcVsJson.median)} × JSON round trip`,
  );
  return (
    `calculateMaintenance ${fmt(perSecond)} calculations/s (goal ≥ ${GOAL_CALCULATIONS_PER_SECOND.toLocaleString('en-GB')}: ${verdict(perSecond >= GOAL_CALCULATIONS_PER_SECOND)}), ` +
    `${fmtRatio(calcVsDec.median)} × decimal.js income sum, ${fmtRatio(calcVsJson.median)} × JSON round trip`
  );
}

// ---------------------------------------------------------------------------------------------------
// The HTTP route.

const HEADERS = { 'content-type': 'application/json' };

/**
 * The fair baseline: the same route on a bare Hono app that reads the body as JSON, validates it with the same zod
 * schema as Reckoner's route (the tool's input schema), and answers with the bytes Reckoner gives for that body,
 * computed beforehand. What is left between the two is what Reckoner adds: its middleware, the calculation, shaping
 * and writing the output.
 */
function bareApp(answers: ReadonlyMap<string, string>): InstanceType<typeof Hono> {
  const app = new Hono();
  app.post(ROUTE, async (c) => {
    const text = await c.req.text();
    const parsed = calculateMaintenanceTool.inputSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return c.json({ error: { code: 'invalid_input' } }, 400);
    const answer = answers.get(text);
    if (answer === undefined) return c.json({ error: { code: 'not_found' } }, 404);
    return c.body(answer, 200, { 'content-type': 'application/json' });
  });
  return app;
}

/**
 * Each body's headers as an HTTP client sends them: the Host, its type and its length. (A Request made in process
 * carries neither a Host nor a Content-Length of its own; without a Host the Host guard must parse the URL to find
 * it, and without a length a body limit must re-stream the body to count it, which no real request costs.)
 */
const headersFor = new Map(
  bodies.map((body) => [body, { ...HEADERS, host: new URL(ORIGIN).host, 'content-length': String(Buffer.byteLength(body)) }]),
);

async function post(app: InstanceType<typeof Hono>, body: string): Promise<string> {
  const res = await app.request(`${ORIGIN}${ROUTE}`, { method: 'POST', body, headers: headersFor.get(body)! });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${ROUTE} answered ${res.status}: ${text.slice(0, 300)}`);
  sink += text.length;
  return `${res.headers.get('content-type')}\n${text}`;
}

function listen(make: (port: number) => InstanceType<typeof Hono>): Promise<{ server: ServerType; url: string }> {
  let app: InstanceType<typeof Hono> | undefined;
  return new Promise((resolve) => {
    const server = serve({ fetch: (req) => app!.fetch(req), hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      app = make(info.port);
      resolve({ server, url: `http://127.0.0.1:${info.port}` });
    });
  });
}

async function fetchPost(url: string, body: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', body, headers: HEADERS });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  sink += text.length;
}

async function httpSection(): Promise<string> {
  const reckoner = createApp({ host: '127.0.0.1', port: 8787 });
  // Reckoner's answer to every body, then the bare route's, which must be the same bytes with the same type.
  const answers = new Map<string, string>();
  for (const body of bodies) {
    const res = await reckoner.request(`${ORIGIN}${ROUTE}`, { method: 'POST', body, headers: HEADERS });
    if (res.status !== 200) throw new Error(`${ROUTE} answered ${res.status} to a bench body`);
    answers.set(body, await res.text());
  }
  const bare = bareApp(answers);
  for (const body of bodies) {
    if ((await post(reckoner, body)) !== (await post(bare, body))) throw new Error('the bare route does not answer as Reckoner does');
  }

  const bareName = 'bare Hono: same route, same zod schema, same bytes';
  const httpContenders: Contender[] = [
    { name: `Reckoner POST ${ROUTE}`, measure: (ms) => asyncWindow(async (i) => void (await post(reckoner, bodies[i % n]!)), ms) },
    { name: bareName, measure: (ms) => asyncWindow(async (i) => void (await post(bare, bodies[i % n]!)), ms) },
  ];
  const HTTP_ROUNDS = 9;
  const HTTP_WINDOW_MS = 300;
  // Each route first answers this many requests unmeasured, so the rounds measure code the JIT has finished with.
  // Reckoner's route has far more code to optimise than the bare one: alone, in its first five half-seconds it
  // answered 1,626, 3,250, 4,988, 5,900 and 6,682 requests a second while V8 finished optimising 262, 202, 80, 40
  // and 20 functions, then held at 5,900-6,000 with 0-2 more (`node --trace-opt`, 7 December 2026): about 11,000
  // requests. With only the 500 ms warm-up round, in four runs of 16-30 rounds the first round's ratio was
  // 0.44-0.53 and the median of rounds 1-9 (what this section reported) 0.52-0.60, against 0.57-0.62 for rounds 10
  // on: the compiler was measured as much as the route. A count, not a time: V8 optimises a function after so many
  // calls, however fast the machine.
  const HTTP_WARMUP_REQUESTS = 20_000;
  for (const app of [reckoner, bare]) await fixedCount((i) => post(app, bodies[i % n]!).then(() => undefined), HTTP_WARMUP_REQUESTS, 1);
  const [route, bareRoute] = await interleaved(httpContenders, {
    warmupRounds: 1,
    warmupWindowMs: 500,
    rounds: HTTP_ROUNDS,
    windowMs: HTTP_WINDOW_MS,
    slices: 4,
  });
  const routeVsBare = pairedRatio(route!, bareRoute!);
  table(
    `HTTP route, in-process app.request (${HTTP_ROUNDS} rounds of ${HTTP_WINDOW_MS} ms each, taken in 4 alternating slices; ratio = Reckoner req/s ÷ bare req/s)`,
    [{ sample: route!, ratio: fmtPaired(routeVsBare) }, { sample: bareRoute! }],
    'req',
  );

  // The same over a loopback socket: a bounded number of requests, client and servers in this process.
  const SOCKET_SLICE = 50; // requests per turn; a round is SOCKET_SLICES turns each
  const SOCKET_SLICES = 4;
  const SOCKET_CONCURRENCY = 8;
  const SOCKET_ROUNDS = 5;
  const overSocket = [await listen((port) => createApp({ host: '127.0.0.1', port })), await listen(() => bareApp(answers))];
  const socketContenders: Contender[] = [
    {
      name: `Reckoner POST ${ROUTE}`,
      measure: () => fixedCount((i) => fetchPost(`${overSocket[0]!.url}${ROUTE}`, bodies[i % n]!), SOCKET_SLICE, SOCKET_CONCURRENCY),
    },
    {
      name: bareName,
      measure: () => fixedCount((i) => fetchPost(`${overSocket[1]!.url}${ROUTE}`, bodies[i % n]!), SOCKET_SLICE, SOCKET_CONCURRENCY),
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
    `HTTP route over loopback (@hono/node-server, ${SOCKET_ROUNDS} rounds of ${SOCKET_SLICES} alternating turns of ${SOCKET_SLICE} requests, ${SOCKET_CONCURRENCY} in flight; client shares the process)`,
    [{ sample: sockRoute!, ratio: fmtPaired(sockRatio) }, { sample: sockBare! }],
    'req',
  );
  console.log(
    `  goal: Reckoner's route ≥ ${GOAL_HTTP_RATIO}× the fair bare route, in process: ${fmtRatio(routeVsBare.median)}× — ${verdict(routeVsBare.median >= GOAL_HTTP_RATIO)}; ` +
      `over loopback: ${fmtRatio(sockRatio.median)}× — ${verdict(sockRatio.median >= GOAL_HTTP_RATIO)}`,
  );
  return (
    `HTTP route = ${fmtRatio(routeVsBare.median)} × the fair bare Hono route in process (goal ≥ ${GOAL_HTTP_RATIO}: ${verdict(routeVsBare.median >= GOAL_HTTP_RATIO)}), ` +
    `${fmtRatio(sockRatio.median)} × over loopback`
  );
}

// ---------------------------------------------------------------------------------------------------

const summary: string[] = [];
if (chosen('calc')) summary.push(await calcSection());
if (chosen('http')) summary.push(await httpSection());
if (chosen('json-values')) {
  const { jsonValuesSection } = await import('./json-values.ts');
  summary.push(jsonValuesSection());
}
if (chosen('reconcile')) summary.push(reconcileSection());
if (chosen('statements')) {
  const { statementsSection } = await import('./statements.ts');
  summary.push(await statementsSection());
}
if (chosen('store')) {
  const { storeSection } = await import('./store.ts');
  summary.push(await storeSection());
}
if (chosen('cold-start')) summary.push(await coldStartSection(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL));
if (chosen('page')) {
  const { pageSection } = await import('./page.ts');
  summary.push(await pageSection());
}

console.log(`\nSummary: ${summary.join('; ')}.`);
if (sink === -1) console.log(''); // keeps `sink` observable

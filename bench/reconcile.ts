/**
 * The `reconcile` section of `npm run bench` (`npm run bench -- reconcile` runs it alone): `reconcile` over a
 * realistic dispute as the paying parent's bank statement grows from 2,000 to 200,000 transactions, against a
 * baseline measured in the same run (reading the same input with `JSON.parse` and sorting both ledgers by date).
 * The question is how it scales: the growth from one size to the next is printed next to what n log n and n²
 * would predict.
 *
 * The dispute is deterministic (fixed seeds) and the same at every size; only the unrelated spending around
 * it grows. Ten years of weekly liability from decisions that change once or twice a year, Collect and Pay
 * for three of them; about 520 maintenance payments on the bank statement (some a day or two late, some
 * missing, some short); CMS's record of them with a few phantom, duplicate and misdated entries, its weekly
 * liability lines and fees, and a few charges. Each anomaly is planted at least ten weeks from the last, so
 * there is one right answer, and the filtered run must find exactly what was planted.
 *
 * Two runs at each size: with `bankFilter: { descriptionContains: ['CMS'] }`, as a parent would use it, and
 * without, where every transaction on the statement is a candidate (the worst case for the matcher).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromDayNumber, toDayNumber, type CivilDate } from '../calc/dates.ts';
import type { BankTransactionInput, CmsEntryInput } from '../calc/ledger/entries.ts';
import { FINDING_KINDS, reconcile, type FindingKind, type ReconcileInput, type Reconciliation } from '../calc/reconcile/reconcile.ts';
import { buildSchedule, type DecisionInput, type ScheduleInput } from '../calc/schedule/build.ts';
import { reconcileLedgerInput } from '../tools/reconcile-ledger.ts';
import { prng } from './inputs.ts';
import { median } from './measure.ts';

/** A Monday, after Collect and Pay fees began (2014-08-11), so every Collect and Pay week carries them. */
export const DISPUTE_START: CivilDate = '2015-01-05';
export const DISPUTE_AS_OF: CivilDate = '2024-12-31';
const COLLECT_FROM: CivilDate = '2018-04-02';
const COLLECT_UNTIL: CivilDate = '2021-04-05';
const CASE_REFERENCE = 'CMS 1234 5678 90';
export const BANK_FILTER = { descriptionContains: ['CMS'] } as const;

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const amount = (pence: number): string => (pence / 100).toFixed(2);
const toPence = (x: { toNumber(): number }): number => Math.round(x.toNumber() * 100);

export interface Dispute {
  /** Without a bank filter; add `bankFilter: BANK_FILTER` for the run a parent would make. */
  readonly input: ReconcileInput;
  readonly maintenancePayments: number;
  readonly spending: number;
  /** What the filtered run must find, by kind. */
  readonly planted: Readonly<Record<FindingKind, number>>;
}

/** Ten years of decisions: one or two changes a year, Collect and Pay from COLLECT_FROM to COLLECT_UNTIL. */
function decisions(rng: Rng): DecisionInput[] {
  const start = toDayNumber(DISPUTE_START);
  const end = toDayNumber(DISPUTE_AS_OF);
  const switches = new Set([toDayNumber(COLLECT_FROM), toDayNumber(COLLECT_UNTIL)]);
  const days = new Set([start, ...switches]);
  for (let y = 0; y < 10; y++) {
    const changes = rng() < 0.5 ? 1 : 2;
    for (let j = 0; j < changes; j++) days.add(start + y * 365 + int(rng, 30, 364));
  }
  let weekly = 5540;
  return [...days]
    .filter((d) => d < end)
    .sort((a, b) => a - b)
    .map((day, i) => {
      // A change of service keeps the amount; a new decision moves it by −20% to +25%.
      if (i > 0 && !switches.has(day)) weekly = Math.min(12000, Math.max(3000, Math.round(weekly * (0.8 + 0.45 * rng()))));
      const collect = day >= toDayNumber(COLLECT_FROM) && day < toDayNumber(COLLECT_UNTIL);
      return {
        id: `decision_${i + 1}`,
        effectiveDate: fromDayNumber(day),
        weeklyAmount: amount(weekly),
        service: collect ? 'collect_and_pay' : 'direct_pay',
      };
    });
}

const SHOPS = [
  'TESCO STORES',
  'SAINSBURYS S/MKTS',
  'ASDA SUPERSTORE',
  'ALDI STORES',
  'LIDL GB',
  'CO-OP GROUP FOOD',
  'COSTA COFFEE',
  'GREGGS',
  'BOOTS',
  'AMAZON.CO.UK',
  'SHELL FUEL',
  'BP PETROL',
  'TFL TRAVEL CH',
  'TRAINLINE',
  'ARGOS LTD',
  'PRIMARK',
  'NEXT RETAIL',
  'SCREWFIX DIRECT',
  'DELIVEROO',
  'JUST EAT',
] as const;
const DIRECT_DEBITS = ['VODAFONE LTD', 'BRITISH GAS', 'THAMES WATER', 'COUNCIL TAX', 'TV LICENCE', 'AVIVA INSURANCE', 'NETFLIX'] as const;
const INCOME = ['SALARY ACME LOGISTICS LTD', 'HMRC TAX REFUND', 'FASTER PAYMENT FROM A JONES'] as const;

/** `count` unrelated transactions over the ten years: card purchases, direct debits, a little money coming in. */
function spending(rng: Rng, count: number): BankTransactionInput[] {
  const start = toDayNumber(DISPUTE_START);
  const span = toDayNumber(DISPUTE_AS_OF) - start + 1;
  return Array.from({ length: count }, (): BankTransactionInput => {
    const date = fromDayNumber(start + Math.floor(rng() * span));
    const r = rng();
    if (r < 0.86) {
      const pence = Math.round(120 * Math.exp(rng() * Math.log(150))); // £1.20 to £180, most of them small
      return {
        date,
        amount: amount(pence),
        direction: 'out',
        description: `CARD PAYMENT TO ${pick(rng, SHOPS)} ON ${date.slice(8, 10)}-${date.slice(5, 7)}`,
      };
    }
    if (r < 0.97) {
      const payee = pick(rng, DIRECT_DEBITS);
      return {
        date,
        amount: amount(int(rng, 900, 16000)),
        direction: 'out',
        description: `DIRECT DEBIT ${payee}`,
        reference: `${payee.slice(0, 3)}${int(rng, 100000, 999999)}`,
      };
    }
    return { date, amount: amount(int(rng, 2000, 250000)), direction: 'in', description: pick(rng, INCOME) };
  });
}

/**
 * The dispute with `bankTransactions` rows on the statement (at least ~520, the maintenance payments; the rest
 * unrelated spending). The dispute comes from `seed` alone, so it is the same at every size.
 */
export function dispute(bankTransactions: number, seed = 20250): Dispute {
  const rng = prng(seed);
  const schedule: Omit<ScheduleInput, 'asOf'> = { decisions: decisions(rng), frequency: 'weekly', service: 'direct_pay' };
  const lines = buildSchedule({ ...schedule, asOf: DISPUTE_AS_OF }).lines;
  const planted = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  const bank: BankTransactionInput[] = [];
  const cms: CmsEntryInput[] = [];
  const asOfDay = toDayNumber(DISPUTE_AS_OF);

  // Payments, week by week: the bank, and CMS's record of it a day or two later.
  let lastAnomaly = -Infinity;
  for (const [week, line] of lines.entries()) {
    const dueDay = toDayNumber(line.periodStart);
    if (dueDay > asOfDay - 70) break; // every payment and every record of it falls on or before asOf
    const due = toPence(line.totalDue);
    const collect = line.service === 'collect_and_pay';
    const type = collect ? 'payment_received' : 'direct_payment';
    const late = rng();
    const paidDay = dueDay + (late < 0.8 ? 0 : late < 0.92 ? 1 : 2);
    const recordedDay = paidDay + int(rng, 0, 2);
    // Collect and Pay: CMS sometimes records the maintenance alone, without the 20% fee the parent paid with it.
    const recorded = collect && rng() < 0.25 ? toPence(line.maintenance) : due;
    const pay = (day: number, pence: number) =>
      bank.push({
        date: fromDayNumber(day),
        amount: amount(pence),
        direction: 'out',
        description: collect ? 'CHILD MAINTENANCE SERVICE' : 'STANDING ORDER J SMITH',
        reference: CASE_REFERENCE,
      });
    const record = (day: number, pence: number) => cms.push({ date: fromDayNumber(day), type, amount: amount(pence) });

    const r = week - lastAnomaly > 10 ? rng() : 1;
    if (r < 0.025) {
      lastAnomaly = week; // missed: neither side shows a payment
    } else if (r < 0.037) {
      lastAnomaly = week; // phantom: CMS records a payment the bank never made
      record(dueDay + 1, due);
      planted.cms_payment_without_evidence++;
    } else if (r < 0.049) {
      lastAnomaly = week; // paid, but CMS has no record of it
      pay(paidDay, due);
      planted.payment_missing_from_cms++;
    } else if (r < 0.061) {
      lastAnomaly = week; // recorded twice
      pay(paidDay, due);
      record(recordedDay, recorded);
      record(recordedDay + int(rng, 1, 2), recorded);
      planted.duplicate_payment_record++;
    } else if (r < 0.081) {
      lastAnomaly = week; // paid short; CMS recorded the full amount
      pay(paidDay, Math.floor(due / 100) * 100 - 500);
      record(recordedDay, due);
      planted.amount_mismatch++;
    } else if (r < 0.093 && dueDay < asOfDay - 120) {
      lastAnomaly = week; // a one-off catch-up payment, which CMS dated weeks later
      pay(paidDay, due);
      record(recordedDay, recorded);
      const extra = int(rng, 2000, 15000);
      pay(paidDay + 3, extra);
      record(paidDay + 3 + int(rng, 15, 40), extra);
      planted.date_mismatch++;
    } else {
      pay(paidDay, due);
      record(recordedDay, recorded);
    }
  }
  const maintenancePayments = bank.length;

  // CMS's liability lines and collection fees, week by week, with a few wrong.
  const wrong = new Set<number>();
  /** A week not yet given a wrong entry, for which `ok` holds. */
  const spare = (ok: (i: number) => boolean = () => true): number => {
    for (;;) {
      const i = int(rng, 0, lines.length - 1);
      if (wrong.has(i) || !ok(i)) continue;
      wrong.add(i);
      return i;
    }
  };
  const isCollect = (i: number) => lines[i]!.service === 'collect_and_pay';
  const mismatched = new Set([spare(), spare(), spare()]);
  const doubled = new Set([spare(), spare()]);
  const feeOnDirectPay = spare((i) => !isCollect(i));
  for (const [i, line] of lines.entries()) {
    const maintenance = toPence(line.maintenance) + (mismatched.has(i) ? 500 : 0);
    const liability = { date: line.periodStart, type: 'liability' as const, amount: amount(maintenance) };
    cms.push(liability);
    if (doubled.has(i)) cms.push({ ...liability });
    if (isCollect(i)) cms.push({ date: line.periodStart, type: 'collection_fee', amount: amount(toPence(line.collectionFee)) });
    if (i === feeOnDirectPay) cms.push({ date: line.periodStart, type: 'collection_fee', amount: amount(Math.round(maintenance / 5)) });
  }
  planted.liability_mismatch += mismatched.size;
  planted.duplicate_liability += doubled.size;
  planted.collection_fee_mismatch++; // the fee on Direct Pay

  // An enforcement charge of an amount the Fees Regulations never allow, on Collect and Pay, and an adjustment.
  const onCollect = () => lines[spare(isCollect)]!.periodStart;
  cms.push({ date: onCollect(), type: 'enforcement_charge', amount: '75.00', description: 'Enforcement action' });
  planted.enforcement_charge_not_allowed++;
  cms.push({ date: lines[spare()]!.periodStart, type: 'adjustment', amount: '-25.00', description: 'Goodwill' });

  // CMS's own balance: everything it charged, less everything it recorded as paid. It differs from the truth; the
  // bridge explains the difference line by line.
  const sign = (e: CmsEntryInput) => (e.type === 'payment_received' || e.type === 'direct_payment' ? -1 : 1);
  const claimed = cms.reduce((sum, e) => sum + sign(e) * Math.round(Number(e.amount) * 100), 0);

  // The statement: maintenance and spending together in date order, as a bank exports it.
  const noise = spending(prng(seed + bankTransactions), Math.max(0, bankTransactions - maintenancePayments));
  const statement = [...bank, ...noise].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cms.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    input: {
      schedule,
      side: 'paying',
      cmsEntries: cms,
      bankTransactions: statement,
      cmsClaim: { date: DISPUTE_AS_OF, balance: amount(claimed) },
    },
    maintenancePayments,
    spending: noise.length,
    planted,
  };
}

// ---------------------------------------------------------------------------------------------------
// Checking a run.

/**
 * Every CMS entry and every bank transaction ends in exactly one match, discrepancy or ignored row. (A
 * duplicate CMS payment's discrepancy also names the record it repeats, which is matched: only its first id
 * counts as accounted for there.)
 */
export function checkAccounted(result: Reconciliation, input: ReconcileInput, label: string): void {
  const cms = new Map<string, number>();
  const bank = new Map<string, number>();
  const add = (seen: Map<string, number>, ids: readonly (string | undefined)[]) => {
    for (const id of ids) if (id !== undefined) seen.set(id, (seen.get(id) ?? 0) + 1);
  };
  for (const m of result.matches) {
    add(cms, m.cmsEntryIds);
    add(bank, m.bankTransactionIds);
  }
  for (const d of result.findings) {
    const duplicate = d.kind === 'duplicate_payment_record' || d.kind === 'duplicate_liability' || d.kind === 'duplicate_collection_fee';
    add(cms, duplicate ? d.cmsEntryIds.slice(0, 1) : d.cmsEntryIds);
    add(bank, d.bankTransactionIds);
  }
  for (const i of result.ignored) {
    add(cms, [i.cmsEntryId]);
    add(bank, [i.bankTransactionId]);
  }
  for (const [side, seen, given, counted] of [
    ['CMS entries', cms, input.cmsEntries?.length ?? 0, result.counts.cmsEntries],
    ['bank transactions', bank, input.bankTransactions?.length ?? 0, result.counts.bankTransactions],
  ] as const) {
    const twice = [...seen].filter(([, n]) => n !== 1).map(([id]) => id);
    if (counted !== given || seen.size !== given || twice.length > 0) {
      throw new Error(
        `reconcile (${label}): ${given} ${side} given, ${counted} counted, ${seen.size} accounted for` +
          (twice.length ? `; accounted for more than once: ${twice.slice(0, 5).join(', ')}` : ''),
      );
    }
  }
}

const kindCounts = (r: Reconciliation): Record<FindingKind, number> =>
  Object.fromEntries(FINDING_KINDS.map((k) => [k, r.counts.byKind[k].count])) as Record<FindingKind, number>;

// ---------------------------------------------------------------------------------------------------
// Timing.

/** Milliseconds per call of each of `fns`, `runs` calls each, taken in alternation (A B C, then C B A, …). */
function alternating(fns: readonly (() => void)[], runs: number): number[][] {
  const ms = fns.map(() => [] as number[]);
  const forward = fns.map((_, i) => i);
  const backward = [...forward].reverse();
  for (let r = 0; r < runs; r++) {
    for (const i of r % 2 === 0 ? forward : backward) {
      const start = process.hrtime.bigint();
      fns[i]!();
      ms[i]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return ms;
}

/** The baseline: the least any reconciliation must do, reading the input and putting both ledgers in date order. */
function parseAndSort(text: string): number {
  const input = JSON.parse(text) as ReconcileInput;
  const byDate = (a: { date: string; amount: unknown }, b: { date: string; amount: unknown }) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : Number(a.amount) - Number(b.amount);
  const bank = [...(input.bankTransactions ?? [])].sort(byDate);
  const cms = [...(input.cmsEntries ?? [])].sort(byDate);
  return bank.length + cms.length;
}

/** Sizes of the bank statement, and how many timed runs each: at least five, so each growth figure is a median of five or more. */
export const RECONCILE_SIZES: readonly { readonly n: number; readonly runs: number }[] = [
  { n: 2_000, runs: 9 },
  { n: 20_000, runs: 7 },
  { n: 200_000, runs: 5 },
];
const SEED = 20250;
/** Unrecorded runs of each at the first size, after its check, so the JIT has settled before anything is timed. */
const WARMUP_RUNS = 3;
/** The goals of issue 10: 10 years × 20,000 transactions with a filter in about 100 ms; n log n growth; < 250 MB at 200,000. */
const GOAL_MS = 100;
/** "About": within a quarter. */
const GOAL_SLACK = 1.25;
const GOAL_GROWTH_OVER_N_LOG_N = 1.5;
const GOAL_PEAK_MB = 250;

interface Row {
  readonly n: number;
  readonly ms: readonly number[][];
}

const fmt = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-GB') : x.toPrecision(3));
const growth = (a: number, b: number): string => `${(b / a).toFixed(1)}×`;
const nLogN = (a: number, b: number): number => (b * Math.log(b)) / (a * Math.log(a));
const verdict = (ok: boolean) => (ok ? 'met' : 'not met');

/** What a parent's script or an MCP client does: the JSON text, read and checked by the tool's schema, reconciled. */
function throughTheTool(text: string): Reconciliation {
  return reconcile(reconcileLedgerInput.parse(JSON.parse(text)) as ReconcileInput);
}

/**
 * Peak memory of reconciling `text` through the tool in a fresh process (its maximum resident set), and of a fresh
 * process that only reads the same JSON, for scale. Node and tsx alone take their share of both.
 */
function peakMemoryMb(text: string): { tool: number; readOnly: number } {
  const dir = mkdtempSync(join(tmpdir(), 'reckoner-bench-'));
  const file = join(dir, 'input.json');
  writeFileSync(file, text);
  try {
    const run = (mode: string) => {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('./reconcile-memory.ts', import.meta.url)), mode, file],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      return Number(/maxRSS (\d+)/.exec(out)![1]) / 1024;
    };
    return { tool: run('tool'), readOnly: run('read') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Generates, checks and times the dispute at each size, prints section 3, and returns its summary line.
 * The runs and the baseline take turns, one call each, so drift falls on all alike.
 */
export function reconcileSection(): string {
  const started = process.hrtime.bigint();
  let sink = 0;
  const names = ['through the tool, bankFilter CMS', 'reconcile alone, no bankFilter', 'baseline: JSON.parse + sort by date'] as const;

  // At each size, before any timing: one run of each, checked (the first size's also warms the JIT up).
  let plantedLine = '';
  const unfilteredLines: string[] = [];
  const rows: Row[] = [];
  let first: Dispute | undefined;
  let largestText = '';
  for (const { n, runs } of RECONCILE_SIZES) {
    const d = dispute(n, SEED);
    first ??= d;
    const filtered: ReconcileInput = { ...d.input, bankFilter: BANK_FILTER };
    const text = JSON.stringify(filtered);
    const unfiltered = d.input;
    largestText = text;

    const result = throughTheTool(text);
    checkAccounted(result, filtered, `through the tool, N = ${n}`);
    const found = kindCounts(result);
    const off = FINDING_KINDS.filter((k) => found[k] !== d.planted[k]);
    if (off.length > 0) {
      throw new Error(
        `reconcile with the CMS filter, N = ${n}: ` +
          off.map((k) => `${k} planted ${d.planted[k]}, found ${found[k]}`).join('; ') +
          '; fix the dispute in bench/reconcile.ts',
      );
    }
    const notMaintenance = result.ignored.filter((x) => x.bankTransactionId && x.reason === 'not_a_maintenance_payment').length;
    if (notMaintenance !== d.spending) {
      throw new Error(
        `reconcile with the CMS filter, N = ${n}: set aside ${notMaintenance} transactions, not the ${d.spending} unrelated ones`,
      );
    }
    if (
      !result.bridge.lines
        .reduce((a, l) => a.plus(l.amount), result.bridge.from.minus(result.bridge.from))
        .equals(result.bridge.from.minus(result.bridge.to))
    ) {
      throw new Error(`reconcile with the CMS filter, N = ${n}: the bridge does not add up`);
    }
    plantedLine = FINDING_KINDS.filter((k) => found[k] > 0)
      .map((k) => `${k} ${found[k]}`)
      .join(', ');
    const loose = reconcile(unfiltered);
    checkAccounted(loose, unfiltered, `no bankFilter, N = ${n}`);
    unfilteredLines.push(
      `N = ${n.toLocaleString('en-GB')}: ${loose.counts.matches} matches; ` +
        FINDING_KINDS.filter((k) => loose.counts.byKind[k].count > 0)
          .map((k) => `${k} ${loose.counts.byKind[k].count}`)
          .join(', '),
    );
    sink += result.counts.matches + loose.counts.matches + parseAndSort(text);
    const timed = [
      () => void (sink += throughTheTool(text).counts.matches),
      () => void (sink += reconcile(unfiltered).counts.matches),
      () => void (sink += parseAndSort(text)),
    ];
    if (rows.length === 0) alternating(timed, WARMUP_RUNS);
    rows.push({ n, ms: alternating(timed, runs) });
  }
  const memory = peakMemoryMb(largestText);

  // Output.
  const head = ['N (bank)', 'run', 'ms (median)', 'min – max', 'ms per 1,000 txns', '× baseline'];
  const lines: string[][] = [];
  for (const { n, ms } of rows) {
    const base = median(ms[names.length - 1]!);
    for (const [i, name] of names.entries()) {
      const m = median(ms[i]!);
      lines.push([
        i === 0 ? n.toLocaleString('en-GB') : '',
        name,
        fmt(m),
        `${fmt(Math.min(...ms[i]!))} – ${fmt(Math.max(...ms[i]!))}`,
        fmt((m / n) * 1000),
        i === names.length - 1 ? '' : (m / base).toFixed(1),
      ]);
    }
  }
  const steps = rows.slice(1).map((r, i) => [rows[i]!, r] as const);
  const stepName = (a: Row, b: Row) => `${a.n / 1000}k→${b.n / 1000}k`;
  const growthHead = ['growth', '', ...steps.map(([a, b]) => stepName(a, b))];
  const growthLines = [
    ...names.map((name, i) => ['', name, ...steps.map(([a, b]) => growth(median(a.ms[i]!), median(b.ms[i]!)))]),
    ['', 'n log n would predict', ...steps.map(([a, b]) => `${nLogN(a.n, b.n).toFixed(1)}×`)],
    ['', 'n² would predict', ...steps.map(([a, b]) => `${((b.n / a.n) ** 2).toFixed(0)}×`)],
  ];
  const print = (header: readonly string[], body: readonly (readonly string[])[]) => {
    const widths = header.map((h, c) => Math.max(h.length, ...body.map((l) => l[c]!.length)));
    const row = (cells: readonly string[]) =>
      cells
        .map((cell, c) => (c <= 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd();
    console.log(row(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const l of body) console.log(row(l));
  };

  const d = first!;
  console.log(
    `\nreconcile, paying side: ten years of weekly liability (${d.input.cmsEntries!.length.toLocaleString('en-GB')} CMS entries, ` +
      `${d.maintenancePayments} maintenance payments on the statement, the rest unrelated spending), seed ${SEED}; ` +
      `runs per size ${RECONCILE_SIZES.map((s) => s.runs).join(' / ')}, taken in turns; the baseline parses the same input JSON`,
  );
  console.log(
    `   "through the tool": the JSON text, JSON.parse, reconcile_ledger's input schema, then reconcile, as a client's request is handled`,
  );
  console.log(`   checked at every size: each entry and transaction matched, a finding or set aside, once; the bridge adds up`);
  console.log(`   with the CMS filter, exactly what was planted: ${plantedLine}`);
  console.log(
    `   without a filter (every transaction a candidate; only those that match or look like a CMS record count, so some spending can pass for a payment):`,
  );
  for (const l of unfilteredLines) console.log(`     ${l}`);
  console.log('');
  print(head, lines);
  console.log('');
  print(growthHead, growthLines);

  const at = (n: number) => rows.find((r) => r.n === n)!;
  const ms20k = median(at(20_000).ms[0]!);
  const last = steps[steps.length - 1]!;
  const toolGrowth = median(last[1].ms[0]!) / median(last[0].ms[0]!);
  const predicted = nLogN(last[0].n, last[1].n);
  console.log('');
  console.log(`   goals (issue 10):`);
  console.log(
    `     10 years × 20,000 transactions with a filter, through the tool: ${fmt(ms20k)} ms — target about ${GOAL_MS} ms (≤ ${GOAL_MS * GOAL_SLACK} ms): ${verdict(ms20k <= GOAL_MS * GOAL_SLACK)}`,
  );
  console.log(
    `     growth ${stepName(last[0], last[1])}: ${toolGrowth.toFixed(1)}× — n log n predicts ${predicted.toFixed(1)}× (≤ ${(predicted * GOAL_GROWTH_OVER_N_LOG_N).toFixed(1)}×): ${verdict(toolGrowth <= predicted * GOAL_GROWTH_OVER_N_LOG_N)}`,
  );
  console.log(
    `     peak memory at ${last[1].n.toLocaleString('en-GB')} (a fresh process, maximum resident set): ${memory.tool.toFixed(0)} MB — target under ${GOAL_PEAK_MB} MB: ${verdict(memory.tool < GOAL_PEAK_MB)} ` +
      `(a process that only reads the same JSON: ${memory.readOnly.toFixed(0)} MB)`,
  );
  console.log(
    `\n   the reconcile section took ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s in all, generating and checking included`,
  );
  if (sink === -1) console.log('');

  return (
    `reconcile ${fmt(ms20k)} ms for 10 years × 20,000 transactions through the tool (goal about ${GOAL_MS} ms: ${verdict(ms20k <= GOAL_MS * GOAL_SLACK)}), ` +
    `growing ${toolGrowth.toFixed(1)}× to ${last[1].n.toLocaleString('en-GB')} (n log n: ${predicted.toFixed(1)}×), peak ${memory.tool.toFixed(0)} MB`
  );
}

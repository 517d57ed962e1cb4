/**
 * Stories for reconciliation tests: from the ground truth of a case — the decisions, what the parent really
 * paid (or received) and when, and the list of mistakes CMS made — produce what the parent would hold: CMS's
 * ledger entries and the bank statement. Tests then check that reconciliation finds exactly those mistakes.
 *
 * CMS's liability and fee lines are worked out here independently of calc/schedule (whole pence, integer
 * arithmetic): the instalment is weekly × 52 ÷ instalments a year (Collection and Enforcement Regs 1992 reg 4),
 * a part period pro rata by days and rounded half up to the penny, and on Collect and Pay from 11 August 2014
 * a fee of 20% (paying parent) or 4% (receiving parent) of each line (Child Support Fees Regulations 2014 reg 7).
 */
import { addDays, addMonths, compareDates, daysBetween, type CivilDate } from '../../../calc/dates.ts';
import type { BankTransactionInput, CmsEntryInput, CmsEntryType } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput, Side } from '../../../calc/reconcile/reconcile.ts';
import type { DecisionInput } from '../../../calc/schedule/build.ts';
import type { CollectionService } from '../../../calc/scheme-2012/calculate.ts';

/** Money that really moved through the parent's account. */
export interface TruePayment {
  readonly date: CivilDate;
  /** Pounds and pence as a string, e.g. "312.00". */
  readonly amount: string;
  /** Default: `out` on the paying side, `in` on the receiving side. On the paying side `in` is a refund. */
  readonly direction?: 'in' | 'out';
  readonly description?: string;
  readonly reference?: string;
  /** How CMS records this one, when not the story's usual type. */
  readonly cmsType?: 'direct_payment' | 'payment_received' | 'payment_passed_on';
}

/** A mistake in CMS's records, by the failure patterns of dispute-process.md §5.2. */
export type CmsError =
  /** P1: a payment recorded that never happened. */
  | { readonly kind: 'phantom'; readonly date: CivilDate; readonly amount: string; readonly reference?: string }
  /** P2: a real payment CMS never recorded. */
  | { readonly kind: 'not_recorded'; readonly payment: number }
  /** P3: a real payment recorded twice, the copy `days` later (negative: earlier). */
  | { readonly kind: 'duplicate'; readonly payment: number; readonly days: number }
  /** P10: a real payment recorded on another date. */
  | { readonly kind: 'recorded_on'; readonly payment: number; readonly date: CivilDate }
  /** A real payment recorded with another amount. */
  | { readonly kind: 'recorded_as'; readonly payment: number; readonly amount: string }
  /** Several real payments recorded as one, on the first one's date. */
  | { readonly kind: 'recorded_together'; readonly payments: readonly number[] }
  /** One real payment recorded as several, on its date. */
  | { readonly kind: 'recorded_in_parts'; readonly payment: number; readonly parts: readonly string[] }
  /** P3: a liability line for period `period` (0-based) recorded twice. */
  | { readonly kind: 'liability_twice'; readonly period: number }
  /** A liability line for period `period` of another amount. */
  | { readonly kind: 'liability_as'; readonly period: number; readonly amount: string }
  /** P9: a collection fee charged that no rule allows. */
  | { readonly kind: 'fee'; readonly date: CivilDate; readonly amount: string }
  /** P9: an enforcement charge (right or wrong). */
  | { readonly kind: 'enforcement_charge'; readonly date: CivilDate; readonly amount: string }
  /** Any other change to the balance. */
  | { readonly kind: 'adjustment'; readonly date: CivilDate; readonly amount: string };

/** A decision as CMS applied it to its own liability lines: a stated weekly amount. */
export interface CmsDecision {
  readonly effectiveDate: CivilDate;
  readonly weeklyAmount: string;
  readonly service?: CollectionService;
}

export interface Story {
  readonly side: Side;
  readonly receivingParentId?: string;
  /** The decisions as they truly are (what reconciliation is told). */
  readonly decisions: readonly DecisionInput[];
  readonly frequency?: 'weekly' | 'monthly';
  readonly firstDueDate?: CivilDate;
  readonly caseEndDate?: CivilDate;
  readonly service?: CollectionService;
  readonly asOf: CivilDate;
  /** Every maintenance payment that truly went through this parent's account. */
  readonly payments: readonly TruePayment[];
  /** Other lines on the same statement (shopping, salary): never maintenance. */
  readonly otherBankLines?: readonly TruePayment[];
  readonly cms: {
    /** How CMS records a payment. */
    readonly paymentType: 'direct_payment' | 'payment_received' | 'payment_passed_on';
    /**
     * Collect and Pay: CMS records the maintenance part only — on the paying side what was paid less the 20% fee,
     * on the receiving side what arrived grossed up for the 4% fee. Default: the amount as it went through the bank.
     */
    readonly recordsMaintenancePart?: boolean;
    /**
     * CMS's liability lines: none (default), or from these decisions (this parent's share when there are
     * several receiving parents), with collection fee lines when `fees` is set.
     */
    readonly liability?: readonly CmsDecision[];
    readonly fees?: boolean;
  };
  readonly errors?: readonly CmsError[];
  /** `none`: no filter at all. Default: every bank line counts (`includeAll`) when there are no other lines, else none. */
  readonly bankFilter?: ReconcileInput['bankFilter'] | 'none';
  readonly cmsClaim?: ReconcileInput['cmsClaim'];
}

export interface Generated {
  readonly input: ReconcileInput;
  readonly cmsEntries: readonly CmsEntryInput[];
  readonly bankTransactions: readonly BankTransactionInput[];
  /** CMS's liability lines, period by period (independent of calc/schedule). */
  readonly cmsLines: readonly CmsLine[];
}

export interface CmsLine {
  readonly periodStart: CivilDate;
  readonly dueDate: CivilDate;
  readonly maintenancePence: number;
  readonly feePence: number;
}

/** The first day Collect and Pay fees were charged (Fees Regs 2014 reg 7). */
export const FEES_FROM = '2014-08-11';
export const PAYING_FEE_PERCENT = 20;
export const RECEIVING_FEE_PERCENT = 4;

export const toPence = (amount: string): number => {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!m) throw new Error(`story amounts are plain pounds and pence, not ${amount}`);
  const p = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -p : p;
};
export const fromPence = (p: number): string =>
  `${p < 0 ? '-' : ''}${Math.floor(Math.abs(p) / 100)}.${String(Math.abs(p) % 100).padStart(2, '0')}`;
/** a ÷ b rounded half up, for non-negative whole numbers. */
const divHalfUp = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));
const percentOf = (pence: number, pct: number): number => divHalfUp(pence * pct, 100);

/**
 * Paying side: the maintenance m with m + 20% of m = paid. Receiving side: the gross m with m − 4% of m = received.
 * Some amounts have no such m (m + round(m ÷ 5) skips values); then the nearest, as a clerk would key it.
 */
export function maintenancePart(side: Side, pence: number, date: CivilDate): number {
  if (compareDates(date, FEES_FROM) < 0) return pence;
  for (let m = Math.floor(pence * 0.8); m <= Math.ceil(pence * 1.1); m++) {
    if (side === 'paying' ? m + percentOf(m, PAYING_FEE_PERCENT) === pence : m - percentOf(m, RECEIVING_FEE_PERCENT) === pence) return m;
  }
  return side === 'paying' ? divHalfUp(pence * 100, 100 + PAYING_FEE_PERCENT) : divHalfUp(pence * 100, 100 - RECEIVING_FEE_PERCENT);
}

/** CMS's liability lines from weekly amounts: monthly or weekly periods from the first due date. */
export function cmsLines(story: Story, decisions: readonly CmsDecision[]): CmsLine[] {
  const sorted = [...decisions].sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate));
  const start = sorted[0]!.effectiveDate;
  const anchor = story.firstDueDate ?? start;
  const frequency = story.frequency ?? 'monthly';
  const at = (k: number): CivilDate => (frequency === 'monthly' ? addMonths(anchor, k) : addDays(anchor, 7 * k));
  const perYear = frequency === 'monthly' ? 12 : 52;
  let k = 0;
  while (compareDates(at(k), start) > 0) k--;
  while (compareDates(at(k + 1), start) <= 0) k++;
  const lines: CmsLine[] = [];
  for (; ; k++) {
    const periodStart = at(k);
    const next = at(k + 1);
    const from = compareDates(periodStart, start) < 0 ? start : periodStart;
    const until = story.caseEndDate && compareDates(story.caseEndDate, next) < 0 ? story.caseEndDate : next;
    if (compareDates(from, story.asOf) > 0 || compareDates(from, until) >= 0) break;
    const periodDays = daysBetween(periodStart, next);
    let pence = 0;
    let service: CollectionService = story.service ?? 'direct_pay';
    // Segments of consecutive days under the same decision, each pro rata and rounded on its own.
    let cursor = from;
    while (compareDates(cursor, until) < 0) {
      const d = [...sorted].reverse().find((x) => compareDates(x.effectiveDate, cursor) <= 0)!;
      const nextChange = sorted.find((x) => compareDates(x.effectiveDate, cursor) > 0);
      const end = nextChange && compareDates(nextChange.effectiveDate, until) < 0 ? nextChange.effectiveDate : until;
      const days = daysBetween(cursor, end);
      pence += divHalfUp(toPence(d.weeklyAmount) * 52 * days, perYear * periodDays);
      service = d.service ?? story.service ?? 'direct_pay';
      cursor = end;
    }
    const feePct =
      service === 'collect_and_pay' && compareDates(from, FEES_FROM) >= 0
        ? story.side === 'paying'
          ? PAYING_FEE_PERCENT
          : RECEIVING_FEE_PERCENT
        : 0;
    lines.push({ periodStart, dueDate: from, maintenancePence: pence, feePence: percentOf(pence, feePct) });
  }
  return lines;
}

/** Ids that say what an entry is and when: `cms-pay-2024-01-15`, a second one that day `cms-pay-2024-01-15#2`. */
function idMaker(): (base: string) => string {
  const used = new Map<string, number>();
  return (base) => {
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
}

export function generate(story: Story): Generated {
  const id = idMaker();
  const defaultDirection = story.side === 'paying' ? 'out' : 'in';
  const bankTransactions: BankTransactionInput[] = [
    ...story.payments.map((p) => ({
      id: id(`bank-${p.date}`),
      date: p.date,
      amount: p.amount,
      direction: p.direction ?? defaultDirection,
      description: p.description ?? 'CHILD MAINTENANCE',
      ...(p.reference ? { reference: p.reference } : {}),
    })),
    ...(story.otherBankLines ?? []).map((p) => ({
      id: id(`bank-other-${p.date}`),
      date: p.date,
      amount: p.amount,
      direction: p.direction ?? 'out',
      description: p.description ?? 'SHOP',
    })),
  ];

  // CMS's record of each real payment, as it would be without mistakes.
  type Rec = { date: CivilDate; pence: number; type: CmsEntryType; reference?: string };
  const records: Rec[][] = story.payments.map((p) => {
    const direction = p.direction ?? defaultDirection;
    if (direction !== defaultDirection && story.side === 'receiving') return [];
    const type: CmsEntryType = direction === 'in' && story.side === 'paying' ? 'refund' : (p.cmsType ?? story.cms.paymentType);
    const collected = type === 'payment_received' || type === 'payment_passed_on';
    const pence =
      story.cms.recordsMaintenancePart && collected ? maintenancePart(story.side, toPence(p.amount), p.date) : toPence(p.amount);
    return [{ date: p.date, pence, type, ...(p.reference ? { reference: p.reference } : {}) }];
  });
  const extra: { kind: string; date: CivilDate; pence: number; type: CmsEntryType; reference?: string }[] = [];
  const liabilityLines = story.cms.liability ? cmsLines(story, story.cms.liability) : [];
  const liability: { date: CivilDate; pence: number; type: CmsEntryType; kind: string }[] = [];
  for (const l of liabilityLines) {
    liability.push({ kind: 'due', date: l.dueDate, pence: l.maintenancePence, type: 'liability' });
    if (story.cms.fees && l.feePence > 0) liability.push({ kind: 'fee', date: l.dueDate, pence: l.feePence, type: 'collection_fee' });
  }
  const dueOf = (period: number) => {
    const i = liability.findIndex((x) => x.type === 'liability' && x.date === liabilityLines[period]!.dueDate);
    if (i < 0) throw new Error(`no liability line for period ${period}`);
    return i;
  };

  for (const e of story.errors ?? []) {
    switch (e.kind) {
      case 'phantom': {
        const type: CmsEntryType = story.cms.paymentType;
        extra.push({ kind: 'pay', date: e.date, pence: toPence(e.amount), type, ...(e.reference ? { reference: e.reference } : {}) });
        break;
      }
      case 'not_recorded':
        records[e.payment] = [];
        break;
      case 'duplicate': {
        const r = records[e.payment]![0]!;
        records[e.payment]!.push({ ...r, date: addDays(r.date, e.days) });
        break;
      }
      case 'recorded_on':
        records[e.payment] = records[e.payment]!.map((r) => ({ ...r, date: e.date }));
        break;
      case 'recorded_as':
        records[e.payment] = records[e.payment]!.map((r) => ({ ...r, pence: toPence(e.amount) }));
        break;
      case 'recorded_together': {
        const [first, ...rest] = e.payments;
        const total = e.payments.reduce((a, i) => a + records[i]!.reduce((b, r) => b + r.pence, 0), 0);
        records[first!] = [{ ...records[first!]![0]!, pence: total }];
        for (const i of rest) records[i] = [];
        break;
      }
      case 'recorded_in_parts': {
        const r = records[e.payment]![0]!;
        records[e.payment] = e.parts.map((part) => ({ ...r, pence: toPence(part) }));
        break;
      }
      case 'liability_twice': {
        const i = dueOf(e.period);
        liability.splice(i + 1, 0, { ...liability[i]! });
        break;
      }
      case 'liability_as':
        liability[dueOf(e.period)] = { ...liability[dueOf(e.period)]!, pence: toPence(e.amount) };
        break;
      case 'fee':
        extra.push({ kind: 'fee', date: e.date, pence: toPence(e.amount), type: 'collection_fee' });
        break;
      case 'enforcement_charge':
        extra.push({ kind: 'charge', date: e.date, pence: toPence(e.amount), type: 'enforcement_charge' });
        break;
      case 'adjustment':
        extra.push({ kind: 'adj', date: e.date, pence: toPence(e.amount), type: 'adjustment' });
        break;
    }
  }

  const cmsEntries: CmsEntryInput[] = [];
  for (const l of liability) cmsEntries.push({ id: id(`cms-${l.kind}-${l.date}`), date: l.date, type: l.type, amount: fromPence(l.pence) });
  for (const r of records.flat())
    cmsEntries.push({
      id: id(`cms-${r.type === 'refund' ? 'refund' : 'pay'}-${r.date}`),
      date: r.date,
      type: r.type,
      amount: fromPence(r.pence),
      ...(r.reference ? { reference: r.reference } : {}),
    });
  for (const x of extra)
    cmsEntries.push({
      id: id(`cms-${x.kind}-${x.date}`),
      date: x.date,
      type: x.type,
      amount: fromPence(x.pence),
      ...(x.reference ? { reference: x.reference } : {}),
    });

  const bankFilter =
    story.bankFilter === 'none' ? undefined : (story.bankFilter ?? (story.otherBankLines?.length ? undefined : { includeAll: true }));
  const input: ReconcileInput = {
    schedule: {
      decisions: story.decisions,
      frequency: story.frequency ?? 'monthly',
      ...(story.firstDueDate ? { firstDueDate: story.firstDueDate } : {}),
      ...(story.caseEndDate ? { caseEndDate: story.caseEndDate } : {}),
      ...(story.service ? { service: story.service } : {}),
      asOf: story.asOf,
    },
    side: story.side,
    ...(story.receivingParentId ? { receivingParentId: story.receivingParentId } : {}),
    cmsEntries,
    bankTransactions,
    ...(bankFilter ? { bankFilter } : {}),
    ...(story.cmsClaim ? { cmsClaim: story.cmsClaim } : {}),
  };
  return { input, cmsEntries, bankTransactions, cmsLines: liabilityLines };
}

/** Monthly dates: the `day` of each month from `from` (YYYY-MM) for `count` months. */
export function monthly(from: string, count: number, day = 1): CivilDate[] {
  const first = `${from}-${String(day).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, k) => addMonths(first, k));
}

/**
 * The ledgers a dispute compares: what CMS recorded, what the parent's bank shows, and the other evidence of
 * money paid (payslips, benefit statements, payments the parent declares). Inputs are checked and put into one
 * canonical order, so that nothing downstream depends on the order given. Money is whole pence here (an
 * integer), read without a decimal object per row: statements run to hundreds of thousands of rows.
 * @module
 */
import { dayNumberOf, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { parsePence, type MoneyInput } from '../money.ts';
import { ENFORCEMENT_ACTIONS, type EnforcementAction } from '../scheme-2012/parameters.ts';

/** What a CMS statement, arrears breakdown or letter records, and what each line does to the balance. */
export const CMS_ENTRY_TYPES = [
  /** Maintenance charged for a period (a "payment due" line). */
  'liability',
  /** A collection fee (20% charged to the paying parent, or 4% taken from the receiving parent). */
  'collection_fee',
  /** An enforcement charge (deduction from earnings order, deduction order, liability order …). */
  'enforcement_charge',
  /** A payment CMS says it received from the paying parent (Collect and Pay). */
  'payment_received',
  /** Money an employer paid CMS under a deduction from earnings order or request (1991 Act s.31). */
  'deo_receipt',
  /** Money DWP paid CMS by deduction from the paying parent's benefit. */
  'benefit_deduction_receipt',
  /** A Direct Pay payment CMS recorded. */
  'direct_payment',
  /** A voluntary payment CMS accepted as maintenance (1991 Act s.28J). */
  'voluntary_payment',
  /** A payment CMS says it passed on to the receiving parent. */
  'payment_passed_on',
  /** Money CMS says it refunded to the paying parent. */
  'refund',
  /** Direct Pay: a missed or short payment reported to CMS; the amount is what was reported unpaid. */
  'missed_payment_reported',
  /** Any other change to the balance; positive increases what the paying parent owes. */
  'adjustment',
  /** An overpayment set against what was due (Management of Payments and Arrears Regs 2009 regs 8–9). */
  'offset',
  /** Arrears brought forward: those a CSA case carried to CMS when it closed (SI 2014/1386). May be negative. */
  'opening_balance',
  /** Arrears written off (1991 Act s.41E): no longer collected. */
  'write_off',
] as const;
export type CmsEntryType = (typeof CMS_ENTRY_TYPES)[number];

/**
 * What each entry is, for reconciliation: a charge checked against the schedule and the fee rules; a payment
 * or a refund that the bank (or a declared payment) can speak to; a deduction that a payslip or a benefit
 * statement can speak to; a Direct Pay report; or a change taken as CMS recorded it.
 */
export type CmsEntryClass = 'charge' | 'payment' | 'deduction' | 'refund' | 'report' | 'adjustment';
export const CMS_ENTRY_CLASS: Readonly<Record<CmsEntryType, CmsEntryClass>> = {
  liability: 'charge',
  collection_fee: 'charge',
  enforcement_charge: 'charge',
  payment_received: 'payment',
  deo_receipt: 'deduction',
  benefit_deduction_receipt: 'deduction',
  direct_payment: 'payment',
  voluntary_payment: 'payment',
  payment_passed_on: 'payment',
  refund: 'refund',
  missed_payment_reported: 'report',
  adjustment: 'adjustment',
  offset: 'adjustment',
  write_off: 'adjustment',
  opening_balance: 'adjustment',
};

/** Who a part of the balance is owed to. */
export const CREDITORS = ['receiving_parent', 'secretary_of_state'] as const;
export type Creditor = (typeof CREDITORS)[number];

export interface CmsEntryInput {
  readonly id?: string;
  readonly date: CivilDate;
  readonly type: CmsEntryType;
  /** Positive; an adjustment may be negative (it reduces what is owed). */
  readonly amount: MoneyInput;
  readonly reference?: string;
  readonly description?: string;
  /** The CMS case reference the line is recorded on, when the parent has more than one case. */
  readonly caseReference?: string;
  /** An enforcement charge: which action it is for (read from the description when not given). */
  readonly chargeType?: EnforcementAction;
  /** Who CMS says this part of the balance is owed to, where the statement says. */
  readonly creditor?: Creditor;
  /** Where the line is printed, e.g. "CMS statement, page 2, line 14". */
  readonly source?: string;
  /**
   * True for a line of a CMS payment schedule (what falls due on a date), not of the statement of account (what
   * CMS charged): where the account already charges that period, the schedule's line is the same charge again.
   */
  readonly fromSchedule?: boolean;
  /**
   * What a payment schedule's Status column says of the instalment (a `fromSchedule` line only): reconciliation warns
   * where it marks paid an instalment whose payment no other CMS record shows.
   */
  readonly status?: ScheduleStatus;
  /**
   * The id of a row this one repeats: the same line as another document of the same account or case shows it (a
   * PDF and a CSV of the same months, overlapping statements). It is set aside, so the line counts once.
   */
  readonly repeats?: string;
}

export const SCHEDULE_STATUSES = ['due', 'paid', 'part_paid', 'missed'] as const;
/** What a payment schedule's Status column says of an instalment: not yet due or due, paid, part paid, missed. */
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export const DIRECTIONS = ['in', 'out'] as const;
/** Money into (`in`) or out of (`out`) the account holder's account. */
export type Direction = (typeof DIRECTIONS)[number];

export interface BankTransactionInput {
  readonly id?: string;
  readonly date: CivilDate;
  /** Positive; `direction` says which way it went. */
  readonly amount: MoneyInput;
  readonly direction: Direction;
  readonly description?: string;
  readonly reference?: string;
  readonly balance?: MoneyInput;
  readonly fingerprint?: string;
  /** Where the row is printed, e.g. "Barclays statement 3, page 2, line 14". */
  readonly source?: string;
  /**
   * The id of a row this one repeats: the same line as another document of the same account or case shows it (a
   * PDF and a CSV of the same months, overlapping statements). It is set aside, so the line counts once.
   */
  readonly repeats?: string;
}

/** Evidence of money paid that is not on a bank statement. */
export const EVIDENCE_TYPES = [
  /** A deduction for child maintenance on a payslip (deduction from earnings order or request). */
  'payslip_deduction',
  /** A deduction for child maintenance from a benefit, on the benefit statement. */
  'benefit_deduction',
  /** Any other payment the parent can show (cash with a receipt, a cheque, another account). */
  'declared_payment',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface EvidenceInput {
  readonly id?: string;
  readonly type: EvidenceType;
  /** Payslip: the pay date. Benefit: the payment date. Declared: the day it was paid. */
  readonly date: CivilDate;
  /** Positive: the amount deducted or paid. */
  readonly amount: MoneyInput;
  /** The employer, the benefit, or who paid or received it. */
  readonly from?: string;
  readonly description?: string;
  readonly reference?: string;
  /** Where it is shown, e.g. "payslip of 28 March 2024". */
  readonly source?: string;
}

export interface CmsEntry {
  readonly id: string;
  readonly date: CivilDate;
  readonly day: number;
  readonly type: CmsEntryType;
  readonly class: CmsEntryClass;
  /** Whole pence. Positive, except an adjustment may be negative. */
  readonly pence: number;
  readonly reference: string;
  readonly description: string;
  /** Normalised case reference ('' when not given: this case). */
  readonly caseReference: string;
  readonly chargeType?: EnforcementAction;
  readonly creditor?: Creditor;
  readonly source?: string;
  /** A line of a CMS payment schedule, not of the account (CmsEntryInput.fromSchedule). */
  readonly fromSchedule: boolean;
  /** The schedule's mark on the instalment (CmsEntryInput.status). */
  readonly status?: ScheduleStatus;
  /** The id of the row it repeats (CmsEntryInput.repeats): set aside. */
  readonly repeats?: string;
}

export interface BankTransaction {
  readonly id: string;
  readonly date: CivilDate;
  readonly day: number;
  /** Whole pence, positive. */
  readonly pence: number;
  readonly direction: Direction;
  readonly reference: string;
  readonly description: string;
  readonly source?: string;
  /** The id of the row it repeats (BankTransactionInput.repeats): set aside. */
  readonly repeats?: string;
}

export interface Evidence {
  readonly id: string;
  readonly type: EvidenceType;
  readonly date: CivilDate;
  readonly day: number;
  readonly pence: number;
  readonly from: string;
  readonly reference: string;
  readonly description: string;
  readonly source?: string;
}

/** Most rows accepted in one list: enough for decades of daily statements, small enough to stay responsive. */
export const MAX_ROWS = 250_000;

function date(field: string, value: unknown): { date: CivilDate; day: number } {
  const day = dayNumberOf(value);
  if (day === undefined) throw new InputError(field, `must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return { date: value as CivilDate, day };
}

function pence(field: string, value: MoneyInput, mayBeNegative: boolean): number {
  let p: number;
  try {
    p = parsePence(value);
  } catch (e) {
    throw new InputError(field, (e as Error).message);
  }
  if (p < 0 && !mayBeNegative)
    throw new InputError(field, `must not be negative (got ${JSON.stringify(value)}); give the amount as a positive number`);
  return p;
}

function text(value: unknown): string {
  return typeof value === 'string' ? (value.length === 0 ? value : value.trim()) : '';
}

function optionalText(value: unknown): string | undefined {
  const t = text(value);
  return t === '' ? undefined : t;
}

function list<T>(rows: readonly T[] | undefined, field: string): readonly T[] {
  const l = rows ?? [];
  if (!Array.isArray(l)) throw new InputError(field, 'must be a list');
  if (l.length > MAX_ROWS) throw new InputError(field, `has ${l.length} rows; at most ${MAX_ROWS} can be reconciled at once`);
  return l;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The fields each kind of row may have, and the longest text each may hold (0: not text). */
const CMS_FIELDS: Readonly<Record<string, number>> = {
  id: 100,
  date: 0,
  type: 0,
  amount: 0,
  reference: 200,
  description: 500,
  caseReference: 40,
  chargeType: 0,
  creditor: 0,
  source: 300,
  fromSchedule: 0,
  status: 0,
  repeats: 100,
};
const BANK_FIELDS: Readonly<Record<string, number>> = {
  id: 100,
  date: 0,
  amount: 0,
  direction: 0,
  description: 500,
  reference: 200,
  balance: 0,
  fingerprint: 200,
  source: 300,
  repeats: 100,
};
const EVIDENCE_FIELDS: Readonly<Record<string, number>> = {
  id: 100,
  type: 0,
  date: 0,
  amount: 0,
  from: 200,
  description: 500,
  reference: 200,
  source: 300,
};

/** Refuses a field the row cannot have (a misspelt one must not be ignored) and text that is not text or too long. */
function checkFields(row: object, fields: Readonly<Record<string, number>>, field: string): void {
  for (const key in row) {
    const max = fields[key];
    if (max === undefined || !Object.hasOwn(fields, key)) {
      throw new InputError(field, `unknown field "${key}"; remove it or check the spelling`);
    }
    if (max === 0) continue;
    const value = (row as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new InputError(`${field}.${key}`, `must be text (got ${JSON.stringify(value)?.slice(0, 40)})`);
    if (key === 'id' && value.length === 0) throw new InputError(`${field}.id`, 'must not be empty; leave id out to have one made');
    if (value.length > max) throw new InputError(`${field}.${key}`, `must be at most ${max} characters`);
  }
}

/** A row being read: its id as given ('' when none), and its rank among kinds for the canonical order. */
interface Reading {
  id: string;
  readonly given: boolean;
  readonly day: number;
  readonly pence: number;
  readonly reference: string;
  readonly description: string;
}

/**
 * Puts rows into their canonical order — day, amount, kind, reference, description, then the id given — numbers
 * first so the common case never compares strings, and numbers the rows that were given no id (prefix_1, …).
 * Sorts an index, so no row is copied.
 */
function canonical<R extends Reading>(rows: R[], ranks: Int32Array, prefix: string, field: string): R[] {
  const within = (i: number, j: number): number => {
    const a = rows[i]!;
    const b = rows[j]!;
    return (
      a.pence - b.pence || ranks[i]! - ranks[j]! || cmp(a.reference, b.reference) || cmp(a.description, b.description) || cmp(a.id, b.id)
    );
  };
  const order = byDay(rows, within);
  // Ids given must differ from each other and from those made here (prefix_1, prefix_2 … in canonical order).
  const given = new Set<string>();
  for (const row of rows) {
    if (!row.given) continue;
    if (given.has(row.id)) throw new InputError(field, `the id "${row.id}" is used twice`);
    given.add(row.id);
  }
  let n = 0;
  const out = new Array<R>(rows.length);
  for (let k = 0; k < order.length; k++) {
    const row = rows[order[k]!]!;
    if (!row.given) {
      row.id = `${prefix}_${++n}`;
      if (given.size > 0 && given.has(row.id)) throw new InputError(field, `the id "${row.id}" is used twice`);
    }
    out[k] = row;
  }
  return out;
}

/**
 * The rows' indexes in day order, ties by `within`: a bucket per day when the days span no more than a few times the
 * rows (a statement's usual shape: one pass, then a short sort inside each day), a comparison sort otherwise.
 */
function byDay(rows: readonly { readonly day: number }[], within: (i: number, j: number) => number): number[] {
  const n = rows.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (r.day < lo) lo = r.day;
    if (r.day > hi) hi = r.day;
  }
  const span = hi - lo + 1;
  if (n === 0 || span > 4 * n + 10_000) {
    return Array.from({ length: n }, (_, i) => i).sort((i, j) => rows[i]!.day - rows[j]!.day || within(i, j));
  }
  const starts = new Int32Array(span + 1);
  for (const r of rows) starts[r.day - lo + 1]!++;
  for (let d = 1; d <= span; d++) starts[d]! += starts[d - 1]!;
  const order = new Array<number>(n);
  const fill = starts.slice(0, span);
  for (let i = 0; i < n; i++) order[fill[rows[i]!.day - lo]!++] = i;
  for (let d = 0; d < span; d++) {
    const from = starts[d]!;
    const to = starts[d + 1]!;
    if (to - from > 1) {
      const day = order.slice(from, to).sort(within);
      for (let k = 0; k < day.length; k++) order[from + k] = day[k]!;
    }
  }
  return order;
}

const ACTION_WORDS: readonly [RegExp, EnforcementAction][] = [
  [/deduction from earnings request|\bder\b/i, 'deduction_from_earnings_request'],
  [/deduction from earnings|\bdeo\b/i, 'deduction_from_earnings_order'],
  [/lump[- ]sum/i, 'lump_sum_deduction_order'],
  [/regular deduction|deduction order/i, 'regular_deduction_order'],
  [/liability order/i, 'liability_order'],
];

/** The enforcement action a charge's wording names, if any. */
export function enforcementActionOf(description: string): EnforcementAction | undefined {
  return ACTION_WORDS.find(([re]) => re.test(description))?.[1];
}

/** A check that a row's `repeats` names another row given with it (by the id given), so no row is set aside for a slip. */
function repeatsCheck(given: readonly unknown[], what: string): (row: { id?: unknown; repeats?: unknown }, field: string) => void {
  const ids = new Set<unknown>();
  for (const r of given) if (r !== null && typeof r === 'object' && 'id' in r) ids.add((r as { id?: unknown }).id);
  return (row, field) => {
    if (row.repeats === undefined) return;
    if (row.repeats === row.id || !ids.has(row.repeats)) {
      throw new InputError(`${field}.repeats`, `must be the id of another ${what} given here: the one this row repeats`);
    }
  };
}

const TYPE_RANK = new Map<string, number>(CMS_ENTRY_TYPES.map((t, i) => [t, i]));

/** Checks CMS entries and puts them in canonical order (date, amount, type, reference, description). */
export function readCmsEntries(rows: readonly CmsEntryInput[] | undefined): CmsEntry[] {
  const given = list(rows, 'cmsEntries');
  const ranks = new Int32Array(given.length);
  const repeated = repeatsCheck(given, 'CMS entry');
  const read = given.map((r, i): CmsEntry & Reading => {
    const field = `cmsEntries[${i}]`;
    if (r === null || typeof r !== 'object') throw new InputError(field, 'must be an object with date, type and amount');
    checkFields(r, CMS_FIELDS, field);
    const cls = CMS_ENTRY_CLASS[r.type];
    if (cls === undefined || !Object.hasOwn(CMS_ENTRY_CLASS, r.type)) {
      throw new InputError(`${field}.type`, `must be one of ${CMS_ENTRY_TYPES.join(', ')}`);
    }
    const { date: d, day } = date(`${field}.date`, r.date);
    if (r.chargeType !== undefined && (r.type !== 'enforcement_charge' || !ENFORCEMENT_ACTIONS.includes(r.chargeType))) {
      throw new InputError(
        `${field}.chargeType`,
        r.type !== 'enforcement_charge'
          ? 'is only for an enforcement_charge; leave it out'
          : `must be one of ${ENFORCEMENT_ACTIONS.join(', ')}`,
      );
    }
    if (r.creditor !== undefined && !CREDITORS.includes(r.creditor)) {
      throw new InputError(`${field}.creditor`, `must be one of ${CREDITORS.join(', ')}`);
    }
    if (r.fromSchedule !== undefined && typeof r.fromSchedule !== 'boolean') {
      throw new InputError(`${field}.fromSchedule`, 'must be true (a line of a CMS payment schedule) or false');
    }
    if (r.status !== undefined && (r.fromSchedule !== true || !SCHEDULE_STATUSES.includes(r.status))) {
      throw new InputError(
        `${field}.status`,
        r.fromSchedule !== true
          ? 'is a payment schedule’s mark on an instalment: give it only on a schedule’s line (fromSchedule: true)'
          : `must be one of ${SCHEDULE_STATUSES.join(', ')}`,
      );
    }
    repeated(r, field);
    const description = text(r.description);
    ranks[i] = TYPE_RANK.get(r.type)!;
    return {
      id: r.id === undefined ? '' : String(r.id),
      given: r.id !== undefined,
      date: d,
      day,
      type: r.type,
      class: cls,
      pence: pence(`${field}.amount`, r.amount, r.type === 'adjustment' || r.type === 'opening_balance'),
      reference: text(r.reference),
      description,
      caseReference: r.caseReference === undefined ? '' : normaliseReference(text(r.caseReference)),
      chargeType: r.type === 'enforcement_charge' ? (r.chargeType ?? enforcementActionOf(description)) : undefined,
      creditor: r.creditor,
      source: optionalText(r.source),
      fromSchedule: r.fromSchedule === true,
      ...(r.status !== undefined ? { status: r.status } : {}),
      ...(r.repeats !== undefined ? { repeats: r.repeats } : {}),
    };
  });
  return canonical(read, ranks, 'cms', 'cmsEntries');
}

/** Checks bank transactions and puts them in canonical order. */
export function readBankTransactions(rows: readonly BankTransactionInput[] | undefined): BankTransaction[] {
  const given = list(rows, 'bankTransactions');
  const ranks = new Int32Array(given.length);
  const repeated = repeatsCheck(given, 'bank transaction');
  const read = given.map((r, i): BankTransaction & Reading => {
    if (r === null || typeof r !== 'object')
      throw new InputError(`bankTransactions[${i}]`, 'must be an object with date, amount and direction');
    checkFields(r, BANK_FIELDS, `bankTransactions[${i}]`);
    if (r.direction !== 'in' && r.direction !== 'out') {
      throw new InputError(`bankTransactions[${i}].direction`, 'must be "in" (money into the account) or "out"');
    }
    repeated(r, `bankTransactions[${i}]`);
    const day = dayNumberOf(r.date);
    if (day === undefined) date(`bankTransactions[${i}].date`, r.date);
    ranks[i] = r.direction === 'in' ? 0 : 1;
    return {
      id: r.id === undefined ? '' : String(r.id),
      given: r.id !== undefined,
      date: r.date,
      day: day!,
      pence: pence(`bankTransactions[${i}].amount`, r.amount, false),
      direction: r.direction,
      reference: text(r.reference),
      description: text(r.description),
      source: optionalText(r.source),
      ...(r.repeats !== undefined ? { repeats: r.repeats } : {}),
    };
  });
  return canonical(read, ranks, 'bank', 'bankTransactions');
}

/** Checks other evidence of payment (payslips, benefit statements, declared payments) and puts it in canonical order. */
export function readEvidence(rows: readonly EvidenceInput[] | undefined): Evidence[] {
  const given = list(rows, 'evidence');
  const ranks = new Int32Array(given.length);
  const read = given.map((r, i): Evidence & Reading => {
    const field = `evidence[${i}]`;
    if (r === null || typeof r !== 'object') throw new InputError(field, 'must be an object with type, date and amount');
    checkFields(r, EVIDENCE_FIELDS, field);
    if (!EVIDENCE_TYPES.includes(r.type)) throw new InputError(`${field}.type`, `must be one of ${EVIDENCE_TYPES.join(', ')}`);
    const { date: d, day } = date(`${field}.date`, r.date);
    ranks[i] = EVIDENCE_TYPES.indexOf(r.type);
    return {
      id: r.id === undefined ? '' : String(r.id),
      given: r.id !== undefined,
      type: r.type,
      date: d,
      day,
      pence: pence(`${field}.amount`, r.amount, false),
      from: text(r.from),
      reference: text(r.reference),
      description: text(r.description),
      source: optionalText(r.source),
    };
  });
  return canonical(read, ranks, 'evidence', 'evidence');
}

/** References compared without case, spaces or punctuation; very short ones say too little to match on. */
export function normaliseReference(reference: string): string {
  const r = reference.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return r.length >= 4 ? r : '';
}

/**
 * The two ledgers a dispute compares: what CMS recorded, and what the parent's bank shows. Inputs are
 * checked and put into one canonical order, so that nothing downstream depends on the order given.
 * @module
 */
import { isCivilDate, toDayNumber, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { nonNegativeMoney } from '../input.ts';
import { money, roundPenny, type Dec, type MoneyInput } from '../money.ts';

/** What a CMS statement or arrears breakdown records. */
export const CMS_ENTRY_TYPES = [
  /** Maintenance charged for a period (a "payment due" line). */
  'liability',
  /** A payment CMS says it received from the paying parent (Collect and Pay). */
  'payment_received',
  /** A payment CMS says it passed on to the receiving parent. */
  'payment_passed_on',
  /** A Direct Pay payment recorded by CMS. */
  'direct_payment',
  /** A collection fee (20% charged to the paying parent, or 4% taken from the receiving parent). */
  'collection_fee',
  /** An enforcement charge (deduction order, liability order …). */
  'enforcement_charge',
  /** Any other change to the balance; positive increases what the paying parent owes. */
  'adjustment',
  /** Money CMS says it refunded to the paying parent. */
  'refund',
] as const;
export type CmsEntryType = (typeof CMS_ENTRY_TYPES)[number];

export interface CmsEntryInput {
  readonly id?: string;
  readonly date: CivilDate;
  readonly type: CmsEntryType;
  /** Positive; an adjustment may be negative (it reduces what is owed). */
  readonly amount: MoneyInput;
  readonly reference?: string;
  readonly description?: string;
}

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
}

export interface CmsEntry {
  readonly id: string;
  readonly date: CivilDate;
  readonly day: number;
  readonly type: CmsEntryType;
  readonly amount: Dec;
  /** Whole pence, for exact matching. */
  readonly pence: number;
  readonly reference: string;
  readonly description: string;
}

export interface BankTransaction {
  readonly id: string;
  readonly date: CivilDate;
  readonly day: number;
  readonly amount: Dec;
  readonly pence: number;
  readonly direction: Direction;
  readonly reference: string;
  readonly description: string;
}

/** Most rows accepted in one list: enough for decades of daily statements, small enough to stay responsive. */
export const MAX_ROWS = 250_000;

function date(field: string, value: unknown): CivilDate {
  if (typeof value !== 'string' || !isCivilDate(value)) {
    throw new InputError(field, `must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  return value;
}

function pence(field: string, d: Dec): number {
  if (!d.equals(roundPenny(d))) throw new InputError(field, `must be whole pence (got ${d.toString()})`);
  if (d.abs().gt('1000000000')) throw new InputError(field, `is too large to be a maintenance amount (got ${d.toString()})`);
  return d.times(100).toNumber();
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Key on which entries sort before ids are given, so that any order of input gives the same result. */
function contentKey(e: { date: string; pence: number; reference: string; description: string }, extra: string): string {
  return `${e.date}|${String(e.pence + 1e12).padStart(14, '0')}|${extra}|${e.reference}|${e.description}`;
}

function assignIds<T extends { id: string }>(rows: (Omit<T, 'id'> & { id?: string; key: string })[], prefix: string): T[] {
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : (a.id ?? '').localeCompare(b.id ?? '')));
  const seen = new Set<string>();
  let n = 0;
  return rows.map(({ key: _key, ...row }) => {
    const id = row.id ?? `${prefix}_${++n}`;
    if (seen.has(id)) throw new InputError(`${prefix === 'cms' ? 'cmsEntries' : 'bankTransactions'}`, `the id "${id}" is used twice`);
    seen.add(id);
    return { ...row, id } as unknown as T;
  });
}

/** Checks CMS entries and puts them in canonical order (date, amount, type, reference, description). */
export function readCmsEntries(rows: readonly CmsEntryInput[] | undefined): CmsEntry[] {
  const list = rows ?? [];
  if (list.length > MAX_ROWS) throw new InputError('cmsEntries', `has ${list.length} rows; at most ${MAX_ROWS} can be reconciled at once`);
  return assignIds<CmsEntry>(
    list.map((r, i) => {
      const field = `cmsEntries[${i}]`;
      if (r === null || typeof r !== 'object') throw new InputError(field, 'must be an object with date, type and amount');
      if (!CMS_ENTRY_TYPES.includes(r.type)) throw new InputError(`${field}.type`, `must be one of ${CMS_ENTRY_TYPES.join(', ')}`);
      const d = date(`${field}.date`, r.date);
      let amount: Dec;
      if (r.type === 'adjustment') {
        try {
          amount = money(r.amount);
        } catch (e) {
          throw new InputError(`${field}.amount`, (e as Error).message);
        }
      } else {
        amount = nonNegativeMoney(`${field}.amount`, r.amount);
      }
      const p = pence(`${field}.amount`, amount);
      const base = {
        date: d,
        day: toDayNumber(d),
        type: r.type,
        amount,
        pence: p,
        reference: text(r.reference),
        description: text(r.description),
      };
      return { ...base, ...(r.id === undefined ? {} : { id: String(r.id) }), key: contentKey(base, r.type) };
    }),
    'cms',
  );
}

/** Checks bank transactions and puts them in canonical order. */
export function readBankTransactions(rows: readonly BankTransactionInput[] | undefined): BankTransaction[] {
  const list = rows ?? [];
  if (list.length > MAX_ROWS)
    throw new InputError('bankTransactions', `has ${list.length} rows; at most ${MAX_ROWS} can be reconciled at once`);
  return assignIds<BankTransaction>(
    list.map((r, i) => {
      const field = `bankTransactions[${i}]`;
      if (r === null || typeof r !== 'object') throw new InputError(field, 'must be an object with date, amount and direction');
      if (!DIRECTIONS.includes(r.direction)) throw new InputError(`${field}.direction`, 'must be "in" (money into the account) or "out"');
      const d = date(`${field}.date`, r.date);
      const amount = nonNegativeMoney(`${field}.amount`, r.amount);
      const base = {
        date: d,
        day: toDayNumber(d),
        amount,
        pence: pence(`${field}.amount`, amount),
        direction: r.direction,
        reference: text(r.reference),
        description: text(r.description),
      };
      return { ...base, ...(r.id === undefined ? {} : { id: String(r.id) }), key: contentKey(base, r.direction) };
    }),
    'bank',
  );
}

/** References compared without case, spaces or punctuation; very short ones say too little to match on. */
export function normaliseReference(reference: string): string {
  const r = reference.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return r.length >= 4 ? r : '';
}

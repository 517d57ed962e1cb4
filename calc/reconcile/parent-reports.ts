/**
 * The parent's own reports to CMS of missed or short Direct Pay payments (a phone call, a letter, a message in the
 * online account), as the case records them. On Direct Pay CMS records no payments and learns of a problem only when
 * a parent reports it; its arrears arise from the reports (GOV.UK "Child maintenance: how to pay"; cms-accounts.md
 * §1). CMS's own record of the reports is its `missed_payment_reported` entries; a report the parent made that is not
 * among them is CMS's error, not news to CMS: direct-pay.ts makes a shortfall she reported and CMS did not record a
 * `missed_payment_report_not_recorded` finding, never "CMS was not told" (a journey probe, story 2: "Reported April
 * payment missed (call ref 55120)" beside "2 shortfalls nobody reported … and CMS was not told").
 * @module
 */
import { isCivilDate, toDayNumber, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { nonNegativePence } from '../input.ts';
import type { MoneyInput } from '../money.ts';

/** A missed or short Direct Pay payment the parent reported to CMS. */
export interface MissedPaymentReportInput {
  readonly id?: string;
  /** The day it was reported. */
  readonly date: CivilDate;
  /** The instalment reported (its due date); by default the latest instalment due on or before the report. */
  readonly dueDate?: CivilDate;
  /** What was reported unpaid; by default all that the evidence shows unpaid of that instalment. */
  readonly amount?: MoneyInput;
  /** How it was made and any reference CMS gave, in words a letter can quote ("call ref 55120"). */
  readonly reference?: string;
}

export interface ParentReport {
  readonly id: string;
  readonly date: CivilDate;
  readonly day: number;
  readonly dueDay?: number;
  readonly pence?: number;
  readonly reference?: string;
}

const dateOf = (field: string, value: unknown): CivilDate => {
  if (typeof value !== 'string' || !isCivilDate(value))
    throw new InputError(field, `must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return value;
};

/** The reports made on or before `asOfDay` (one made after it is no part of CMS's figure then), checked. */
export function readParentReports(input: readonly MissedPaymentReportInput[] | undefined, asOfDay: number): ParentReport[] {
  return (input ?? []).flatMap((r, i) => {
    const field = `missedPaymentReports[${i}]`;
    const date = dateOf(`${field}.date`, r.date);
    const dueDate = r.dueDate === undefined ? undefined : dateOf(`${field}.dueDate`, r.dueDate);
    if (dueDate !== undefined && dueDate > date) {
      throw new InputError(`${field}.dueDate`, `is after the day it was reported (${date}): a payment is reported missed once it was due`);
    }
    const pence = r.amount === undefined ? undefined : nonNegativePence(`${field}.amount`, r.amount);
    const day = toDayNumber(date);
    if (day > asOfDay) return [];
    const reference = typeof r.reference === 'string' && r.reference.trim() !== '' ? r.reference.trim() : undefined;
    return [
      {
        id: r.id ?? `report_${i + 1}`,
        date,
        day,
        ...(dueDate !== undefined ? { dueDay: toDayNumber(dueDate) } : {}),
        ...(pence !== undefined ? { pence } : {}),
        ...(reference !== undefined ? { reference } : {}),
      },
    ];
  });
}

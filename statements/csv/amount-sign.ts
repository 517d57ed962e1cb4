/**
 * Which way round a single signed amount column runs. A bank account prints money out negative; a credit card's
 * export (Amex UK's "Date,Description,Amount", the same header as first direct's) prints charges positive and the
 * payments that clear the card negative, so read as a bank's every direction would be the wrong way round, silently (a
 * statement probe, 5 December 2026). What tells them apart is a payment to the card: "PAYMENT RECEIVED - THANK YOU",
 * negative. A bank account never prints a payment it received as money out. Where a balance column is given, its chain
 * settles the direction instead, and nothing here applies.
 * @module
 */
import type { Dec } from '../../calc/money.ts';

/** A card issuer's words for a payment that clears the card. */
const CARD_PAYMENT = /\bthank you\b|\bpayment received\b/i;

export interface SignedRow {
  readonly signed: Dec;
  readonly description: string;
  readonly where: string;
}

/** The row that shows the file runs the card's way (charges positive), or undefined. */
export function cardPaymentRow<R extends SignedRow>(rows: readonly R[]): R | undefined {
  return rows.find((r) => r.signed.isNegative() && !r.signed.isZero() && CARD_PAYMENT.test(r.description));
}

/** The warning for a file read the card's way round. */
export function cardWarning(column: string, row: SignedRow): string {
  return (
    `This looks like a credit card's export, which prints charges as positive and payments to the card as negative ` +
    `(${row.where}: "${row.description.slice(0, 40)}" is ${row.signed.toFixed(2)}), so column ${column} was read that way round: charges as money out, payments and refunds as money in. ` +
    'If it is a bank account, give csvMapping with "paidIn" naming that column instead, to read positive figures as money in.'
  );
}

/** The warning for a signed amount column in which every figure is positive: every row was read as money in. */
export function allPositiveWarning(column: string, count: number): string {
  return (
    `Every one of the ${count} amounts in column ${column} is positive, so every row was read as money in. ` +
    'If money out is printed unsigned too, name the column that says which way each went (csvMapping.direction), or give "paidOut" and "paidIn".'
  );
}

/**
 * Bounds on the work one document may cause: rows read and time spent. A hostile or enormous file ends in a
 * clear `too_large` error rather than a hung process.
 * @module
 */
import { LIMITS, ParseError } from '../types.ts';
import { groupedCount } from '../../calc/money.ts';

export interface BudgetLimits {
  readonly maxRows: number;
  readonly maxMillis: number;
}

/** Checked by the parsers as they go; throws {@link ParseError} `too_large` when a bound is passed. */
export class Budget {
  readonly maxRows: number;
  readonly maxMillis: number;
  private readonly deadline: number;
  private readonly now: () => number;

  constructor(limits: Partial<BudgetLimits> = {}, now: () => number = () => performance.now()) {
    this.maxRows = limits.maxRows ?? LIMITS.maxRows;
    this.maxMillis = limits.maxMillis ?? LIMITS.maxMillis;
    this.now = now;
    this.deadline = now() + this.maxMillis;
  }

  /** Throws when the time is up. Cheap enough to call every few hundred rows. */
  checkTime(): void {
    if (this.now() > this.deadline) {
      throw new ParseError(
        'too_large',
        `Reading this document took longer than ${Math.round(this.maxMillis / 1000)} seconds, the most one document may take; split it into smaller files (for example one per year) and send each.`,
      );
    }
  }

  /** Throws when `rows` transactions (or lines) are more than one document may hold. */
  checkRows(rows: number, what = 'rows'): void {
    if (rows > this.maxRows) {
      throw new ParseError(
        'too_large',
        `The document has more than ${groupedCount(this.maxRows)} ${what}, the most one document may hold; split it by date and send each part.`,
      );
    }
  }
}

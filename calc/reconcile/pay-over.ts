/**
 * When a deduction reaches CMS: an employer must pay a deduction from earnings over "by the 19th day of the month
 * following the month in which the deduction is made" (SI 1992/1989 reg 14(1)).
 * @module
 */
import type { CivilDate } from '../dates.ts';

/** The last day a deduction made on `date` may be paid over to CMS: the 19th of the following month. */
export function payOverDate(date: CivilDate): CivilDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-19` : `${y}-${String(m + 1).padStart(2, '0')}-19`;
}

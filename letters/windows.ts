/**
 * Time limits a letter's own facts are checked against before it is drafted (a mandatory reconsideration
 * sent too late, an appeal out of time). The dates a sent letter starts come from calc/deadlines.
 * @module
 */
import { addDays, addMonths, compareDates, type CivilDate } from '../calc/dates.ts';

/**
 * The last day for a mandatory reconsideration: the stricter of 30 days (CSMCR 2012 reg 14(1)(a)) and one
 * calendar month (the way GOV.UK and charities put it) after the date on the decision letter.
 */
export function mrWindowEnd(letterDate: CivilDate): CivilDate {
  const days = addDays(letterDate, 30);
  const month = addMonths(letterDate, 1);
  return compareDates(days, month) <= 0 ? days : month;
}

/** The outer limit Reckoner allows for a late mandatory reconsideration: 13 months after the decision letter [U]. */
export function lateMrOuterLimit(letterDate: CivilDate): CivilDate {
  return addMonths(letterDate, 13);
}

/** The last day an appeal must reach the tribunal: one calendar month after the reconsideration notice (SEC Rules r.22(2)(d)(i)). */
export function appealWindowEnd(mrnDate: CivilDate): CivilDate {
  return addMonths(mrnDate, 1);
}

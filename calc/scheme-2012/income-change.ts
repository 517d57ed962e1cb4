/**
 * A change of income after a CMS decision: the paying parent's current income against the historic (HMRC) income the
 * decision used, and what follows from it.
 *
 * 1. Both calculations: CMS's circumstances as the decision used them, and the same circumstances on current income
 *    (calculate.ts, each with its own trace).
 * 2. The reg 34(2) test between the two incomes, from the dated parameter `currentIncomeDifferencePercent`
 *    (compare.ts `compareIncome`, which runs income.ts `currentIncomeTest`): current income is used when it differs
 *    from historic income by at least that percentage of historic income.
 * 3. The route and the date a new decision takes effect: reported within the reconsideration window (the decision
 *    letter's `mr_last_day`, calc/deadlines) it is a revision, which takes effect when the decision it revises did;
 *    later, or for a change after the decision took effect, a supersession, which takes effect from the date of the
 *    application (1991 Act s.17(4), the general rule SI 2012/2677 reg 18(1) departs from), or from the date an
 *    expected change is to happen (reg 18(2)).
 * 4. The next annual review date: 12 months after the initial effective date and each anniversary (reg 19(2)).
 * 5. The weekly amount now, the new one, and the difference; the letter to send (L15) and its deadline.
 *
 * Pure: no clock (the caller gives every date), decimal.js money, a trace step with its law for every figure and date.
 * @module
 */
import { compareDates, isCivilDate, type CivilDate } from '../dates.ts';
import { addCalendarMonths, longDate } from '../deadlines/calendar.ts';
import { deadlineOf, deadlinesForEvent, type Deadline } from '../deadlines/events.ts';
import { DEADLINE } from '../deadlines/ids.ts';
import { checkNation, type Nation } from '../deadlines/holidays.ts';
import { DEADLINE_SOURCES } from '../deadlines/sources.ts';
import type { LetterId } from '../deadlines/letters.ts';
import { InputError, joinField, ReckonerError } from '../errors.ts';
import { formatMoney, pounds, type Dec as Decimal } from '../money.ts';
import type { Reference } from '../parameters.ts';
import { Trace, type TraceStep } from '../trace.ts';
import { calculateMaintenance, type MaintenanceInput, type MaintenanceResult, type PayingParentInput } from './calculate.ts';
import { compareIncome } from './compare.ts';
import { LAW } from './law.ts';

const CSMCR = 'https://www.legislation.gov.uk/uksi/2012/2677';

/** The law this module applies beyond what law.ts and calc/deadlines already cite. */
export const INCOME_CHANGE_LAW = {
  revisionEffect: {
    title: 'Child Support Act 1991 s.16(3) (a revised decision takes effect from the date the decision it revises took effect)',
    href: 'https://www.legislation.gov.uk/ukpga/1991/48/section/16',
  },
  supersessionEffect: {
    title:
      'Child Support Act 1991 s.17(4) (a supersession takes effect from the date of the application), the general rule SI 2012/2677 reg 18(1) departs from',
    href: `${CSMCR}/regulation/18`,
  },
  expectedChange: {
    title: 'SI 2012/2677 reg 18(2) (an expected change: from the date it is expected to occur)',
    href: `${CSMCR}/regulation/18`,
  },
  reportableChange: {
    title: 'SI 2012/2677 reg 18(4) (a change in current income the paying parent was required to report: from the date it occurred)',
    href: `${CSMCR}/regulation/18`,
  },
  reviewDate: {
    title: 'SI 2012/2677 reg 19(1)–(2) (review date: 12 months after the initial effective date, then each anniversary)',
    href: `${CSMCR}/regulation/19`,
  },
  bothSchedule1: {
    title: 'Child Support Act 1991 Sch 1 (both calculations under the 2012 scheme)',
    href: 'https://www.legislation.gov.uk/ukpga/1991/48/schedule/1',
  },
} as const satisfies Record<string, Reference>;

/** Trace step ids of this module (the calculations' own steps keep calculate.ts's ids). */
export const INCOME_CHANGE_STEP = {
  cmsWeeklyAmount: 'cms_weekly_amount',
  currentWeeklyAmount: 'current_income_weekly_amount',
  route: 'income_change_route',
  effectiveDate: 'income_change_effective_date',
  reviewDate: 'next_review_date',
  newWeeklyAmount: 'new_weekly_amount',
  letterDeadline: 'letter_deadline',
} as const;

/** How the change reaches CMS: a revision (mandatory reconsideration) of the decision, or a supersession of it. */
export const INCOME_CHANGE_ROUTES = ['mandatory_reconsideration', 'supersession'] as const;
export type IncomeChangeRoute = (typeof INCOME_CHANGE_ROUTES)[number];

/** The letter that asks CMS to use current income (letters/catalogue/decisions.ts `income_challenge`). */
export const INCOME_CHANGE_LETTER: LetterId = 'L15';

export interface IncomeChangeInput {
  /** The circumstances CMS used, with historic income; its date is the decision's (the day its rates are taken from). */
  readonly cms: MaintenanceInput;
  /** The paying parent's current gross income: weekly, or over a period (converted as calculate.ts does it). */
  readonly currentIncome: Pick<PayingParentInput, 'grossWeeklyIncome' | 'income'>;
  /** The date on the decision letter. */
  readonly decisionDate: CivilDate;
  /** The date the decision took effect. */
  readonly effectiveDate: CivilDate;
  /** The case's initial effective date (reg 19(2)); the decision's effective date when not given. */
  readonly firstEffectiveDate?: CivilDate;
  /** The day CMS is (or was) told of the change: the date of the application. */
  readonly reportedOn: CivilDate;
  /** The day the income changed, when known (later than reportedOn: an expected change, reg 18(2)). */
  readonly changedOn?: CivilDate;
  readonly nation: Nation;
}

export interface IncomeChangeResult {
  readonly historicWeeklyIncome: Decimal;
  readonly currentWeeklyIncome: Decimal;
  /** The difference as a percentage of historic income, rounded down to one decimal place (compare.ts). */
  readonly percent: Decimal | null;
  /** The parameter's percentage on the decision's date. */
  readonly thresholdPercent: Decimal;
  readonly direction: 'higher' | 'lower' | 'same';
  /** Whether reg 34(2) puts current income in place of historic income. */
  readonly currentIncomeUsed: boolean;
  readonly route: IncomeChangeRoute;
  /** The day a decision on this request takes effect. */
  readonly effectiveDate: CivilDate;
  /** The next annual review date after the day the change is reported. */
  readonly nextReviewDate: CivilDate;
  /** The weekly amount CMS's decision charges. */
  readonly weeklyAmountNow: Decimal;
  /** The weekly amount once the change is made: on current income when reg 34(2) uses it, else unchanged. */
  readonly weeklyAmountNew: Decimal;
  /** New less now, signed: negative, the amount goes down. */
  readonly weeklyDifference: Decimal;
  readonly letter: LetterId;
  /** The last day for CMS to receive the letter as a reconsideration; null for a supersession (no time limit). */
  readonly deadline: Deadline | null;
  readonly warnings: readonly string[];
  readonly trace: readonly TraceStep[];
}

/**
 * Runs a calculation with its errors named as the caller's input names them: the paying parent's income of the
 * calculation on current income is `currentIncome.…`; everything else is CMS's circumstances, `cmsCalculation.…`.
 */
function run(input: MaintenanceInput, onCurrentIncome: boolean): MaintenanceResult {
  try {
    return calculateMaintenance(input);
  } catch (error) {
    if (!(error instanceof ReckonerError)) throw error;
    throw error.withProblems((p) => {
      const income = onCurrentIncome ? /^payingParent\.(grossWeeklyIncome|income)\b(.*)$/.exec(p.field) : null;
      return { field: income ? `currentIncome.${income[1]}${income[2]}` : joinField('cmsCalculation', p.field), message: p.message };
    });
  }
}

function checkDate(field: string, date: CivilDate | undefined): void {
  if (date !== undefined && !isCivilDate(date)) throw new InputError(field, 'must be a real date written YYYY-MM-DD');
}

/** The first review date after `after`: 12 months after `initial`, then each anniversary (reg 19(2)). */
export function nextReviewDate(initial: CivilDate, after: CivilDate): CivilDate {
  let years = Math.max(1, Number(after.slice(0, 4)) - Number(initial.slice(0, 4)));
  // Step back to the first anniversary not after `after`, then forward to the first after it.
  while (years > 1 && compareDates(addCalendarMonths(initial, 12 * (years - 1)), after) > 0) years--;
  while (compareDates(addCalendarMonths(initial, 12 * years), after) <= 0) years++;
  return addCalendarMonths(initial, 12 * years);
}

/** Checks a change of income against the decision CMS made. Pure. */
export function checkIncomeChange(input: IncomeChangeInput): IncomeChangeResult {
  const { reportedOn, changedOn, nation } = input;
  const decision = { letterDate: input.decisionDate, effectiveDate: input.effectiveDate };
  checkNation(nation);
  checkDate('decisionDate', decision.letterDate);
  checkDate('effectiveDate', decision.effectiveDate);
  checkDate('reportedOn', reportedOn);
  checkDate('changedOn', changedOn);
  const initial = input.firstEffectiveDate ?? decision.effectiveDate;
  checkDate('firstEffectiveDate', initial);
  if (compareDates(reportedOn, decision.letterDate) < 0) {
    throw new InputError('reportedOn', `is before the decision letter (${decision.letterDate}); give the day CMS is told of the change`);
  }
  if (compareDates(initial, decision.effectiveDate) > 0) {
    throw new InputError(
      'firstEffectiveDate',
      `is after the decision's effective date (${decision.effectiveDate}); give the case's first effective date`,
    );
  }
  if (input.currentIncome.grossWeeklyIncome === undefined && input.currentIncome.income === undefined) {
    throw new InputError('currentIncome', 'give the current gross income: grossWeeklyIncome, or income with its period');
  }

  const trace = new Trace();
  const warnings: string[] = [];

  // 1. CMS's calculation, as the decision made it.
  const cms = run(input.cms, false);
  if (cms.grossWeeklyIncome === null) {
    throw new InputError(
      'cmsCalculation.payingParent',
      `CMS's circumstances give the ${cms.rate} rate, which uses no income, so there is no historic income to test; give the income the decision used (grossWeeklyIncome or income)`,
    );
  }
  for (const s of cms.trace) trace.add(s.step, s.description, s.value, stepSource(s));
  trace.add(
    INCOME_CHANGE_STEP.cmsWeeklyAmount,
    `On the circumstances CMS used (gross weekly income ${pounds(cms.grossWeeklyIncome)}), the weekly amount is ${pounds(cms.weeklyAmount)}`,
    formatMoney(cms.weeklyAmount),
    INCOME_CHANGE_LAW.bothSchedule1,
  );

  // 2. The route and the date a decision on the request takes effect.
  const decisionDeadlines = deadlinesForEvent('decision_letter_received', decision.letterDate, nation);
  const mrLast = deadlineOf(decisionDeadlines, DEADLINE.mrLastDay);
  const changedAfterDecision = changedOn !== undefined && compareDates(changedOn, decision.effectiveDate) > 0;
  const inWindow = mrLast !== undefined && compareDates(reportedOn, mrLast.date) <= 0;
  const route: IncomeChangeRoute = inWindow && !changedAfterDecision ? 'mandatory_reconsideration' : 'supersession';
  trace.add(
    INCOME_CHANGE_STEP.route,
    route === 'mandatory_reconsideration'
      ? `Reported on ${longDate(reportedOn)}, by the last day for a reconsideration of the decision dated ${longDate(decision.letterDate)} (${longDate(mrLast!.date)}): a mandatory reconsideration (revision) of the decision`
      : changedAfterDecision && inWindow
        ? `The income changed on ${longDate(changedOn!)}, after the decision took effect on ${longDate(decision.effectiveDate)}: a change of circumstances, so a supersession of the decision`
        : `Reported on ${longDate(reportedOn)}, after the last day for a reconsideration of the decision dated ${longDate(decision.letterDate)}${mrLast ? ` (${longDate(mrLast.date)})` : ''}: a supersession of the decision`,
    route,
    changedAfterDecision && inWindow
      ? { title: 'SI 2012/2677 reg 17(1)(a) (a change since the decision had effect)', href: `${CSMCR}/regulation/17` }
      : DEADLINE_SOURCES.mrWindow,
  );

  let effectiveDate: CivilDate;
  if (route === 'mandatory_reconsideration') {
    effectiveDate = decision.effectiveDate;
    trace.add(
      INCOME_CHANGE_STEP.effectiveDate,
      `A revised decision takes effect from the date the decision took effect: ${longDate(effectiveDate)}`,
      effectiveDate,
      INCOME_CHANGE_LAW.revisionEffect,
    );
  } else if (changedOn !== undefined && compareDates(changedOn, reportedOn) > 0) {
    effectiveDate = changedOn;
    trace.add(
      INCOME_CHANGE_STEP.effectiveDate,
      `The change is expected on ${longDate(changedOn)}, after it is reported: the supersession takes effect from that day`,
      effectiveDate,
      INCOME_CHANGE_LAW.expectedChange,
    );
  } else {
    effectiveDate = reportedOn;
    trace.add(
      INCOME_CHANGE_STEP.effectiveDate,
      `A supersession on an application takes effect from the date of the application: ${longDate(effectiveDate)}, the day CMS is told`,
      effectiveDate,
      INCOME_CHANGE_LAW.supersessionEffect,
    );
    if (changedOn !== undefined && compareDates(changedOn, reportedOn) < 0) {
      warnings.push(
        `If the paying parent was required to report this change in current income, the supersession takes effect from the day it happened, ${longDate(changedOn)}, not from the day it was reported (${INCOME_CHANGE_LAW.reportableChange.title}).`,
      );
    }
  }

  // 3. The same circumstances on current income, on the day a new decision would take effect.
  const payer: { -readonly [K in keyof PayingParentInput]: PayingParentInput[K] } = { ...input.cms.payingParent };
  delete payer.grossWeeklyIncome;
  delete payer.income;
  const onCurrent = run({ ...input.cms, date: effectiveDate, payingParent: { ...payer, ...input.currentIncome } }, true);
  for (const s of onCurrent.trace) trace.add(s.step, s.description, s.value, stepSource(s));
  trace.add(
    INCOME_CHANGE_STEP.currentWeeklyAmount,
    `On the same circumstances with current income (gross weekly income ${onCurrent.grossWeeklyIncome ? pounds(onCurrent.grossWeeklyIncome) : 'nil'}), the weekly amount on ${longDate(effectiveDate)} is ${pounds(onCurrent.weeklyAmount)}`,
    formatMoney(onCurrent.weeklyAmount),
    INCOME_CHANGE_LAW.bothSchedule1,
  );

  // 4. The reg 34(2) test, on the parameter in force on the decision's date (compare.ts).
  const comparison = compareIncome(onCurrent, cms);
  for (const s of comparison.trace) trace.add(s.step, s.description, s.value, stepSource(s));
  const currentIncomeUsed = comparison.test.use === 'current';
  if (!currentIncomeUsed) {
    warnings.push(
      `The difference is less than ${comparison.thresholdPercent.toString()}% of historic income, so CMS keeps to historic income (${LAW.currentIncomeTest.title}); the letter can still ask CMS to check the HMRC figure itself.`,
    );
  }

  // 5. The next annual review.
  const review = nextReviewDate(initial, reportedOn);
  if (input.firstEffectiveDate === undefined) {
    warnings.push(
      `The review date is counted from this decision's effective date (${longDate(initial)}); if the case's first calculation took effect on another day, give that date (firstEffectiveDate).`,
    );
  }
  trace.add(
    INCOME_CHANGE_STEP.reviewDate,
    `The first review date is 12 months after the initial effective date (${longDate(initial)}), then each anniversary: the next after ${longDate(reportedOn)} is ${longDate(review)}, when CMS reviews gross weekly income against an updated HMRC figure`,
    review,
    INCOME_CHANGE_LAW.reviewDate,
  );

  // 6. The new weekly amount beside the one CMS charges.
  const now = cms.weeklyAmount;
  const next = currentIncomeUsed ? onCurrent.weeklyAmount : now;
  const difference = next.minus(now);
  trace.add(
    INCOME_CHANGE_STEP.newWeeklyAmount,
    currentIncomeUsed
      ? `Current income is used: the new weekly amount is ${pounds(next)} against ${pounds(now)} now, a difference of ${pounds(difference)} a week`
      : `Historic income is kept: the weekly amount stays ${pounds(now)}`,
    formatMoney(difference),
    LAW.currentIncomeTest,
  );

  // 7. The letter and its deadline.
  const deadline = route === 'mandatory_reconsideration' ? mrLast! : null;
  trace.add(
    INCOME_CHANGE_STEP.letterDeadline,
    deadline
      ? `Letter ${INCOME_CHANGE_LETTER} as a mandatory reconsideration: CMS must receive it by ${longDate(deadline.date)}`
      : `Letter ${INCOME_CHANGE_LETTER} as a request to supersede: no time limit, but the new amount runs only from the date of the request, so send it now`,
    deadline ? deadline.date : 'none',
    deadline ? DEADLINE_SOURCES.mrWindow : INCOME_CHANGE_LAW.supersessionEffect,
  );

  return {
    historicWeeklyIncome: comparison.historic,
    currentWeeklyIncome: comparison.current,
    percent: comparison.percent ?? null,
    thresholdPercent: comparison.thresholdPercent,
    direction: comparison.direction,
    currentIncomeUsed,
    route,
    effectiveDate,
    nextReviewDate: review,
    weeklyAmountNow: now,
    weeklyAmountNew: next,
    weeklyDifference: difference,
    letter: INCOME_CHANGE_LETTER,
    deadline,
    warnings: [...new Set([...warnings, ...cms.warnings, ...onCurrent.warnings])],
    trace: trace.steps,
  };
}

/** A step's source as a Reference again, to copy it into this trace unchanged. */
function stepSource(s: TraceStep): Reference {
  return s.href ? { title: s.citation, href: s.href } : { title: s.citation };
}

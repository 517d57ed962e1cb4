/**
 * An offer to clear arrears by instalments (the arrears payment-plan letter, L16): the balance in `n` equal
 * instalments, each rounded up to the penny, the last one the remainder. The offer is the parent's own, so the
 * rule is Reckoner's, stated in the trace; CMS agrees a plan at its discretion (Child Support Act 1991 s.2).
 *
 * Rounding up means the equal instalments can clear a small balance before the n-th: £0.05 in 10 instalments is
 * £0.01 each, cleared by the 5th. The plan then has as many instalments as it needs, and says so.
 * @module
 */
import { InputError } from './errors.ts';
import { Dec, formatMoney, money, pounds, roundPenny, type Dec as Decimal, type MoneyInput } from './money.ts';
import type { Reference } from './parameters.ts';
import { Trace, type TraceStep } from './trace.ts';

export const ARREARS_PLAN_STEP = { instalments: 'arrears_plan_instalments' } as const;

/** Most instalments an offer may have (ten years of monthly payments). */
export const MAX_INSTALMENTS = 120;

export const ARREARS_PLAN_RULE: Reference = {
  title: 'Reckoner rule: equal instalments rounded up to the penny, the last one the remainder (the offer is the parent’s own)',
};

export interface ArrearsPlan {
  readonly amount: Decimal;
  /** How many instalments were asked for. */
  readonly requested: number;
  /** How many the plan has: `requested`, or fewer when the rounded-up instalments clear the balance sooner. */
  readonly count: number;
  /** Each instalment but the last. */
  readonly each: Decimal;
  /** The last instalment: the remainder (equal to `each` when the balance divides exactly). */
  readonly last: Decimal;
  readonly trace: readonly TraceStep[];
}

/**
 * `amount` in `instalments` equal instalments, each rounded up to the penny, the last the remainder. Pure.
 *
 * @throws {InputError} when the amount is not above nil or the number of instalments is not 1–120.
 */
export function arrearsPlan(amount: MoneyInput, instalments: number): ArrearsPlan {
  const total = roundPenny(money(amount));
  if (!total.gt(0)) throw new InputError('amount', `must be above £0.00 to be paid by instalments; got ${pounds(total)}`);
  if (!Number.isInteger(instalments) || instalments < 1 || instalments > MAX_INSTALMENTS) {
    throw new InputError('instalments', `must be a whole number from 1 to ${MAX_INSTALMENTS}; got ${String(instalments)}`);
  }
  const each = total.dividedBy(instalments).toDecimalPlaces(2, Dec.ROUND_UP);
  // The fewest instalments of `each` that reach the total: `instalments`, unless rounding up clears it sooner.
  const count = total.dividedBy(each).toDecimalPlaces(0, Dec.ROUND_UP).toNumber();
  const last = roundPenny(total.minus(each.times(count - 1)));
  const trace = new Trace();
  trace.add(
    ARREARS_PLAN_STEP.instalments,
    count === 1
      ? `${pounds(total)} in one payment`
      : `${pounds(total)} ÷ ${instalments} instalments = ${pounds(each)} each, rounded up to the penny` +
          (count < instalments ? `; at that amount ${count} instalments clear it` : '') +
          (last.equals(each)
            ? ''
            : `; the last instalment is the remainder, ${pounds(total)} − ${pounds(each)} × ${count - 1} = ${pounds(last)}`),
    formatMoney(each),
    ARREARS_PLAN_RULE,
  );
  return { amount: total, requested: instalments, count, each, last, trace: trace.steps };
}

/**
 * What each enforcement action that carries a charge (Child Support Fees Regulations 2014, SI 2014/612 reg 10) needs
 * before CMS may take it, as far as arrears go: the rule an enforcement charge is checked against when the records
 * show no arrears on its day (docs/legal-notes.md R6a).
 *
 * - `none`: the action may collect maintenance that will become due, not only arrears. A deduction from earnings
 *   order applies to anyone "liable to make payments of child support maintenance" and may secure "amounts … which
 *   will become due" (Child Support Act 1991 s.31(1), (3)(b)); a deduction from earnings request is made for a member
 *   of the armed forces "who is liable to pay child support maintenance" (SI 2014/612 reg 9). A charge for one with
 *   no arrears is not an error.
 * - `failure`: the action needs a payment missed (the person "has failed to pay an amount"), and may then collect
 *   future maintenance too: a regular deduction order (s.32A(1)(a), (2)(b)). A charge for one is an error only where
 *   the records show no payment missed or late up to its day.
 * - `arrears`: the action collects arrears only, so needs arrears on its day: a lump sum deduction order (s.32E(1),
 *   (4)(c)) and a liability order (s.33(1)(a), (3)).
 * @module
 */
import type { Reference } from '../parameters.ts';
import { LAW } from '../scheme-2012/law.ts';
import type { EnforcementAction } from '../scheme-2012/parameters.ts';

export type ArrearsNeeded = 'none' | 'failure' | 'arrears';

export const ENFORCEMENT_POWERS: Readonly<Record<EnforcementAction, { readonly needs: ArrearsNeeded; readonly law: Reference }>> = {
  deduction_from_earnings_order: { needs: 'none', law: LAW.deductionFromEarningsOrder },
  deduction_from_earnings_request: { needs: 'none', law: LAW.deductionFromEarningsRequest },
  regular_deduction_order: { needs: 'failure', law: LAW.regularDeductionOrder },
  lump_sum_deduction_order: { needs: 'arrears', law: LAW.lumpSumDeductionOrder },
  liability_order: { needs: 'arrears', law: LAW.liabilityOrder },
};

/**
 * The schedule the tests of Direct Pay arrears on a case moved to Collect and Pay share (each side's story is in its
 * test): £100 a week from 1 January 2024, monthly on the 1st (£100 × 52 ÷ 12 = £433.33, C&E Regs 1992 reg 4), on
 * Direct Pay to 31 March and Collect and Pay from 1 April.
 */
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

export const MOVED_SCHEDULE: ReconcileInput['schedule'] = {
  decisions: [
    { effectiveDate: '2024-01-01', weeklyAmount: 100, service: 'direct_pay' },
    { effectiveDate: '2024-04-01', weeklyAmount: 100, service: 'collect_and_pay' },
  ],
  frequency: 'monthly',
  firstDueDate: '2024-01-01',
};

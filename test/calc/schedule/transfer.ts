/**
 * The CSA-to-CMS transfer the historic schedule and reconciliation tests share (issue 16, item 1).
 * @module
 */
import type { ScheduleInput } from '../../../calc/schedule/build.ts';

/**
 * A CSA case closed on 30 June 2018 with £3,000.00 of arrears carried to CMS (£500.00 of them owed to the Secretary
 * of State); the CMS decision: £30.00 a week from 1 July 2018, Collect and Pay, monthly; £1,000.00 of the receiving
 * parent's arrears written off under s.41E on 21 February 2019; to 31 March 2019.
 *   instalment: 30 × 52 ÷ 12 = £130.00; fee 20% = £26.00; 9 months (July to March) → maintenance £1,170.00,
 *   fees £234.00, total due £1,404.00;
 *   owed before any payment: 3,000.00 + 1,404.00 − 1,000.00 = £3,404.00;
 *   owed to the Secretary of State: £500.00 (none of it written off).
 */
export const TRANSFER: Omit<ScheduleInput, 'asOf'> = {
  decisions: [{ id: 'cms_1', effectiveDate: '2018-07-01', weeklyAmount: '30.00' }],
  service: 'collect_and_pay',
  openingBalance: { date: '2018-06-30', amount: '3000.00', secretaryOfState: '500.00', source: 'CSA closure letter of 2 July 2018' },
  writeOffs: [{ date: '2019-02-21', amount: '1000.00', reason: 's41e' }],
};

/** The same as a tool takes it: the tools leave out `source` (calc keeps it, for its trace). */
export const TRANSFER_TOOL_INPUT: Omit<ScheduleInput, 'asOf'> = {
  ...TRANSFER,
  openingBalance: { date: '2018-06-30', amount: '3000.00', secretaryOfState: '500.00' },
};

/**
 * The ids of the trace steps a liability schedule writes (build.ts, decisions.ts): a caller that quotes a step
 * names it by these constants, never by a string.
 * @module
 */
export const SCHEDULE_STEP = {
  decision: 'decision',
  instalments: 'instalments',
  partPeriods: 'part_periods',
  collectionFees: 'collection_fees',
  totalDue: 'total_due',
  initialAmount: 'initial_amount',
  backdatedChange: 'backdated_change',
  notYetDue: 'not_yet_due',
  openingBalance: 'opening_balance',
  writeOff: 'write_off',
  secretaryOfState: 'secretary_of_state',
} as const;
export type ScheduleStepId = (typeof SCHEDULE_STEP)[keyof typeof SCHEDULE_STEP];

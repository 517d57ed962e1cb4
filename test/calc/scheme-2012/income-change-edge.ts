/**
 * The six cases at the edge of the reg 34(2) test (SI 2012/2677 reg 34(2)(a): current income is used where it differs
 * from historic income by "at least 25%" of it), shared by the calc test and the tool's MCP and HTTP tests.
 *
 * Every case: 1 qualifying child, no shared care, no other children, historic income £500.00 a week: the basic rate
 * (Child Support Act 1991 Sch 1 para 2(1), 12% for one child) 500 × 12% = £60.00 a week; 25% of £500.00 is £125.00;
 * the basic rate is rounded to the nearest pound (SI 2012/2677 reg 6). Computed by hand, arithmetic beside each.
 * @module
 */

/** The six edge cases; `percent` is the difference ÷ £500 × 100 rounded down to 0.1 (compare.ts). */
export const EDGE = [
  // Income up.
  // £624.95 − £500.00 = £124.95 < £125.00 (24.99%): historic income kept, the amount stays £60.00.
  // (On current income it would be 624.95 × 12% = 74.994 → £75, but reg 34(2) does not use it.)
  { current: '624.95', used: false, percent: '24.9', direction: 'higher', next: '60.00', difference: '0.00' },
  // £625.00 − £500.00 = £125.00 = 25% exactly: "at least 25%", so current income: 625 × 12% = £75.00; 75 − 60 = +£15.00.
  { current: '625.00', used: true, percent: '25.0', direction: 'higher', next: '75.00', difference: '15.00' },
  // £625.05 − £500.00 = £125.05 (25.01%): current income: 625.05 × 12% = 75.006 → £75.00 (reg 6); +£15.00.
  { current: '625.05', used: true, percent: '25.0', direction: 'higher', next: '75.00', difference: '15.00' },
  // Income down.
  // £500.00 − £375.05 = £124.95 < £125.00 (24.99%): historic income kept, £60.00.
  { current: '375.05', used: false, percent: '24.9', direction: 'lower', next: '60.00', difference: '0.00' },
  // £500.00 − £375.00 = £125.00 = 25%: current income: 375 × 12% = £45.00; 45 − 60 = −£15.00.
  { current: '375.00', used: true, percent: '25.0', direction: 'lower', next: '45.00', difference: '-15.00' },
  // £500.00 − £374.95 = £125.05 (25.01%): current income: 374.95 × 12% = 44.994 → £45.00 (reg 6); −£15.00.
  { current: '374.95', used: true, percent: '25.0', direction: 'lower', next: '45.00', difference: '-15.00' },
] as const;

/**
 * A number refused for a bound says which bound. A user check (5 December 2026) sent add_cms_entries occurrence 1,001
 * and was told "occurrence must be a whole number": zod gives a bound with no message of its own the whole-number
 * check's; calculate_maintenance's nights.count had the same fault.
 */
import { describe, expect, it } from 'vitest';
import { typedCmsEntry, typedEvidence } from '../../tools/case-add-records.ts';
import { calculateMaintenanceTool } from '../../tools/calculate-maintenance.ts';

const line = { date: '2024-01-01', type: 'liability', amount: '100.00' };

describe('occurrence', () => {
  it('takes 1 to 1,000, and says which bound a value breaks', () => {
    expect(typedCmsEntry.safeParse({ ...line, occurrence: 1000 }).success).toBe(true);
    const messages = (value: unknown) => typedCmsEntry.safeParse({ ...line, occurrence: value }).error?.issues.map((i) => i.message);
    expect(messages(1001)).toEqual(['occurrence must be 1,000 or less (the same line more than 1,000 times is not a real statement)']);
    expect(messages(0)).toEqual(['occurrence must be 1 or more']);
    expect(messages(1.5)).toEqual(['occurrence must be a whole number']);
    const evidence = typedEvidence.safeParse({ type: 'payslip_deduction', date: '2024-01-05', amount: '50.00', occurrence: 1001 });
    expect(evidence.error?.issues.map((i) => i.message)).toEqual([
      'occurrence must be 1,000 or less (the same line more than 1,000 times is not a real statement)',
    ]);
  });
});

describe('nights.count', () => {
  it('takes 0 to 366, and says which bound a value breaks', () => {
    const input = (count: number) => ({
      date: '2026-04-06',
      payingParent: { grossWeeklyIncome: 500 },
      receivingParents: [{ children: [{ nights: { count, period: 'year' } }] }],
    });
    const messages = (count: number) => calculateMaintenanceTool.inputSchema.safeParse(input(count)).error?.issues.map((i) => i.message);
    expect(messages(366)).toBeUndefined();
    expect(messages(367)).toEqual(['nights.count must be at most 366: a year has no more nights']);
    expect(messages(-1)).toEqual(['nights.count must be 0 or more']);
  });
});

/**
 * The lines add_cms_entries and add_evidence take typed in: a refusal says what is wrong with the value. A user check
 * (5 December 2026) sent occurrence 1,001 and was told "occurrence must be a whole number": the message of the
 * whole-number check, which zod gave the upper bound too.
 */
import { describe, expect, it } from 'vitest';
import { typedCmsEntry, typedEvidence } from '../../tools/case-add-records.ts';

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

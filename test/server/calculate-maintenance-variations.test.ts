/**
 * calculate_maintenance's variations and payer input (issue 16, item 4) through the tool's own schema: grounds by
 * name, the reg 44 lists, and the couple's half flat rate. Figures are worked in test/calc/scheme-2012/variations.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { calculateMaintenanceTool } from '../../tools/calculate-maintenance.ts';

const context = { today: '2026-04-06' as const };
const run = (input: unknown) => calculateMaintenanceTool.run(input, context);

describe('calculate_maintenance: variations by ground', () => {
  test('grounds are taken by name and traced: contact £15 + unearned £5,200 a year on £500 → £70', async () => {
    // (500 + 5,200 ÷ 365 × 7 − 15) = 500 + 99.73 − 15 = 584.73 × 12% = 70.1676 → £70 (regs 63, 68, 69, 72, 73).
    const { output, summary } = await run({
      payingParent: { grossWeeklyIncome: 500 },
      receivingParents: [{ children: [{}] }],
      variations: { grounds: { contact_weekly: 15, unearned_yearly: 5200 } },
    });
    expect(output).toMatchObject({ weeklyAmount: '70.00', grossWeeklyIncome: '584.73' });
    const steps = (output['trace'] as { step: string }[]).map((s) => s.step);
    expect(steps).toEqual(expect.arrayContaining(['variation_special_expense', 'variation_unearned_income']));
    expect(summary).toContain('Weekly child maintenance: £70.00');
  });

  test('a ground that is not one is refused by the schema, naming it', async () => {
    await expect(
      run({
        payingParent: { grossWeeklyIncome: 500 },
        receivingParents: [{ children: [{}] }],
        variations: { grounds: { travel_weekly: 5 } },
      }),
    ).rejects.toThrow(/travel_weekly/);
  });

  test('reg_44_2_couple gives half the flat rate; reg_44_2 refuses variations with a note', async () => {
    const couple = await run({ payingParent: { flatRateBenefit: 'reg_44_2_couple' }, receivingParents: [{ children: [{}] }] });
    expect(couple.output).toMatchObject({ rate: 'flat', weeklyAmount: '3.50' });
    const barred = await run({
      payingParent: { flatRateBenefit: 'reg_44_2' },
      receivingParents: [{ children: [{}] }],
      variations: { grounds: { contact_weekly: 20 } },
    });
    expect(barred.output).toMatchObject({ weeklyAmount: '7.00' });
    expect(barred.summary).toMatch(/Note: Variations are not applied: .*reg 57\(1\)/);
  });

  test('the 2003 scheme refuses a 2012 reg 44 list name, asking for true or false', async () => {
    await expect(
      run({
        scheme: '2003',
        date: '2010-06-01',
        payingParent: { netWeeklyIncome: 300, flatRateBenefit: 'reg_44_1' },
        receivingParents: [{ children: [{}] }],
      }),
    ).rejects.toThrow(/payingParent\.flatRateBenefit.*true or false/s);
  });
});

/**
 * Callers name deadlines and trace steps by calc's constants, never by strings: so every id the rules and the
 * calculator write must be one of the constants, and every constant must be written by something.
 */
import { describe, expect, test } from 'vitest';
import { DEADLINE_IDS, deadlinesForEvent, EVENT_TYPES, MET_BY } from '../../../calc/deadlines/index.ts';
import { calculateMaintenance } from '../../../calc/scheme-2012/calculate.ts';
import { STEP } from '../../../calc/scheme-2012/steps.ts';

describe('deadline ids', () => {
  test('every deadline any rule makes has its id in DEADLINE, and every id in DEADLINE is made by some rule', () => {
    const made = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const facts of [{}, { livesOutsideUk: true }, { decision: 'other' as const }]) {
        for (const nation of ['england_and_wales', 'scotland'] as const) {
          for (const d of deadlinesForEvent(type, '2025-05-30', nation, facts)) made.add(d.id);
        }
      }
    }
    expect([...made].filter((id) => !(DEADLINE_IDS as readonly string[]).includes(id))).toEqual([]);
    expect(DEADLINE_IDS.filter((id) => !made.has(id))).toEqual([]);
  });

  test('every deadline says which events meet it', () => {
    for (const id of DEADLINE_IDS) expect(MET_BY[id]?.length, id).toBeGreaterThan(0);
  });
});

describe('trace step ids of the 2012 scheme', () => {
  test('every step a calculation writes is one of STEP', () => {
    const known = new Set<string>(Object.values(STEP));
    const inputs = [
      { payingParent: { income: { amount: 30000, period: 'year' as const } }, collection: 'collect_and_pay' as const },
      { payingParent: { grossWeeklyIncome: '150', relevantOtherChildren: 1 }, variations: { specialExpensesWeekly: '10' } },
      { payingParent: { grossWeeklyIncome: '4000' }, variations: { additionalIncomeWeekly: '50' } },
      { payingParent: { flatRateBenefit: true } },
      { payingParent: { nilRateReason: 'prisoner' as const } },
      { payingParent: { grossWeeklyIncome: '50' } },
      { payingParent: {}, defaultRate: true },
    ];
    for (const input of inputs) {
      const r = calculateMaintenance({
        date: '2025-06-02',
        receivingParents: [{ children: [{ nightsPerYear: 180 }, {}] }],
        ...input,
      });
      for (const s of r.trace) expect(known.has(s.step), s.step).toBe(true);
    }
  });
});

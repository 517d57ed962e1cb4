/**
 * The core refuses impossible input with an error that names the field and says what to do.
 * (The MCP and HTTP adapters check the same through zod first; these guard direct callers.)
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../calc/errors.ts';
import { calculateMaintenance, type MaintenanceInput } from '../../../calc/scheme-2012/calculate.ts';
import { DATE, kids } from './helpers.ts';

const base: MaintenanceInput = { date: DATE, payingParent: { grossWeeklyIncome: '500' }, receivingParents: [{ children: kids(0) }] };

function errorOf(input: unknown): InputError {
  try {
    calculateMaintenance(input as MaintenanceInput);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('bad input names the field', () => {
  it.each([
    ['a negative income', { ...base, payingParent: { grossWeeklyIncome: '-5' } }, 'payingParent.grossWeeklyIncome', /must not be negative/],
    ['income that is not money', { ...base, payingParent: { grossWeeklyIncome: 'lots' } }, 'payingParent.grossWeeklyIncome', /1234.56/],
    [
      '400 nights a year',
      { ...base, receivingParents: [{ children: kids(400) }] },
      'receivingParents[0].children[0].nightsPerYear',
      /at most 366/,
    ],
    [
      'half a night',
      { ...base, receivingParents: [{ children: kids(3.5) }] },
      'receivingParents[0].children[0].nightsPerYear',
      /whole number/,
    ],
    ['no children', { ...base, receivingParents: [{ children: [] }] }, 'receivingParents[0].children', /at least one/],
    ['no receiving parents', { ...base, receivingParents: [] }, 'receivingParents', /at least one receiving parent/],
    ['no income and no reason', { ...base, payingParent: {} }, 'payingParent.income', /flatRateBenefit, nilRateReason or defaultRate/],
    [
      'both kinds of income',
      { ...base, payingParent: { grossWeeklyIncome: 1, income: { amount: 1, period: 'year' } } },
      'payingParent.income',
      /not both/,
    ],
    [
      'negative other children',
      { ...base, payingParent: { grossWeeklyIncome: 1, relevantOtherChildren: -1 } },
      'payingParent.relevantOtherChildren',
      /0 or more/,
    ],
    [
      'a negative annual income',
      { ...base, payingParent: { income: { amount: -30000, period: 'year' } } },
      'payingParent.income.amount',
      /must not be negative/,
    ],
    ['a date that does not exist', { ...base, date: '2023-02-29' }, 'date', /YYYY-MM-DD/],
    [
      'the same id twice',
      {
        ...base,
        receivingParents: [
          { id: 'a', children: kids(0) },
          { id: 'a', children: kids(0) },
        ],
      },
      'receivingParents[1].id',
      /used twice/,
    ],
    ['an unknown collection service', { ...base, collection: 'by_carrier_pigeon' }, 'collection', /direct_pay, collect_and_pay/],
  ])('%s', (_what, input, field, message) => {
    const error = errorOf(input);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });
});

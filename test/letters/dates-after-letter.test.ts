/**
 * A letter answers something that has happened: a date its facts give for that (an order served, the day a matter
 * arose, a chase sent) cannot fall after the letter's own date. A letter dated before its own clock starts would
 * count its deadline from a day still to come. Every letter is dated 20 March 2026 here (fixture.ts SENT_ON), the
 * SAR chase 27 April 2026.
 */
import { describe, expect, test } from 'vitest';
import { OutOfCoverageError } from '../../calc/parameters.ts';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASES } from './fixture.ts';
import { refusal, thrownBy } from './helpers.ts';

const withFacts = (type: string, facts: Record<string, unknown>): DraftInput => {
  const input = CASES[type]!.input as DraftInput;
  return { ...input, facts: { ...(input.facts as Record<string, unknown>), ...facts } };
};

const problemsOf = (draft: DraftInput) => refusal(draft).problems;

describe('a date the letter answers, after the letter’s own date, is refused naming it', () => {
  test('deduction order appeal (L22): the day the matter arose', () => {
    expect(problemsOf(withFacts('deduction_order_appeal', { matterArose: '2026-03-25' }))).toContainEqual({
      field: 'facts.matterArose',
      message: 'is after the date of this letter',
    });
  });

  test('deduction order representations (L23): the day the order was served', () => {
    expect(problemsOf(withFacts('deduction_order_representations', { servedOn: '2026-03-23' }))).toContainEqual({
      field: 'facts.servedOn',
      message: 'is after the date of this letter',
    });
  });

  test('the complaint to the ICO (L24): a chase dated after the complaint', () => {
    expect(
      problemsOf(withFacts('sar_chase_ico_complaint', { stage: 'ico_complaint', chasedOn: ['2026-04-10', '2026-05-01'] })),
    ).toContainEqual({ field: 'facts.chasedOn[1]', message: 'is after the date of this letter' });
  });

  test('and a date before the one it follows: the matter before the order, a chase before the request', () => {
    // The order is dated 10 March 2026; the request was sent on 20 March 2026.
    expect(problemsOf(withFacts('deduction_order_appeal', { matterArose: '2026-03-09' }))).toContainEqual({
      field: 'facts.matterArose',
      message: 'is before the order date: what is appealed against arises with the order or after it',
    });
    expect(problemsOf(withFacts('sar_chase_ico_complaint', { stage: 'ico_complaint', chasedOn: ['2026-03-19'] }))).toContainEqual({
      field: 'facts.chasedOn[0]',
      message: 'is before sarSentOn: a chase follows the request it chases',
    });
  });

  test('the same letters with the dates on or before the letter’s are drafted', () => {
    expect(draftLetter(withFacts('deduction_order_appeal', { matterArose: '2026-03-20' })).deadlines.length).toBeGreaterThan(0);
    expect(draftLetter(withFacts('deduction_order_representations', { servedOn: '2026-03-20' })).deadlines.length).toBeGreaterThan(0);
    expect(draftLetter(withFacts('sar_chase_ico_complaint', { stage: 'ico_complaint', chasedOn: ['2026-04-10'] })).text).toContain(
      '10 April 2026',
    );
  });
});

describe('a date outside the bank holiday tables (2012–2030) is named by the fact that gave it', () => {
  const coverage = (draft: DraftInput) => thrownBy(() => draftLetter(draft), OutOfCoverageError);
  const advice =
    'working days cannot be counted for it. Check the date, written YYYY-MM-DD; if it is right, work this time limit out by hand';

  test('a reconsideration of a decision dated 1990: facts.decision.letterDate', () => {
    const e = coverage(withFacts('mandatory_reconsideration', { decision: { type: 'annual_review', letterDate: '1990-03-02' } }));
    expect(e.problems).toEqual([
      { field: 'facts.decision.letterDate', message: `1990-03-02 is outside the bank holiday tables, which cover 2012–2030; ${advice}` },
    ]);
  });

  test('a tribunal appeal on a notice dated 1990: facts.mrnDate', () => {
    const e = coverage(
      withFacts('tribunal_appeal', { decision: { type: 'annual_review', letterDate: '1990-01-05' }, mrnDate: '1990-02-01' }),
    );
    expect(e.problems.map((p) => p.field)).toEqual(['facts.mrnDate']);
  });

  test('a deduction order dated 1990: facts.orderDate', () => {
    expect(coverage(withFacts('deduction_order_appeal', { orderDate: '1990-03-10' })).problems.map((p) => p.field)).toEqual([
      'facts.orderDate',
    ]);
  });
});

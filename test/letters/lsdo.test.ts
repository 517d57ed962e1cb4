/**
 * The enforcement-pause letter (L11) against a lump sum deduction order gives the 14 days for representations
 * (SI 1992/1989 reg 25M: 14 days beginning with the day the order was served; calc/deadlines lsdo_served). Found by
 * an MCP audit: the letter called itself representations under reg 25M and gave only its reply date.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { CASES, SENT_ON } from './fixture.ts';

const base = CASES['enforcement_pause_request']!.input;
const facts = base.facts as Record<string, unknown>;
const lsdo = (actionDate: string) =>
  draftLetter({ ...base, facts: { ...facts, action: 'lump_sum_deduction_order', actionDate, actionReference: 'LSDO-1' } });

describe('L11 on a lump sum deduction order', () => {
  it('within the 14 days: says they are made in time, and tells the sender the last day', () => {
    // The fixture's letter is dated 20 March 2026 (SENT_ON); an order served on 16 March: 14 days beginning with
    // 16 March end on 16 + 13 = 29 March 2026.
    expect(SENT_ON).toBe('2026-03-20');
    const letter = lsdo('2026-03-16');
    expect(letter.text).toContain(
      'Please treat this letter as my representations about the lump sum deduction order under regulation 25M of the Child Support (Collection and Enforcement) Regulations 1992, made within the 14 days it allows (by 29 March 2026).',
    );
    expect(letter.text).toContain(
      'Representations on a lump sum deduction order must be made within 14 days beginning with the day it was served: by 29 March 2026, counting 16 March 2026, the date given for the order, as that day.',
    );
  });

  it('after the 14 days: never says it is in time', () => {
    // Served 1 March 2026: the 14 days ended on 1 + 13 = 14 March, before the letter's date.
    const letter = lsdo('2026-03-01');
    expect(letter.text).toContain('I know the 14 days it allows ended on 14 March 2026, and ask you to consider them all the same.');
    expect(letter.text).not.toContain('made within the 14 days');
  });
});

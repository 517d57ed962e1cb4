/**
 * A deduction from earnings order is collection by CMS, so Collect and Pay's fees come with it: 20% on the paying
 * parent, 4% off what the receiving parent is passed (Child Support Fees Regulations 2014 reg 7), and the £50 CMS
 * charges for making such an order as enforcement (reg 10; cms-rules.md §9.2–9.3). An MCP audit found the request for
 * one saying nothing of them. The fixture's calculation (test/letters/fixture.ts): £78.86 a week; with the 20% fee,
 * £78.86 + £15.77 = £94.63.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASES } from './fixture.ts';
import { squash } from './helpers.ts';

describe('the request for a deduction from earnings order says what it costs', () => {
  const letter = draftLetter(CASES['deo_request']!.input as DraftInput);

  test('the letter says the order is collected through Collect and Pay, with its fees', () => {
    expect(squash(letter.text)).toContain(
      'maintenance paid by deduction from earnings is collected through Collect and Pay, with its collection fees.',
    );
  });

  test('the sender is told the fees before sending it, and what else keeps a record', () => {
    expect(squash(letter.text)).toContain(
      'Before you send it: a deduction from earnings order moves your case to Collect and Pay. You pay CMS’s 20% collection fee on top of the maintenance (£94.63 a week with it), and the receiving parent has 4% taken off what reaches them (Child Support Fees Regulations 2014 (SI 2014/612) reg 7). CMS charges £50 for making a deduction from earnings order as enforcement (Child Support Fees Regulations 2014 (SI 2014/612) reg 10); ask whether it charges it on an order you asked for. If the record is what you want, a standing order on Direct Pay and your bank statements are evidence of every payment too, without the fees.',
    );
  });
});

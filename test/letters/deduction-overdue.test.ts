/**
 * A deduction from pay still in time to reach CMS at the date of its figure, whose time has run out by the letter's
 * date (a journey probe, story 5): the letter was refused ("the letter would say the employer still has time"), the
 * parent retyped CMS's 30 April figure dated 20 May, and the letter then said "You say that on 20 May 2026 the account
 * shows a balance of £830.00" — a figure CMS never gave for that day. Now the letter is drafted on the reconciliation
 * as at CMS's date, and says CMS's statement to that date could not yet show the deduction, that it had until the
 * 19th of the next month to reach CMS (SI 1992/1989 reg 14(1)), and asks CMS to confirm it has been credited; it is
 * not called an error of CMS's, nor counted as arrears.
 *
 * Invented account. £75 a week on Collect and Pay from 1 October 2025: £75 × 52 ÷ 12 = £325.00 a month and its 20%
 * fee £65.00, £390.00 due on the 1st, October to April (7 × £390.00 = £2,730.00), and a £50.00 deduction from
 * earnings order charge. The employer deducted £390.00 each payday (7 × £390.00 = £2,730.00); CMS recorded five
 * receipts (£1,950.00) and on 30 April 2026 says £830.00 (maintenance £650.00, fees £130.00, enforcement £50.00).
 * Worked out: £2,730.00 + £50.00 − £2,730.00 = £50.00, the enforcement charge. CMS's £830.00 − £50.00 = £780.00:
 * November's £390.00 never credited (line 1, an entry CMS got wrong) and April's £390.00, deducted on 24 April with
 * until 19 May to reach CMS (line 2, on its way at 30 April).
 */
import { describe, expect, test } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { PAYING_PARENT } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const MONTHS = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
const PAYDAYS = ['2025-10-24', '2025-11-25', '2025-12-23', '2026-01-23', '2026-02-25', '2026-03-25', '2026-04-24'];
const RECEIVED = ['2025-11-12', '2026-01-16', '2026-01-28', '2026-03-17', '2026-04-14'];

const reconciliation = {
  schedule: { decisions: [{ effectiveDate: '2025-10-01', weeklyAmount: 75 }], service: 'collect_and_pay' as const },
  side: 'paying' as const,
  cmsEntries: [
    ...MONTHS.map((m) => ({ date: `${m}-01`, type: 'liability' as const, amount: '325.00' })),
    ...MONTHS.map((m) => ({ date: `${m}-01`, type: 'collection_fee' as const, amount: '65.00' })),
    { date: '2025-10-06', type: 'enforcement_charge' as const, amount: '50.00' },
    ...RECEIVED.map((date) => ({ date, type: 'deo_receipt' as const, amount: '390.00' })),
  ],
  evidence: PAYDAYS.map((date) => ({ type: 'payslip_deduction' as const, date, amount: '390.00', from: 'Sample Widgets Ltd' })),
  cmsClaim: { date: '2026-04-30', maintenance: '650.00', collectionFees: '130.00', enforcementCharges: '50.00' },
};
const facts = { sender: PAYING_PARENT, caseReference: '121900000444', senderRole: 'paying' };
const dispute = (sentOn: string) => draftLetter({ type: 'payment_dispute', sentOn, facts, reconciliation });

describe('a payment dispute dated after the deduction’s last day to reach CMS', () => {
  test('is drafted, says CMS’s statement to 30 April could not yet show it, and asks CMS to confirm it credited', () => {
    // Before: refused, field reconciliation.schedule.asOf ("… so the letter would say the employer still has time").
    const letter = dispute('2026-05-20');
    const text = squash(letter.text);
    // One entry wrong (November's); April's deduction is not counted among CMS's errors.
    expect(text).toContain(
      'One entry on your record is wrong. The statement also sets out £390.00 deducted from my pay on 24 April 2026, which had until 19 May 2026 to reach you (line 2): ' +
        'your statement to 30 April 2026 could not yet show it. It is not an error on your record, and the correct balance counts it as paid; please confirm that it has been credited.',
    );
    // CMS's own date for its figure, not the letter's: £830.00 on 30 April 2026.
    expect(text).toContain('You say that on 30 April 2026 the account shows a balance of £830.00 owed.');
    // £2,730.00 due + £50.00 charge − £2,730.00 deducted = £50.00: the deduction is counted as paid, not as arrears.
    expect(text).toContain(
      'the account shows £50.00 owed in enforcement charges, to the Secretary of State, and no maintenance arrears on that date.',
    );
    // Only November's £390.00 is an entry making CMS's figure too high.
    expect(text).toContain('One entry makes your figure too high, by £390.00, in my favour.');
    expect(text).toContain(
      '2. Confirm that the deduction from my pay on line 2 of the schedule, which your statement to 30 April 2026 could not yet show, has been credited to my account.',
    );
    expect(text).toContain(
      'My payslip of 24 April 2026 shows £390.00 deducted for child maintenance. It had until 19 May 2026 to reach CMS, after the date of CMS’s figure (30 April 2026), ' +
        'so CMS’s statement could not yet show it: not an error of CMS’s, and not arrears. I ask CMS to confirm that it has been credited.',
    );
    expect(text).not.toContain('still has time');
    expect(text).not.toMatch(/has until \d/);
  });

  test('dated 19 May 2026, its last day, the letter still says the employer has time, as before', () => {
    // 19 May is the 19th of the month after April (reg 14(1)): not yet run out.
    const text = squash(dispute('2026-05-19').text);
    expect(text).toContain(
      'The statement also sets out a deduction from my pay that my employer still has time to pay over to you (line 2): it is not an error on your record, but the correct balance counts it as paid.',
    );
    expect(text).not.toContain('could not yet show');
  });

  test('a request to hold enforcement disputes £390.00 and asks CMS to confirm the £390.00 deducted is credited', () => {
    const { senderRole: _role, ...pauseFacts } = {
      ...facts,
      action: 'deduction_from_earnings_order',
      actionDate: '2025-09-15',
      pendingDisputes: [{ date: '2026-05-20', kind: 'payment_dispute' }],
    };
    const letter = draftLetter({ type: 'enforcement_pause_request', sentOn: '2026-05-20', facts: pauseFacts, reconciliation });
    const text = squash(letter.text);
    // CMS's £830.00 − worked out £50.00 = £780.00; less April's £390.00 on its way at 30 April = £390.00 disputed.
    expect(text).toContain(
      'Of your figure, £390.00 was deducted from my pay on 24 April 2026 (line 2 of the statement) and had until 19 May 2026 to reach you: ' +
        'your statement to 30 April 2026 could not yet show it, but it has been taken from me and must not be collected again. I dispute the other £390.00 of your figure.',
    );
    expect(text).toContain('Confirm that the £390.00 deducted from my pay has been credited to my account, and do not collect it again.');
    expect(letter.figures.find((f) => f.id === 'disputed_amount')?.value).toBe('£390.00');
    expect(letter.figures.find((f) => f.id === 'in_transit_amount')?.label).toBe(
      'Deducted from my pay, and still in time to reach CMS on 30 April 2026, the date of its figure',
    );
    expect(text).not.toContain('still has time');
  });

  test('beside a deduction still in time at the letter’s date, the letter is refused: the two would be worded alike', () => {
    // As at 10 May 2026: April's deduction (until 19 May) and one of 8 May (until 19 June). On 20 May the first has
    // run out and the second has not. Due 8 × £390.00 + £50.00 = £3,170.00 less £1,950.00 received = £1,220.00.
    const later = {
      ...reconciliation,
      cmsEntries: [
        ...reconciliation.cmsEntries,
        { date: '2026-05-01', type: 'liability' as const, amount: '325.00' },
        { date: '2026-05-01', type: 'collection_fee' as const, amount: '65.00' },
      ],
      evidence: [
        ...reconciliation.evidence,
        { type: 'payslip_deduction' as const, date: '2026-05-08', amount: '390.00', from: 'Sample Widgets Ltd' },
      ],
      cmsClaim: { date: '2026-05-10', maintenance: '975.00', collectionFees: '195.00', enforcementCharges: '50.00' },
    };
    const problems = refusal({ type: 'payment_dispute', sentOn: '2026-05-20', facts, reconciliation: later }).problems;
    expect(problems).toContainEqual({
      field: 'reconciliation.schedule.asOf',
      message:
        "is 10 May 2026: a deduction from pay (the first of 24 April 2026, with until 19 May 2026 to reach CMS) was still in time then, but not by this letter's date (20 May 2026), beside other money then on its way to CMS that the letter would word the same way. " +
        'Reconcile again as of a later date, with CMS’s statement to that date (reconcile_case with a later asOf and cmsClaim; or reconciliation.schedule.asOf), so that whether CMS received it is checked',
    });
  });
});

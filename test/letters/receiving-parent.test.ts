/**
 * What a receiving parent's letters must not ask: enforcement is how maintenance reaches them, so a receiving parent
 * disputing a balance too low is not made to ask CMS to hold it; and the request to move a case from Direct Pay to
 * Collect and Pay is refused for a case already on Collect and Pay (it told CMS "My case is on Direct Pay" and asked
 * it to collect from the paying parent money he had paid to CMS: an MCP audit). The fixture's Direct Pay case
 * (test/letters/fixture.ts): £341.73 due a month; to 6 December 2025 CMS records every payment in full, the bank
 * shows June £200.00 (£141.73 short), August £150.00 (£191.73 short) and nothing in October (£341.73).
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASE_REFERENCE, CASES, directPayReconciliation, RECEIVING_PARENT, SENT_ON } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const receiving = { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving' };
// CMS says £341.73 is owed (October); worked out, £341.73 + £141.73 + £191.73 = £675.19: CMS's figure is too low.
const owedMore = { ...directPayReconciliation, cmsClaim: { date: '2025-12-06', balance: '341.73' } };

describe('a receiving parent owed more than CMS says is not made to ask CMS to hold enforcement', () => {
  test('account_breakdown_request', () => {
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: SENT_ON,
        facts: { ...receiving, statedIn: 'letter', statedOn: '2025-12-08' },
        reconciliation: owedMore,
      }).text,
    );
    expect(text).toContain('Your figure is £333.46 too low.');
    expect(text).toContain('I understand a breakdown is prepared by hand.');
    expect(text).not.toMatch(/no enforcement action|hold enforcement/);
  });

  test('account_breakdown_request from the paying parent still asks it', () => {
    const text = squash(draftLetter(CASES['account_breakdown_request']!.input as DraftInput).text);
    expect(text).toContain('I ask that no enforcement action be taken on the part of the balance I dispute.');
    expect(text).toContain('Take no enforcement action on the disputed part of the balance');
  });

  test('mp_letter', () => {
    const base = CASES['mp_letter']!.input as DraftInput;
    const text = squash(
      draftLetter({ ...base, facts: { ...(base.facts as Record<string, unknown>), ...receiving }, reconciliation: owedMore }).text,
    );
    expect(text).toContain('Ask it to confirm the correct balance on my account.');
    expect(text).not.toContain('hold enforcement');
  });
});

describe('the request to move to Collect and Pay, on a case already on it', () => {
  test('is refused, naming the service and the letters that fit', () => {
    const onCollectAndPay = {
      ...directPayReconciliation,
      schedule: {
        ...directPayReconciliation.schedule,
        service: 'collect_and_pay' as const,
        decisions: directPayReconciliation.schedule.decisions.map((d) => ({
          ...d,
          calculation: { ...d.calculation!, collection: 'collect_and_pay' as const },
        })),
      },
    };
    const base = CASES['direct_pay_to_collect_and_pay']!.input as DraftInput;
    expect(refusal({ ...base, reconciliation: onCollectAndPay }).problems).toContainEqual({
      field: 'reconciliation.schedule.service',
      message:
        'is Collect and Pay (for the instalment due on 2025-11-07): the direct_pay_to_collect_and_pay letter is for a case on Direct Pay. ' +
        'The case is already on Collect and Pay, so there is nothing to move: for money CMS collected and did not pass on, or an entry it got wrong, use payment_dispute; for how CMS has handled it, complaint',
    });
  });
});

// £60 a week on Collect and Pay: 249.60 a month reaches the receiving parent (260.00 less CMS's 4%). CMS records
// passing it on in January, February and March 2024; her bank shows January and February only.
const passedOnMissing = {
  schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' as const, asOf: '2024-03-31' },
  side: 'receiving' as const,
  cmsEntries: ['01', '02', '03'].map((m) => ({ date: `2024-${m}-05`, type: 'payment_passed_on' as const, amount: '249.60' })),
  bankTransactions: ['01', '02'].map((m) => ({ date: `2024-${m}-05`, amount: '249.60', direction: 'in' as const, description: 'CMS' })),
  bankFilter: { includeAll: true },
};

describe('a payment CMS records passing on that never arrived', () => {
  // An audit found the letters asking CMS to "correct the balance" by £260.00 more, as if the paying parent owed it,
  // though CMS's own record showed it had the money.
  const reconciliation = passedOnMissing;

  test('payment_dispute says it is CMS’s to trace if the paying parent paid it, and asks CMS to trace it', () => {
    const text = squash(draftLetter({ type: 'payment_dispute', sentOn: '2024-04-08', facts: receiving, reconciliation }).text);
    expect(text).toContain(
      'One entry on your record is wrong. Line 1 is a payment you record passing on to me that did not reach my account in full. If the paying parent paid it to you, what did not reach me is not the paying parent’s arrears: it is money you must trace and pay to me.',
    );
    expect(text).toContain(
      '2. Trace each payment on line 1 of the schedule: tell me the date, the amount and the account you sent it to, and pay me what did not arrive.',
    );
  });
});

describe('a receiving parent’s balance on CMS’s gross figures says so', () => {
  // The same account, with CMS's figure given before its 4% fee: £0.00. The missing March payment is £249.60 that
  // would have reached her, £260.00 of maintenance before the fee (£60 × 52 ÷ 12 = £260.00; 4% of it is £10.40). An
  // MCP audit found the letters giving the gross figures as if her bank showed them.
  const gross = { ...passedOnMissing, cmsClaim: { date: '2024-03-31', balance: '0.00', basis: 'gross' as const } };

  test('payment_dispute gives the balance before the fee and after it, in the letter and in its statement', () => {
    const letter = draftLetter({ type: 'payment_dispute', sentOn: '2024-04-08', facts: receiving, reconciliation: gross });
    const text = squash(letter.text);
    expect(text).toContain(
      // What never reached her is owed to her, not the paying parent's arrears if he paid it (a meaning probe, 6 December 2026).
      'the account shows £260.00 owed to me on that date (the maintenance before your 4% collection fee, as your figure is; after the fee, £249.60 would reach me). Your figure is lower than what I am owed by £260.00, which you record passing on to me and which never reached me.',
    );
    expect(text).toContain(
      'Each line’s effect is in the same terms as your figure: the maintenance before your 4% collection fee, which is more than what reaches my bank after it.',
    );
    expect(text).toContain('The correct balance: £260.00 owed to me before CMS’s 4% collection fee (£249.60 after it)');
    expect(letter.figures.find((f) => f.id === 'recomputed_balance_after_fee')?.value).toBe('£249.60');
    expect(letter.figures.find((f) => f.id === 'recomputed_balance')?.label).toBe(
      'Arrears, worked out from the decisions and my evidence of payment, before CMS’s 4% collection fee',
    );
  });
});

describe('a receiving parent’s balance on her own net figures says so too', () => {
  // cms-accounts.md §4: say which basis a figure is on. An MCP audit (F14) found the net figure (the default: what
  // reaches her, after CMS's 4%) given bare, where the gross one said it was before the fee.

  test('payment_dispute, the audit’s account: what reaches her after the fee, and the maintenance before it', () => {
    // £120 a week on Collect and Pay: 120 × 52 ÷ 12 = £520.00 a month, 4% of it £20.80, so £499.20 reaches her.
    // July 2023 to January 2024 is 7 instalments; CMS records passing on 6 (not October), her bank shows 5 (not
    // October or November). Net: 7 × 499.20 − 5 × 499.20 = 3,494.40 − 2,496.00 = £998.40; gross: 7 × 520.00 −
    // 5 × 520.00 = £1,040.00. CMS says £499.20 (net): £998.40 − £499.20 = £499.20 too low.
    const months = ['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01'];
    const audit = {
      schedule: {
        decisions: [{ effectiveDate: '2023-07-01', weeklyAmount: 120, service: 'collect_and_pay' as const }],
        service: 'collect_and_pay' as const,
        frequency: 'monthly' as const,
        firstDueDate: '2023-07-01',
      },
      side: 'receiving' as const,
      cmsEntries: months.flatMap((m) => [
        { date: `${m}-01`, type: 'liability' as const, amount: '520.00' },
        ...(m === '2023-10' ? [] : [{ date: `${m}-10`, type: 'payment_passed_on' as const, amount: '499.20' }]),
      ]),
      bankTransactions: months
        .filter((m) => m !== '2023-10' && m !== '2023-11')
        .map((m) => ({ date: `${m}-11`, amount: '499.20', direction: 'in' as const, description: 'DWP CMS PAYMENT' })),
      bankFilter: { descriptionContains: ['CMS'] },
      cmsClaim: { date: '2024-01-31', balance: '499.20', basis: 'net' as const },
    };
    const letter = draftLetter({ type: 'payment_dispute', sentOn: '2024-02-10', facts: receiving, reconciliation: audit });
    const text = squash(letter.text);
    expect(text).toContain(
      'You say that on 31 January 2024 the account shows arrears of £499.20. Worked out from the decisions on my case and my bank statements, the account shows £998.40 owed to me on that date (what reaches me after your 4% collection fee; £1,040.00 before it). Your figure is lower than what I am owed by £499.20, which you record passing on to me and which never reached me.',
    );
    expect(text).toContain(
      'Each line’s effect is in the same terms as your figure: what reaches my bank after your 4% collection fee, which is less than the maintenance before it.',
    );
    expect(text).toContain('The correct balance: £998.40 owed to me after CMS’s 4% collection fee (£1,040.00 before it)');
    expect(letter.figures.find((f) => f.id === 'recomputed_balance_before_fee')?.value).toBe('£1,040.00');
    expect(letter.figures.find((f) => f.id === 'recomputed_balance')?.label).toBe(
      'Arrears, worked out from the decisions and my evidence of payment, after CMS’s 4% collection fee',
    );
  });

  test('mp_letter, written about CMS rather than to it', () => {
    // The March payment above: £249.60 reached her in January and February, not March (3 × 249.60 − 2 × 249.60 =
    // £249.60 net; 3 × 260.00 − 2 × 260.00 = £260.00 gross). CMS says nothing is owed (net).
    const net = { ...passedOnMissing, cmsClaim: { date: '2024-03-31', balance: '0.00', basis: 'net' as const } };
    const base = CASES['mp_letter']!.input as DraftInput;
    const text = squash(
      draftLetter({
        ...base,
        sentOn: '2024-04-08',
        facts: { ...(base.facts as Record<string, unknown>), ...receiving },
        reconciliation: net,
      }).text,
    );
    expect(text).toContain(
      'the account shows £249.60 owed to me on that date (what reaches me after the Child Maintenance Service’s 4% collection fee; £260.00 before it). Its figure is lower than what I am owed by £249.60, which it records passing on to me and which never reached me.',
    );
  });

  test('an overpayment', () => {
    // £80 a week on Collect and Pay from 1 February 2024: 80 × 52 ÷ 12 = £346.67 a month, 4% of it £13.87, so £332.80
    // reaches her. CMS passed on February to April; her bank shows those and a fourth £332.80 on 20 April. Net:
    // 3 × 332.80 − 4 × 332.80 = −£332.80; gross: 3 × 346.67 − 4 × 346.67 = −£346.67. CMS says nothing is owed.
    const over = {
      schedule: {
        decisions: [{ effectiveDate: '2024-02-01', weeklyAmount: 80, service: 'collect_and_pay' as const }],
        frequency: 'monthly' as const,
        firstDueDate: '2024-02-01',
      },
      side: 'receiving' as const,
      cmsEntries: ['02', '03', '04'].flatMap((m) => [
        { date: `2024-${m}-01`, type: 'liability' as const, amount: '346.67' },
        { date: `2024-${m}-10`, type: 'payment_passed_on' as const, amount: '332.80' },
      ]),
      bankTransactions: ['2024-02-11', '2024-03-11', '2024-04-11', '2024-04-20'].map((date) => ({
        date,
        amount: '332.80',
        direction: 'in' as const,
        description: 'CHILD MAINTENANCE SERVICE',
      })),
      bankFilter: { descriptionContains: ['CHILD MAINT'] },
      cmsClaim: { date: '2024-04-30', balance: '0.00', basis: 'net' as const },
    };
    const text = squash(draftLetter({ type: 'payment_dispute', sentOn: '2024-05-08', facts: receiving, reconciliation: over }).text);
    expect(text).toContain(
      'the account shows an overpayment of £332.80 on that date (in what reached me after your 4% collection fee; £346.67 before it, as you keep the account). Your figure is £332.80 too high.',
    );
    expect(text).toContain('The correct balance: an overpayment of £332.80 after CMS’s 4% collection fee (£346.67 before it)');
  });

  test('nothing owed after the fee and an overpayment before it: the words say which way the figure before it goes', () => {
    // £70.12 a week on Collect and Pay from Monday 1 January 2024, due each Monday from then: 4% of £70.12 = £2.8048,
    // £2.80, so £67.32 reaches her. Grossed up, each £67.32 that arrived is £70.13 (the nearer of the two amounts whose
    // 4% leaves £67.32: £70.13 − £2.81), a penny over the £70.12 due: three weeks, nothing owed net and −£0.03 gross.
    // Before, "nothing owed (£0.00) … £0.03 before it", as if £0.03 were owed.
    const days = ['2024-01-01', '2024-01-08', '2024-01-15'];
    const rounding = {
      schedule: {
        decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '70.12' }],
        service: 'collect_and_pay' as const,
        frequency: 'weekly' as const,
        firstDueDate: '2024-01-01',
      },
      side: 'receiving' as const,
      cmsEntries: days.map((date) => ({ id: `passed-${date}`, date, type: 'payment_passed_on' as const, amount: '67.32' })),
      bankTransactions: days.map((date) => ({ id: `in-${date}`, date, amount: '67.32', direction: 'in' as const, description: 'CMS' })),
      bankFilter: { includeAll: true },
      cmsClaim: { date: '2024-01-21', balance: '0.00', basis: 'net' as const },
    };
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: '2024-01-25',
        facts: { ...receiving, statedIn: 'letter', statedOn: '2024-01-22' },
        reconciliation: rounding,
      }).text,
    );
    expect(text).toContain(
      'the account shows nothing owed (£0.00) on that date (in what reached me after your 4% collection fee; an overpayment of £0.03 before it, as you keep the account). Your figure agrees with it.',
    );
  });
});

describe('arrears from Direct Pay on a case since moved to Collect and Pay', () => {
  // test/calc/reconcile/moved-arrears.test.ts's account (MCP audit F6): £100 a week from 1 January 2024, monthly:
  // £100 × 52 ÷ 12 = £433.33. Direct Pay to 31 March (January and February paid direct, March missed and reported),
  // Collect and Pay from 1 April, each instalment passed on as £416.00 (£433.33 less 4%, £17.33). Owed: March's
  // £433.33, counted without the 4%; if CMS takes 4% of it when it collects it, 433.33 × 4 ÷ 100 = 17.3332, £17.33
  // would be taken and 433.33 − 17.33 = £416.00 would reach her. Whether it may take it is not settled.
  const direct = (date: string) => ({ date, amount: '433.33', direction: 'in' as const, description: 'J SMITH MAINT' });
  const fromCms = (date: string) => ({ date, amount: '416.00', direction: 'in' as const, description: 'CMS MAINT' });
  const passedOn = (date: string) => ({ date, type: 'payment_passed_on' as const, amount: '416.00' });
  const moved = {
    schedule: {
      decisions: [
        { effectiveDate: '2024-01-01', weeklyAmount: 100, service: 'direct_pay' as const },
        { effectiveDate: '2024-04-01', weeklyAmount: 100, service: 'collect_and_pay' as const },
      ],
      frequency: 'monthly' as const,
      firstDueDate: '2024-01-01',
    },
    side: 'receiving' as const,
    cmsEntries: [
      { date: '2024-03-01', type: 'missed_payment_reported' as const, amount: '433.33' },
      passedOn('2024-04-10'),
      passedOn('2024-05-10'),
      passedOn('2024-06-10'),
    ],
    bankTransactions: [direct('2024-01-01'), direct('2024-02-01'), fromCms('2024-04-11'), fromCms('2024-05-11'), fromCms('2024-06-11')],
    bankFilter: { descriptionContains: ['MAINT'] },
    // CMS's figure leaves out the Direct Pay arrears it was told of.
    cmsClaim: { date: '2024-06-30', balance: '0.00', basis: 'gross' as const },
  };

  test('a letter to CMS says they carry no fee here, what its 4% would leave, and asks whether it takes it', () => {
    const letter = draftLetter({
      type: 'account_breakdown_request',
      sentOn: '2024-07-08',
      facts: { ...receiving, statedIn: 'letter', statedOn: '2024-07-01' },
      reconciliation: moved,
    });
    const text = squash(letter.text);
    expect(text).toContain(
      'Of those arrears, £433.33 built up while the case was on Direct Pay, before it moved to Collect and Pay on 1 April 2024, and I have counted no collection fee on them. ' +
        'If you take your 4% collection fee from them when you collect them, £17.33 would be taken and £416.00 would reach me: please tell me whether you will, and under which regulation.',
    );
    expect(Object.fromEntries(letter.figures.filter((f) => f.id.startsWith('direct_pay_arrears')).map((f) => [f.id, f.value]))).toEqual({
      direct_pay_arrears: '£433.33',
      direct_pay_arrears_fee: '£17.33',
      direct_pay_arrears_after_fee: '£416.00',
    });
  });

  test('CMS’s net figure lower by exactly 4% of them: the letter says that is what the difference is, and asks (audit 2, finding 5)', () => {
    // CMS gives £416.00 after its 4%: 433.33 − 17.33. Its entries add up to £433.33, so it is £17.33 lower than them.
    const letter = draftLetter({
      type: 'account_breakdown_request',
      sentOn: '2024-07-08',
      facts: { ...receiving, statedIn: 'letter', statedOn: '2024-07-01' },
      reconciliation: { ...moved, cmsClaim: { date: '2024-06-30', balance: '416.00', basis: 'net' as const } },
    });
    const text = squash(letter.text);
    expect(text).toContain(
      'which is your 4% collection fee on the £433.33 of arrears that built up on Direct Pay, taken from them. Whether you may take it from them is not settled: please tell me under which regulation you do.',
    );
    expect(text).not.toContain('nothing in the entries I have been given explains it');
  });

  test('a letter to an MP says the same to a third party, without asking', () => {
    const base = CASES['mp_letter']!.input as DraftInput;
    const text = squash(
      draftLetter({
        ...base,
        sentOn: '2024-07-08',
        facts: { ...(base.facts as Record<string, unknown>), ...receiving },
        reconciliation: moved,
      }).text,
    );
    expect(text).toContain(
      'Of those arrears, £433.33 built up while the case was on Direct Pay, before it moved to Collect and Pay on 1 April 2024, and are counted with no collection fee on them. ' +
        'If the Child Maintenance Service takes its 4% collection fee from them when it collects them, £17.33 would be taken and £416.00 would reach me; whether it may is not settled.',
    );
  });
});

describe('the request to move to Collect and Pay asks whether CMS takes its fee from the Direct Pay arrears', () => {
  test('in the ask to collect them', () => {
    // The fixture's Direct Pay case: £141.73 + £191.73 + £341.73 = £675.19 owed to 6 December 2025; the receiving
    // parent's fee on the reconciliation date is 4% (SI 2014/612 reg 7). Whether it is taken from arrears from Direct Pay
    // collected after the move is not settled (docs/legal-notes.md), so the letter asks.
    const text = squash(draftLetter(CASES['direct_pay_to_collect_and_pay']!.input as DraftInput).text);
    expect(text).toContain(
      '2. Collect the arrears that built up under Direct Pay, £675.19 up to 6 December 2025, and tell me whether you will take your 4% collection fee from them.',
    );
  });
});

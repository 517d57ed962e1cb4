/**
 * An offset on CMS's account: CMS sets an overpayment against what falls due (Child Support (Management of Payments
 * and Arrears) Regulations 2009, SI 2009/3151 regs 8–9). cms-accounts.md §3: "An offset is an adjustment on the
 * account, not a liability error". It moves a credit the payments already show; counted beside them it would count
 * twice. Found by an MCP audit: a lawful £400.00 offset was a line of the statement "in the other parent’s favour".
 *
 * £60 a week on Collect and Pay from Monday 1 January 2024, monthly on the 1st: £60 × 52 ÷ 12 = £260.00 and the paying
 * parent's 20% fee, £52.00 (Fees Regs 2014 reg 7): £312.00 a month, £936.00 for January to March.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT } from '../../letters/fixture.ts';

const MONTHS = ['2024-01-01', '2024-02-01', '2024-03-01'];

function account(paid: readonly (readonly [string, string])[], offset: string | undefined, claim: string): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60, service: 'collect_and_pay' }],
      service: 'collect_and_pay',
      frequency: 'monthly',
      asOf: '2024-03-31',
    },
    side: 'paying',
    cmsEntries: [
      ...MONTHS.map((date) => ({ date, type: 'liability' as const, amount: '260.00' })),
      ...MONTHS.map((date) => ({ date, type: 'collection_fee' as const, amount: '52.00' })),
      ...paid.map(([date, amount]) => ({ date, type: 'payment_received' as const, amount })),
      ...(offset ? [{ date: '2024-02-01', type: 'offset' as const, amount: offset, description: 'Overpayment offset' }] : []),
    ],
    bankTransactions: paid.map(([date, amount]) => ({ date, amount, direction: 'out' as const, description: 'CMS PAYMENT' })),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2024-03-31', balance: claim },
  };
}

describe('an offset of an overpayment the records show', () => {
  // January: £624.00 paid, £312.00 more than due, so on 1 February £312.00 is overpaid; CMS sets it against February.
  // Due £936.00, paid £624.00 + £312.00 (March) = £936.00: nothing owed, as CMS says.
  const input = account(
    [
      ['2024-01-01', '624.00'],
      ['2024-03-01', '312.00'],
    ],
    '312.00',
    '0.00',
  );

  it('is not a line of the statement: it does not change the balance', () => {
    const r = reconcile(input);
    expect(r.balance.recomputed.toFixed(2)).toBe('0.00');
    expect(r.balance.cmsEntriesTotal.toFixed(2)).toBe('0.00');
    expect(r.findings).toEqual([]);
    expect(r.bridge.lines).toEqual([]);
    expect(r.matches.find((m) => m.reason === 'overpayment_set_off')?.explanation).toBe(
      'CMS set £312.00 of the overpayment against what was due (SI 2009/3151 regs 8–9): that uses the overpayment the payments already show, so it does not change the balance.',
    );
  });
});

describe('an offset larger than any overpayment', () => {
  it('lowers CMS’s figure by what was never there to set off', () => {
    // £312.00 paid each month: nothing overpaid on 1 February, yet CMS set off £100.00. Its entries: £936.00 due − £936.00
    // paid − £100.00 = −£100.00, as it says; the records show nothing owed either way.
    const r = reconcile(
      account(
        MONTHS.map((date) => [date, '312.00'] as const),
        '100.00',
        '-100.00',
      ),
    );
    expect(r.findings.map((f) => [f.kind, f.facts.reason, f.effects.maintenance.toFixed(2)])).toEqual([
      ['overpayment_offset', 'nothing_to_offset', '-100.00'],
    ]);
    expect(r.balance.recomputed.toFixed(2)).toBe('0.00');
  });
});

describe('the request for an overpayment back', () => {
  it('says how much of it is maintenance and how much collection fees', () => {
    // £312.00 paid in January and February and £624.00 in March: £1,248.00 against £936.00 due, £312.00 overpaid. Each
    // payment on Collect and Pay is maintenance and fee as 260 : 52 (£1,040.00 and £208.00 in all), so £1,040.00 −
    // £780.00 = £260.00 of maintenance and £208.00 − £156.00 = £52.00 of fees were overpaid.
    const input = account(
      [
        ['2024-01-01', '312.00'],
        ['2024-02-01', '312.00'],
        ['2024-03-01', '624.00'],
      ],
      undefined,
      '-312.00',
    );
    const letter = draftLetter({
      type: 'overpayment_refund',
      sentOn: '2024-04-08',
      facts: { sender: { name: PAYING_PARENT.name, address: PAYING_PARENT.address }, caseReference: CASE_REFERENCE, preference: 'refund' },
      reconciliation: input,
    });
    expect(letter.text.replace(/\s+/g, ' ')).toContain(
      'I have therefore paid £312.00 more than was due. Of that, £260.00 is maintenance and £52.00 collection fees.',
    );
  });
});

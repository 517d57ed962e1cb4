/**
 * A receiving parent's case moved from Direct Pay to Collect and Pay, with arrears from the Direct Pay months (MCP
 * audit F6). Her "net" figure takes no 4% from those arrears, and whether CMS takes it when it collects them is not
 * settled (docs/legal-notes.md, "Direct Pay arrears collected on Collect and Pay"): the balance stays as it is, and
 * the reconciliation says so, with what 4% of them would be (calc/reconcile/moved-arrears.ts).
 *
 * £100 a week from 1 January 2024, monthly on the 1st: £100 × 52 ÷ 12 = £433.33 (C&E Regs 1992 reg 4). Direct Pay
 * to 31 March, Collect and Pay from 1 April: each instalment passed on is £433.33 less 4% (£17.33, 17.3332 half a
 * penny up) = £416.00 (Fees Regs 2014 reg 7). January and February paid direct; March missed and reported.
 */
import { describe, expect, it } from 'vitest';
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { MOVED_SCHEDULE } from './moved-arrears.ts';

const direct = (date: string): BankTransactionInput => ({ date, amount: '433.33', direction: 'in', description: 'J SMITH MAINT' });
const fromCms = (date: string, amount = '416.00'): BankTransactionInput => ({ date, amount, direction: 'in', description: 'CMS MAINT' });
const passedOn = (date: string, amount = '416.00'): CmsEntryInput => ({ date, type: 'payment_passed_on', amount });

function moved(over: Partial<ReconcileInput> = {}): ReconcileInput {
  return {
    schedule: MOVED_SCHEDULE,
    side: 'receiving',
    cmsEntries: [
      { date: '2024-03-01', type: 'missed_payment_reported', amount: '433.33' },
      passedOn('2024-04-10'),
      passedOn('2024-05-10'),
      passedOn('2024-06-10'),
    ],
    bankTransactions: [direct('2024-01-01'), direct('2024-02-01'), fromCms('2024-04-11'), fromCms('2024-05-11'), fromCms('2024-06-11')],
    bankFilter: { descriptionContains: ['MAINT'] },
    cmsClaim: { date: '2024-06-30', balance: '433.33', basis: 'gross' },
    ...over,
  };
}

const figures = (input: ReconcileInput) => {
  const r = reconcile(input);
  const d = r.balance.directPayArrears;
  return {
    gross: r.balance.bothBases?.gross.toFixed(2),
    net: r.balance.bothBases?.net.toFixed(2),
    directPayArrears: d && { movedOn: d.movedOn, owed: d.owed.toFixed(2), fee: d.fee.toFixed(2), wouldReach: d.wouldReach.toFixed(2) },
    warnings: r.warnings.filter((w) => w.includes('Direct Pay')),
    step: r.trace.find((s) => s.step === 'direct_pay_arrears_fee'),
  };
};

describe('Direct Pay arrears on a case moved to Collect and Pay (receiving parent)', () => {
  it('states the rule and what 4% of the arrears would be, and leaves the balance as it was', () => {
    // Owed at the end of 31 March: 3 × £433.33 = £1,299.99 due − £866.66 paid direct = £433.33 (March). Since the
    // move every instalment was passed on in full, so all £433.33 is still owed (gross £433.33 now). 4% of it:
    // 433.33 × 4 ÷ 100 = 17.3332, £17.33; 433.33 − 17.33 = £416.00 would reach her. The balance keeps no 4% on it:
    // gross and net both £433.33, as before.
    const f = figures(moved());
    expect([f.gross, f.net]).toEqual(['433.33', '433.33']);
    expect(f.directPayArrears).toEqual({ movedOn: '2024-04-01', owed: '433.33', fee: '17.33', wouldReach: '416.00' });
    expect(f.warnings).toEqual([
      'Arrears that built up on Direct Pay, before the case moved to Collect and Pay on 2024-04-01, are shown without the 4%: £433.33. ' +
        'If CMS collects them and takes its 4% from them, £17.33 would be taken (4% of £433.33) and £416.00 would reach you; ' +
        'whether the 4% applies to arrears from Direct Pay is not settled, so ask CMS.',
    ]);
    expect(f.step).toEqual({
      step: 'direct_pay_arrears_fee',
      description:
        'Arrears from Direct Pay still owed £433.33 (£433.33 owed at the end of 2024-03-31, the day before the case moved to Collect and Pay), ' +
        'in the balance without the 4%; if CMS takes its 4% when it collects them: £433.33 − 4% (£17.33) = £416.00 would reach the receiving parent',
      value: '416.00',
      citation:
        'Child Support Fees Regulations 2014 (SI 2014/612) reg 7 (the receiving parent’s 4% of a payment CMS collects; whether it is taken from arrears ' +
        'that built up on Direct Pay is not settled: docs/legal-notes.md); Reckoner rule for which arrears are the Direct Pay ones',
      href: 'https://www.legislation.gov.uk/uksi/2014/612/regulation/7',
    });
  });

  it('the same figures when the claim is on the net basis', () => {
    // Net: due 3 × £433.33 on Direct Pay + 3 × £416.00 on Collect and Pay = £2,547.99, paid £866.66 + 3 × £416.00 =
    // £2,114.66: £433.33 net, the Direct Pay arrears alone (no 4% on them). Gross, the same £433.33.
    const f = figures(moved({ cmsClaim: { date: '2024-06-30', balance: '433.33', basis: 'net' } }));
    expect([f.gross, f.net]).toEqual(['433.33', '433.33']);
    expect(f.directPayArrears).toEqual({ movedOn: '2024-04-01', owed: '433.33', fee: '17.33', wouldReach: '416.00' });
  });

  it('counts only what is still owed of them once CMS has collected more than the ongoing instalment', () => {
    // June: £624.00 passed on, the net of £650.00 (650.00 − 4% £26.00 = 624.00): £216.67 gross beyond June's £433.33.
    // Gross owed now: £433.33 − £216.67 = £216.66, less than the £433.33 owed at the move, so £216.66 of the Direct
    // Pay arrears can still be owed. 4%: 216.66 × 4 ÷ 100 = 8.6664, £8.67; 216.66 − 8.67 = £207.99.
    const f = figures(
      moved({
        cmsEntries: [
          { date: '2024-03-01', type: 'missed_payment_reported', amount: '433.33' },
          passedOn('2024-04-10'),
          passedOn('2024-05-10'),
          passedOn('2024-06-10', '624.00'),
        ],
        bankTransactions: [
          direct('2024-01-01'),
          direct('2024-02-01'),
          fromCms('2024-04-11'),
          fromCms('2024-05-11'),
          fromCms('2024-06-11', '624.00'),
        ],
        cmsClaim: { date: '2024-06-30', balance: '216.66', basis: 'gross' },
      }),
    );
    expect(f.gross).toBe('216.66');
    expect(f.directPayArrears).toEqual({ movedOn: '2024-04-01', owed: '216.66', fee: '8.67', wouldReach: '207.99' });
    expect(f.warnings).toEqual([
      'Arrears that built up on Direct Pay, before the case moved to Collect and Pay on 2024-04-01, are shown without the 4%: £216.66 (£433.33 when it moved, no more than the £216.66 owed now). ' +
        'If CMS collects them and takes its 4% from them, £8.67 would be taken (4% of £216.66) and £207.99 would reach you; ' +
        'whether the 4% applies to arrears from Direct Pay is not settled, so ask CMS.',
    ]);
  });

  it('only a receiving parent’s moved case with Direct Pay arrears still owed carries it', () => {
    // The moved case above carries it (£433.33 owed, £416.00 would reach her). Direct Pay throughout: no 4% anywhere,
    // nothing to say. Moved with nothing owed at the move (March paid direct): 3 × £433.33 − 3 × £433.33 = £0.00, no
    // Direct Pay arrears for a 4% to touch. The paying parent: his 20% is charged by the day on Collect and Pay only.
    const carries = (input: ReconcileInput) => {
      const r = reconcile(input);
      return [
        r.balance.directPayArrears?.wouldReach.toFixed(2),
        r.warnings.filter((w) => w.includes('shown without the 4%')).length,
        r.trace.filter((s) => s.step === 'direct_pay_arrears_fee').length,
      ];
    };
    const stayed = moved({
      schedule: {
        decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100, service: 'direct_pay' }],
        frequency: 'monthly',
        firstDueDate: '2024-01-01',
      },
      cmsEntries: [{ date: '2024-03-01', type: 'missed_payment_reported', amount: '433.33' }],
      bankTransactions: [direct('2024-01-01'), direct('2024-02-01'), direct('2024-04-01'), direct('2024-05-01'), direct('2024-06-01')],
      cmsClaim: { date: '2024-06-30', balance: '433.33' },
    });
    const paidUp = moved({
      cmsEntries: [passedOn('2024-04-10'), passedOn('2024-05-10'), passedOn('2024-06-10')],
      bankTransactions: [
        direct('2024-01-01'),
        direct('2024-02-01'),
        direct('2024-03-01'),
        fromCms('2024-04-11'),
        fromCms('2024-05-11'),
        fromCms('2024-06-11'),
      ],
      cmsClaim: { date: '2024-06-30', balance: '0.00', basis: 'gross' },
    });
    const { cmsClaim: _claim, ...base } = moved();
    const paying: ReconcileInput = {
      ...base,
      schedule: { ...base.schedule, asOf: '2024-06-30' },
      side: 'paying',
      bankTransactions: [],
      cmsEntries: [{ date: '2024-03-01', type: 'missed_payment_reported', amount: '433.33' }],
    };
    expect([moved(), stayed, paidUp, paying].map(carries)).toEqual([
      ['416.00', 1, 1],
      [undefined, 0, 0],
      [undefined, 0, 0],
      [undefined, 0, 0],
    ]);
  });

  it('a net figure lower than its entries by exactly 4% of them says that is what the difference is (audit 2, finding 5)', () => {
    // CMS gives £416.00 on her net figures: 433.33 − 17.33, the March Direct Pay arrears less 4% of them. Its entries
    // give £433.33 (no fee on them), so the £17.33 its entries do not explain is that 4%, not a missing entry.
    const r = reconcile(moved({ cmsClaim: { date: '2024-06-30', balance: '416.00', basis: 'net' } }));
    const line = r.bridge.lines.find((l) => l.kind === 'unexplained')!;
    expect(line.amount.toFixed(2)).toBe('-17.33');
    expect(line.description).toBe(
      "CMS's figure (£416.00) is £17.33 lower than its own entries add up to (£433.33): that is 4% of the £433.33 of arrears that built up on Direct Pay " +
        'before the case moved to Collect and Pay on 2024-04-01 (£433.33 × 4 ÷ 100 = £17.33, half a penny up), as if CMS takes its 4% from them when it collects them. ' +
        'Whether it may is not settled (see the note on them), so ask CMS which rule it applies.',
    );
    // A figure lower by anything else is still a difference its entries do not explain.
    const other = reconcile(moved({ cmsClaim: { date: '2024-06-30', balance: '400.00', basis: 'net' } }));
    expect(other.bridge.lines.find((l) => l.kind === 'unexplained')!.description).toMatch(/nothing in the entries given explains it/);
  });

  /** Direct Pay from 14 December 2023, Collect and Pay from 28 March 2024, monthly on the 14th: March's period is split. */
  const MOVED_MID_PERIOD: ReconcileInput['schedule'] = {
    decisions: [
      { effectiveDate: '2023-12-14', weeklyAmount: '44.67', service: 'direct_pay' },
      { effectiveDate: '2024-03-28', weeklyAmount: '79.55', service: 'collect_and_pay' },
    ],
    frequency: 'monthly',
    asOf: '2024-04-19',
  };

  it('a move in the middle of a period, on her net figures, balances (a security audit’s fuzzing stopped it)', () => {
    // £44.67 a week on Direct Pay from 14 December 2023 (44.67 × 52 ÷ 12 = £193.57 a month), £79.55 on Collect and Pay
    // from 28 March 2024 (£344.72 a month), due on the 14th. The period from 14 March is 14 days on Direct Pay and 17 on
    // Collect and Pay: 193.57 × 14 ÷ 31 = 87.42 and 344.72 × 17 ÷ 31 = 189.04, £276.46, with 4% of the second part,
    // 189.04 × 4 ÷ 100 = 7.5616, £7.56. April's: £344.72, 4% £13.79. Nothing paid, none of CMS's entries given. Net:
    // 3 × 193.57 + (276.46 − 7.56) + (344.72 − 13.79) = 580.71 + 268.90 + 330.93 = £1,180.54. CMS's record of a Direct
    // Pay period is the missed payments reported (none here), from which no 4% is taken: the reconciliation took £7.56
    // from nothing there and stopped on its own check that the statement balances ('internal' to the user).
    const r = reconcile({
      schedule: MOVED_MID_PERIOD,
      side: 'receiving',
      cmsEntries: [],
      bankTransactions: [],
      cmsClaim: { date: '2024-04-19', balance: '469.85', basis: 'net' },
    });
    expect(r.balance.recomputed.toFixed(2)).toBe('1180.54');
    // The statement goes from CMS's £469.85 to it: 469.85 − 1,180.54 = −710.69.
    expect(r.bridge.difference.toFixed(2)).toBe('-710.69');
    expect(r.bridge.lines.map((l) => l.amount.toFixed(2))).toEqual(['-193.57', '-193.57', '-193.57', '-268.90', '138.92']);
  });

  it('a move in the middle of a period, with CMS’s own 4% line on the whole of it, balances on her net figures', () => {
    // The account above, with CMS's entries: its maintenance lines as above, and 4% lines on the Collect and Pay
    // periods. For March's period it takes 4% of the whole £276.46 (276.46 × 4 ÷ 100 = 11.0584, £11.06), where only
    // the 17 days on Collect and Pay carry it (£7.56). Nothing paid, nothing reported: CMS's figure is April's net
    // 344.72 − 13.79 = 330.93, less March's 11.06, £319.87. Ours is £1,180.54, so the statement explains
    // 319.87 − 1,180.54 = −860.67: three Direct Pay months unreported (3 × −193.57 = −580.71), March's period
    // unreported as it was due before any 4% (−276.46), and CMS's 4% too high by 11.06 − 7.56 = 3.50:
    // −580.71 − 276.46 − 3.50 = −860.67. Counting March's shortfall after our 4% (−268.90) counted ours twice, and
    // the reconciliation stopped on its own check (fuzzing found it).
    const due = (date: string, amount: string): CmsEntryInput => ({ date, type: 'liability', amount });
    const fee = (date: string, amount: string): CmsEntryInput => ({ date, type: 'collection_fee', amount });
    const r = reconcile({
      schedule: MOVED_MID_PERIOD,
      side: 'receiving',
      cmsEntries: [
        due('2023-12-14', '193.57'),
        due('2024-01-14', '193.57'),
        due('2024-02-14', '193.57'),
        due('2024-03-14', '276.46'),
        fee('2024-03-14', '11.06'),
        due('2024-04-14', '344.72'),
        fee('2024-04-14', '13.79'),
      ],
      bankTransactions: [],
      cmsClaim: { date: '2024-04-19', balance: '319.87', basis: 'net' },
    });
    expect(r.balance.recomputed.toFixed(2)).toBe('1180.54');
    expect(r.bridge.difference.toFixed(2)).toBe('-860.67');
    const amounts = r.bridge.lines.map((l) => l.amount.toFixed(2));
    expect(amounts).toEqual(expect.arrayContaining(['-193.57', '-276.46', '-3.50']));
    expect(amounts.filter((a) => a === '-193.57')).toHaveLength(3);
    expect(r.bridge.lines.some((l) => l.kind === 'unexplained')).toBe(false);
    expect(r.findings.find((f) => f.kind === 'collection_fee_mismatch')!.amount.toFixed(2)).toBe('3.50');
  });
});

/**
 * Collection fees and enforcement charges are owed to the Secretary of State and are not arrears of maintenance
 * (cms-accounts.md §4). Places that still called a total holding them "arrears": what CMS's entries add up to (the
 * statement's sentences, the bundle's "nothing to reconcile"), the refusal where CMS's figure was read as its
 * maintenance part (it quoted the whole as the figure CMS gave), and L16's subject.
 *
 * Invented account (as test/letters/fees-beside-arrears.test.ts). £60 a week on Collect and Pay from 1 January 2024,
 * due monthly on the 1st: £60 × 52 ÷ 12 = £260.00 maintenance + 20% collection fee £52.00 = £312.00 a month.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { bundleContext } from '../../letters/bundle/context.ts';
import { statementSection } from '../../letters/bundle/sections/statement.ts';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { cmsEntriesWithFeesAndCharge } from '../calc/reconcile/fees-beside-arrears.ts';
import { PAYING_PARENT } from './fixture.ts';
import { expectNoPlaceholder, refusal, squash } from './helpers.ts';

const schedule = { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' as const };
const bank = (months: string[]) =>
  months.map((m) => ({ id: `bank-${m}`, date: `2024-${m}-01`, amount: '312.00', direction: 'out' as const, description: 'CMS' }));
const received = (months: string[]) =>
  months.map((m) => ({ id: `rec-${m}`, date: `2024-${m}-01`, type: 'payment_received' as const, amount: '312.00' }));
const facts = { sender: PAYING_PARENT, caseReference: '121000777003' };
const draft = (type: string, reconciliation: ReconcileInput, more: Record<string, unknown>): DraftInput =>
  ({ type, sentOn: '2024-05-10', facts: { ...facts, ...more }, reconciliation }) as DraftInput;

describe('what CMS’s entries add up to, where they hold collection fees', () => {
  // No figure from CMS: January to April charged (filled in from the decisions, CMS's entries showing no charge),
  // 4 × £260.00 = £1,040.00 maintenance and 4 × £52.00 = £208.00 fees; CMS recorded January and February paid
  // (2 × £260.00 = £520.00 and 2 × £52.00 = £104.00). Its entries: maintenance £1,040.00 − £520.00 = £520.00, fees
  // £208.00 − £104.00 = £104.00: £520.00 + £104.00 = £624.00. The bank shows March paid too.
  const reconciliation: ReconcileInput = {
    schedule: { ...schedule, asOf: '2024-04-30' },
    side: 'paying',
    cmsEntries: received(['01', '02']),
    bankTransactions: bank(['01', '02', '03']),
    bankFilter: { includeAll: true },
  };

  it('payment_dispute says what the entries add up to part by part, in its sentences and its statement, not "arrears of £624.00"', () => {
    // calc's per-part entry totals, which the letter quotes.
    const r = reconcile(reconciliation);
    expect(r.balance.cmsEntriesTotal.toFixed(2)).toBe('624.00');
    expect(r.balance.components.map((c) => [c.component, c.cmsEntriesTotal.toFixed(2)])).toEqual([
      ['maintenance', '520.00'],
      ['collection_fees', '104.00'],
      ['enforcement_charges', '0.00'],
    ]);
    const text = squash(draftLetter(draft('payment_dispute', reconciliation, { senderRole: 'paying' })).text);
    expectNoPlaceholder(text, 'letter');
    const parts =
      '£624.00 owed (maintenance arrears of £520.00, and collection fees of £104.00, which are owed to the Secretary of State and are not arrears)';
    expect(text).toContain(
      `Your entries, with what the decisions make due for the periods they show no charge for, add up to ${parts} on 30 April 2024: that balance is £312.00 too high.`,
    );
    // The reconciliation statement's first row, where CMS gave no balance.
    expect(text).toContain(
      `What CMS recorded: CMS’s entries, with what the decisions make due for the periods they show no charge for, add up to ${parts} Why: CMS gave no balance`,
    );
    expect(text).not.toContain('arrears of £624.00');
  });
});

describe('CMS’s figure beyond what its entries explain, where they hold collection fees', () => {
  // CMS's entries as above but March recorded too: £1,248.00 − 3 × £312.00 = £312.00, of which maintenance
  // £1,040.00 − £780.00 = £260.00 and fees £208.00 − £156.00 = £52.00. CMS says £400.00: £400.00 − £312.00 = £88.00
  // that nothing in the entries explains.
  const reconciliation: ReconcileInput = {
    schedule,
    side: 'paying',
    cmsEntries: received(['01', '02', '03']),
    bankTransactions: bank(['01', '02', '03']),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-04-30', balance: '400.00' },
  };

  it('the statement sets the figure against the entries’ parts, not "arrears of £312.00"', () => {
    const text = squash(
      draftLetter(draft('account_breakdown_request', reconciliation, { senderRole: 'paying', statedIn: 'letter', statedOn: '2024-05-02' }))
        .text,
    );
    expectNoPlaceholder(text, 'letter');
    const parts =
      '(£312.00 owed: maintenance arrears of £260.00, and collection fees of £52.00, which are owed to the Secretary of State and are not arrears)';
    expect(text).toContain(
      `One of these items is not an entry: your figure is £88.00 higher than your entries, with what the decisions make due for the periods they show no charge for, add up to ${parts}, and nothing`,
    );
    // The statement's line for it says the same.
    expect(text).toContain(
      `CMS’s figure is £88.00 higher than its entries, with what the decisions make due for the periods they show no charge for, add up to ${parts};`,
    );
    expect(text).not.toContain('add up to (arrears of £312.00)');
  });
});

describe('the bundle’s “nothing to reconcile”, where the balance holds collection fees', () => {
  // CMS's entries and the bank agree (January to March paid), and CMS gave no figure: its entries add up to £312.00
  // (£260.00 + £52.00, as above), the balance worked out is the same.
  const input: ReconcileInput = {
    schedule: { ...schedule, asOf: '2024-04-30' },
    side: 'paying',
    cmsEntries: received(['01', '02', '03']),
    bankTransactions: bank(['01', '02', '03']),
    bankFilter: { includeAll: true },
  };

  it('names the parts of both figures', () => {
    const result = reconcile(input);
    expect(result.findings).toEqual([]);
    const c = bundleContext({
      purpose: 'complaint',
      generatedOn: '2024-05-10',
      case: { side: 'paying', service: 'collect_and_pay' },
      reconciliation: { input, result },
    });
    const section = statementSection(c);
    const paragraph = section.blocks[0] as { kind: 'paragraph'; text: string };
    const parts =
      '£312.00 owed (maintenance arrears of £260.00, and collection fees of £52.00, which are owed to the Secretary of State and are not arrears)';
    expect(paragraph.text).toBe(
      `There is nothing to reconcile: CMS’s figure for 30 April 2024, ${parts}, is the balance worked out from the records, ${parts}, and no entry is in dispute.`,
    );
    expect(paragraph.text).not.toContain('arrears of £312.00');
  });
});

describe('a refusal where CMS’s figure was read as its maintenance arrears', () => {
  // test/letters/claim-read-as-maintenance.test.ts's account with only January and February paid: CMS's entries hold
  // maintenance 4 × £260.00 − 2 × £260.00 = £520.00, fees 4 × £52.00 − 2 × £52.00 = £104.00 and a £50.00 charge:
  // £674.00. CMS gives £520.00, read as its maintenance arrears; the whole, £674.00, is what the bank shows owed too
  // (£1,248.00 − £624.00 + £50.00 = £674.00), so there is no disputed balance.
  const reconciliation: ReconcileInput = {
    schedule: { ...schedule, frequency: 'monthly', firstDueDate: '2024-01-01' },
    side: 'paying',
    cmsEntries: cmsEntriesWithFeesAndCharge(),
    bankTransactions: ['01', '02'].map((m) => ({ date: `2024-${m}-01`, amount: '312.00', direction: 'out' as const, description: 'CMS' })),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-04-30', balance: '520.00' },
  };

  it('gives the £520.00 CMS gave and what it was read as, not £674.00 as CMS’s figure', () => {
    const r = reconcile(reconciliation);
    expect([r.bridge.claimReadAsParts?.given.toFixed(2), r.bridge.from.toFixed(2), r.balance.recomputed.toFixed(2)]).toEqual([
      '520.00',
      '674.00',
      '674.00',
    ]);
    const problem = refusal(
      draft('enforcement_pause_request', reconciliation, {
        action: 'deduction_from_earnings_order',
        actionDate: '2024-05-03',
        pendingDisputes: [{ date: '2024-05-04', kind: 'payment_dispute' }],
      }),
    ).problems.find((p) => p.field === 'reconciliation.cmsClaim');
    expect(problem?.message).toMatch(
      /^is £520\.00 on 2024-04-30, read as CMS’s maintenance arrears \(CMS’s own entries also hold collection fees of £104\.00 and enforcement charges of £50\.00, owed to the Secretary of State, which that figure leaves out: £674\.00 in all\), no more than the balance worked out/,
    );
    expect(problem?.message).not.toMatch(/^is £674\.00/);
  });
});

describe('L16’s subject, where what is accepted holds collection fees', () => {
  // As test/letters/fees-beside-arrears.test.ts: £312.00 accepted, £260.00 maintenance arrears and £52.00 fees.
  const reconciliation: ReconcileInput = {
    schedule,
    side: 'paying',
    cmsEntries: received(['01', '02']),
    bankTransactions: bank(['01', '02', '03']),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-04-30', balance: '624.00' },
  };

  it('is “Proposal to pay arrears and collection fees by instalments”', () => {
    const letter = draftLetter(
      draft('arrears_payment_plan', reconciliation, { frequency: 'monthly', instalments: 3, firstPaymentOn: '2024-06-01' }),
    );
    const text = squash(letter.text);
    expect(text).toContain('PROPOSAL TO PAY ARREARS AND COLLECTION FEES BY INSTALMENTS');
    expect(text).not.toContain('PROPOSAL TO PAY ARREARS BY INSTALMENTS');
  });
});

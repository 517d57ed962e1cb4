/**
 * CMS's figure with none of its entries given (the balance from an arrears letter, and the parent's bank statement):
 * what none of CMS's entries explains is the rest of the difference, in neither parent's favour, and the enforcement
 * charges CMS's figure gives are asked about, not set against "none worked out" (charges are known only from CMS's
 * entries: calc/reconcile/charges.ts).
 *
 * The account is test/calc/reconcile/collect-and-pay-from-may.ts: £60.00 a week on Collect and Pay, monthly from
 * 1 May 2024, £312.00 paid on each of 1 May, 1 June and 1 July (60 × 52 ÷ 12 = £260.00 a month + the 20% fee £52.00).
 * CMS's figure on 31 July 2024: £350.00, of which £50.00 enforcement charges.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { collectAndPayFromMay } from '../calc/reconcile/collect-and-pay-from-may.ts';
import { CASES } from './fixture.ts';
import { squash } from './helpers.ts';

const claimed = (cmsClaim: ReconcileInput['cmsClaim']): ReconcileInput => ({ ...collectAndPayFromMay([]), cmsClaim });
const input = claimed({ date: '2024-07-31', balance: '350.00', enforcementCharges: '50.00' });

const letterOf = (reconciliation: ReconcileInput) =>
  draftLetter({ ...CASES['account_breakdown_request']!.input, sentOn: '2024-08-05', reconciliation });

describe('CMS’s figure with none of its entries given', () => {
  const r = reconcile(input);

  it('the part no entry explains is in neither parent’s favour', () => {
    // The three payments, 3 × £312.00 = £936.00, make CMS's figure too high; the decisions make £936.00 due
    // (3 × (£260.00 + £52.00)) with nothing of CMS's to take off, and its figure is £350.00: 350.00 − 936.00 = −£586.00
    // nothing explains. Before, that −£586.00 was "one item makes it too low, in the other parent's favour".
    expect(r.bridge.lines.map((l) => `${l.kind} ${formatMoney(l.amount)}`)).toEqual([
      'payment_missing_from_cms 312.00',
      'payment_missing_from_cms 312.00',
      'payment_missing_from_cms 312.00',
      'unexplained -586.00',
    ]);
    expect([r.bridge.inPayingParentsFavour.count, formatMoney(r.bridge.inPayingParentsFavour.amount)]).toEqual([3, '936.00']);
    expect(r.bridge.inPayingParentsFavour.lines).toEqual([0, 1, 2]);
    expect([r.bridge.inReceivingParentsFavour.count, formatMoney(r.bridge.inReceivingParentsFavour.amount)]).toEqual([0, '0.00']);
    expect(r.warnings).toContain(
      'CMS’s figure gives £50.00 of enforcement charges, and none of its entries was given, so they are not checked: the recomputed balance counts no enforcement charge (each is known only from its entry: the action, its day and the arrears then), and that part of the difference is not shown to be wrong. Give CMS’s statement of account to check them, or ask CMS which action each is for.',
    );
  });

  it('the letter says what the rest is, and asks about the charges instead of calling them too high', () => {
    const letter = letterOf(input);
    const text = squash(letter.text);
    expect(text).toContain('Your figure is £350.00 too high.');
    // 936.00 − 586.00 = 350.00: the items, then the rest.
    expect(text).toContain(
      'All three items make your figure too high, by £936.00 in all, in my favour. The rest is not an item: your figure is £586.00 lower than those items alone would make it, and I have been given none of your entries, so nothing shows how it is arrived at.',
    );
    expect(text).toContain(
      'You give £50.00 of enforcement charges; without your entries I cannot check them, so please tell me which enforcement action each charge is for and the day you took it.',
    );
    for (const said of [
      'in the other parent’s favour',
      'One of these items is not an entry',
      'the enforcement charges are £50.00 too high',
      'worked out, they are £0.00',
      'the collection fees are £156.00 too high',
      'Lines that make CMS’s figure too low',
      'what it charged (and, for the periods its entries show no charge for',
    ]) {
      expect(text).not.toContain(said);
    }
    const ids = letter.figures.map((f) => f.id);
    expect(ids).not.toContain('bridge_component_enforcement_charges');
    expect(ids).toContain('cms_claimed_enforcement_charges');
    expect(text).toContain('Balance the decisions make due, with none of CMS’s entries given');
  });

  it('charges CMS gives as none are not asked about', () => {
    const text = squash(letterOf(claimed({ date: '2024-07-31', balance: '350.00', enforcementCharges: '0.00' })).text);
    expect(text).not.toContain('of enforcement charges');
    expect(text).not.toContain('enforcement charges are');
  });

  it('a part CMS gave that can be worked out is still compared', () => {
    // Maintenance given as £300.00 against £0.00 worked out (the three payments cover the £780.00 due: 3 × 260.00).
    const text = squash(
      letterOf(claimed({ date: '2024-07-31', balance: '350.00', maintenance: '300.00', enforcementCharges: '50.00' })).text,
    );
    expect(text).toContain('By part of the balance, the maintenance is £300.00 too high (you give £300.00; worked out, it is £0.00).');
    expect(text).toContain('You give £50.00 of enforcement charges; without your entries I cannot check them');
  });

  it('a figure with no item at all is said to be unexplained, not "one of these items"', () => {
    // Direct Pay, each month's £260.00 paid to the other parent (no fee on Direct Pay): nothing is owed and no line of
    // the evidence is an item; CMS's figure £300.00 is all that nothing explains.
    const base = collectAndPayFromMay([]);
    const directPay: ReconcileInput = {
      ...base,
      schedule: { ...base.schedule, service: 'direct_pay' },
      bankTransactions: base.bankTransactions!.map((t) => ({ ...t, amount: '260.00' })),
      cmsClaim: { date: '2024-07-31', balance: '300.00' },
    };
    const none = reconcile(directPay);
    expect(none.bridge.lines.map((l) => `${l.kind} ${formatMoney(l.amount)}`)).toEqual(['unexplained 300.00']);
    expect([none.bridge.inPayingParentsFavour.count, none.bridge.inReceivingParentsFavour.count]).toEqual([0, 0]);
    const text = squash(letterOf(directPay).text);
    expect(text).toContain(
      'Your figure is £300.00 too high. I have been given none of your entries, so nothing shows how your figure is arrived at.',
    );
    expect(text).not.toContain('item');
    expect(text).not.toContain('in my favour');
  });
});

/**
 * Letters quote the bridge (issue 10, item 7). Every letter that states a difference gives CMS's figure, the correct
 * one, the NET difference, the lines that make CMS's figure too high and too low (how many, their totals, in whose
 * favour) and the parts of the balance that differ, and prints the reconciliation statement from CMS's figure to the
 * correct one. Never the sizes of the lines added up: with lines both ways that sum is no difference at all, and
 * CMS can dismiss a letter built on it.
 *
 * Ground truth by construction: fixture.ts (twoWayReconciliation) builds CMS's statement of account with four wrong
 * entries, two each way, and works out every figure below by hand.
 */
import { describe, expect, test } from 'vitest';
import { reconcile } from '../../calc/reconcile/reconcile.ts';
import { draftLetter, renderPdf, type DraftedLetter } from '../../letters/index.ts';
import type { Block } from '../../letters/types.ts';
import { extractPdfText } from '../../statements/pdf/text.ts';
import { asWritten, expectNoPlaceholder, squash, unescapeMarkdown } from './helpers.ts';
import { CASES, RECEIVING_PARENT, TWO_WAY_CASES, directPayReconciliation, reconciliation, twoWayReconciliation } from './fixture.ts';

/** "£1,230.24" → 123024, "+£410.08" → 41008, "-£94.63" → -9463: a test's own reading of a written amount. */
function pence(written: string): number {
  const m = /^([+-]?)£([\d,]+)\.(\d{2})$/.exec(written);
  if (!m) throw new Error(`not an amount: ${JSON.stringify(written)}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
}

/** The four lines, in date order, with their effects on CMS's figure (fixture.ts works each out). */
const LINES = ['+£410.08', '-£94.63', '-£410.08', '+£137.41'] as const;
/** What every letter printing the statement quotes: the lines, each way, the net, and the parts of the balance. */
const STATEMENT = {
  bridge_line_1: LINES[0],
  bridge_line_2: LINES[1],
  bridge_line_3: LINES[2],
  bridge_line_4: LINES[3],
  // Too high: £410.08 + £137.41 = £547.49. Too low: £94.63 + £410.08 = £504.71.
  bridge_too_high_total: '£547.49',
  bridge_too_low_total: '£504.71',
  // Net: £547.49 − £504.71 = £42.78.
  balance_difference: '£42.78',
  // Maintenance +£341.73 − £78.86 − £341.73 + £137.41 = £58.55; fees +£68.35 − £15.77 − £68.35 = −£15.77.
  bridge_component_maintenance: '£58.55',
  bridge_component_collection_fees: '£15.77',
};
const ARREARS = { ...STATEMENT, cms_claimed_balance: '£452.86', recomputed_balance: '£410.08' };

const EXPECTED: Record<string, { figures: Record<string, string>; net: readonly string[]; from: string; to: string }> = {
  account_breakdown_request: {
    figures: ARREARS,
    net: ['Your figure is £42.78 too high.', 'Taken together, your figure is £42.78 too high, net.'],
    from: 'CMS’s figure: a balance of £452.86 owed',
    // £341.73 maintenance + £68.35 collection fees = £410.08: the fees are not arrears (cms-accounts.md §4).
    to: 'The correct balance: £410.08 owed (maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears)',
  },
  payment_dispute: {
    figures: ARREARS,
    net: [
      'Four entries on your record are wrong.',
      'Your figure is £42.78 too high.',
      'Taken together, your figure is £42.78 too high, net.',
    ],
    from: 'CMS’s figure: a balance of £452.86 owed',
    // £341.73 maintenance + £68.35 collection fees = £410.08: the fees are not arrears (cms-accounts.md §4).
    to: 'The correct balance: £410.08 owed (maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears)',
  },
  enforcement_pause_request: {
    // The part disputed is the net difference, and the part accepted the correct balance: £452.86 − £42.78 = £410.08.
    figures: { ...ARREARS, disputed_amount: '£42.78', undisputed_arrears: '£410.08' },
    // £341.73 maintenance + £68.35 collection fees = £410.08, each named (cms-accounts.md §4).
    net: [
      'You say I owed £452.86 on 9 March 2026.',
      'I owed £410.08. Of that, £341.73 is maintenance arrears, owed to the receiving parent, and £68.35 in collection fees is owed to the Secretary of State. I dispute the other £42.78 of your figure.',
    ],
    from: 'CMS’s figure: a balance of £452.86 owed',
    // £341.73 maintenance + £68.35 collection fees = £410.08: the fees are not arrears (cms-accounts.md §4).
    to: 'The correct balance: £410.08 owed (maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears)',
  },
  arrears_payment_plan: {
    // £410.08 ÷ 3 = £136.693… → £136.70 each; the last £410.08 − 2 × £136.70 = £136.68.
    figures: {
      ...ARREARS,
      disputed_amount: '£42.78',
      undisputed_arrears: '£410.08',
      instalment_amount: '£136.70',
      last_instalment_amount: '£136.68',
    },
    net: [
      'You say the account shows a balance of £452.86 owed. I dispute the remaining £42.78',
      'Taken together, your figure is £42.78 too high, net.',
    ],
    from: 'CMS’s figure: a balance of £452.86 owed',
    // £341.73 maintenance + £68.35 collection fees = £410.08: the fees are not arrears (cms-accounts.md §4).
    to: 'The correct balance: £410.08 owed (maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears)',
  },
  overpayment_refund: {
    // 13 × £410.08 = £5,331.04 paid against £4,920.96 due: £410.08 overpaid; CMS says £367.30. Between two
    // overpayments a figure £42.78 "too high" is an overpayment £42.78 too small: −£367.30 − (−£410.08) = £42.78.
    figures: {
      ...STATEMENT,
      cms_claimed_balance: '£367.30',
      recomputed_balance: '£410.08',
      overpaid_amount: '£410.08',
      total_due: '£4,920.96',
      paid_per_bank: '£5,331.04',
    },
    net: [
      'you give the balance on 9 March 2026 as an overpayment of £367.30, which understates the overpayment by £42.78.',
      'Taken together, your figure understates the overpayment by £42.78, net.',
    ],
    from: 'CMS’s figure: an overpayment of £367.30',
    to: 'The correct balance: an overpayment of £410.08',
  },
  deduction_order_representations: {
    figures: ARREARS,
    net: ['Your figure is £42.78 too high.', 'Taken together, your figure is £42.78 too high, net.'],
    from: 'CMS’s figure: a balance of £452.86 owed',
    // £341.73 maintenance + £68.35 collection fees = £410.08: the fees are not arrears (cms-accounts.md §4).
    to: 'The correct balance: £410.08 owed (maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears)',
  },
};

const drafted = new Map<string, DraftedLetter>();
function draft(type: string): DraftedLetter {
  let letter = drafted.get(type);
  if (!letter) drafted.set(type, (letter = draftLetter(TWO_WAY_CASES[type]!.input)));
  return letter;
}

function statementOf(letter: DraftedLetter): Extract<Block, { kind: 'table' }> {
  const table = letter.document.schedules.find((b) => b.kind === 'table' && b.caption.startsWith('Reconciliation statement'));
  if (!table || table.kind !== 'table') throw new Error(`${letter.type} has no reconciliation statement`);
  return table;
}

const TYPES = Object.keys(EXPECTED);

describe('letters quote the bridge: the net difference, the lines each way, the parts of the balance', () => {
  test('the letters that state a difference are all here: L02, L04, L11, L16, L19, L23', () => {
    expect(TYPES.map((t) => draft(t).id)).toEqual(['L02', 'L04', 'L11', 'L16', 'L19', 'L23']);
  });

  test.each(TYPES)('%s: every figure is the one worked out by hand, registered with its source', (type) => {
    const letter = draft(type);
    const figures = Object.fromEntries(letter.figures.map((f) => [f.id, f.value]));
    expect(figures).toMatchObject(EXPECTED[type]!.figures);
    const md = unescapeMarkdown(letter.markdown);
    for (const f of letter.figures) {
      expect(md, f.id).toContain(f.value);
      expect(letter.text, f.id).toContain(f.value);
      expect(f.source, f.id).toBeTruthy();
    }
    expectNoPlaceholder(letter.text, 'text');
  });

  test.each(TYPES)('%s: the text states the net difference and the lines each way, in whose favour, by part', (type) => {
    const letter = draft(type);
    for (const text of [unescapeMarkdown(letter.markdown), letter.text]) {
      for (const sentence of EXPECTED[type]!.net) expect(text).toContain(sentence);
      // Two lines each way; the paying parent signs, so CMS's figure too high is in their favour.
      expect(text).toContain(
        'Two entries make your figure too high, by £547.49 in all, in my favour; two entries make it too low, by £504.71 in all, in the other parent’s favour.',
      );
      // The parts of the balance: a receipt counts as maintenance and its fee, so the two parts go opposite ways.
      expect(text).toContain('By part of the balance, the maintenance is £58.55 too high and the collection fees are £15.77 too low.');
      // The sizes of the four lines added up (£410.08 + £94.63 + £410.08 + £137.41 = £1,052.20) appear nowhere,
      // nor the old wording built on such a sum.
      expect(text).not.toContain('£1,052.20');
      expect(text).not.toContain('at stake');
      for (const d of ['2025-06-09', '2025-08-21', '2026-01-08', '2026-02-07']) expect(text).toContain(asWritten(d));
    }
  });

  test.each(TYPES)('%s: the statement starts at CMS’s figure, and its lines add up to the correct one', (type) => {
    const letter = draft(type);
    const table = statementOf(letter);
    expect(table.columns).toEqual(['No.', 'Date', 'What CMS recorded', 'What my evidence shows', 'Effect on CMS’s figure', 'Why']);
    const [first, ...rest] = table.rows;
    expect(first![2]).toBe(EXPECTED[type]!.from);
    expect(table.rows[table.rows.length - 1]![2]).toBe(EXPECTED[type]!.to);
    const numbered = rest.filter((r) => r[0] !== '');
    expect(numbered.map((r) => r[0])).toEqual(['1', '2', '3', '4']);
    expect(numbered.map((r) => r[4])).toEqual(LINES);
    // The evidence each line rests on, and why, in the parent's own voice (calc writes it so).
    expect(numbered[0]![3]).toBe('£410.08 paid out on 9 June 2025 (“CMS CHILD MAINT”; Testbury Bank statement)');
    expect(numbered[1]![3]).toBe('No such payment');
    expect(numbered[2]![2]).toContain('Payment received £410.08 on 8 January 2026; payment received £410.08 on 7 January 2026');
    expect(numbered[3]![3]).toBe('The decisions make £341.73 due for 7 February 2026 to 6 March 2026');
    for (const r of numbered) expect(r[5]).not.toMatch(/\byour\b/i);
    expect(numbered[1]![5]).toContain('but my bank shows no such payment');
    // The arithmetic, checked here (letters/ does none): +£410.08 − £94.63 − £410.08 + £137.41 = +£42.78 …
    const sum = numbered.reduce((a, r) => a + pence(r[4]!), 0);
    expect(sum).toBe(4278);
    const row = (label: string) => rest.find((r) => r[2]!.startsWith(label))![4]!;
    expect(pence(row('Net effect'))).toBe(sum);
    // … the lines each way: £410.08 + £137.41 = £547.49 and £94.63 + £410.08 = £504.71, whose difference is the net …
    expect(pence(row('Lines that make CMS’s figure too high (2), in my favour'))).toBe(41008 + 13741);
    expect(pence(row('Lines that make CMS’s figure too low (2), in the other parent’s favour'))).toBe(-(9463 + 41008));
    expect(54749 - 50471).toBe(sum);
    // … and CMS's figure less the net is the correct balance: £452.86 − £42.78 = £410.08 (L19: −£367.30 − £42.78 = −£410.08).
    const figures = Object.fromEntries(letter.figures.map((f) => [f.id, f.value]));
    const from = pence(figures['cms_claimed_balance']!) * (type === 'overpayment_refund' ? -1 : 1);
    const to = pence(figures['recomputed_balance']!) * (type === 'overpayment_refund' ? -1 : 1);
    expect(from - sum).toBe(to);
  });

  test('L04 as a PDF holds the same figures and sentences', async () => {
    const letter = draft('payment_dispute');
    const text = squash(await extractPdfText(await renderPdf(letter.document)));
    for (const f of letter.figures) expect(text, f.id).toContain(f.value);
    for (const v of ['£452.86', '£410.08', '£42.78', '£547.49', '£504.71', '£58.55', '£15.77', ...LINES]) expect(text).toContain(v);
    expect(text).toContain('Your figure is £42.78 too high.');
    expect(text).toContain('Two entries make your figure too high, by £547.49 in all, in my favour;');
    expect(text).toContain('two entries make it too low, by £504.71 in all, in the other parent’s favour.');
    expect(text).toContain('Taken together, your figure is £42.78 too high, net.');
    expect(text).toContain('Reconciliation statement: from CMS’s figure to the correct balance');
    expect(text).not.toContain('£1,052.20');
  }, 30_000);

  test('a claim by part of the balance, with an enforcement charge on it: each part CMS gives against the worked-out one', () => {
    // The statement of account again, with a £300.00 charge for a liability order on 20 May 2025, when the April and
    // May instalments (2 × £410.08) had both been paid: no arrears, and a liability order is only for payments due and
    // not paid (Child Support Act 1991 s.33(1)(a), (3)), so the charge is a fifth line, +£300.00. (It was a £50.00
    // charge for a deduction from earnings order until MCP audit 2, finding 3: such an order may collect maintenance
    // that will become due, s.31(3)(b), so with no arrears its charge now stands, and is not a line.) CMS gives its
    // balance by part:
    // - maintenance £4,238.17 charged − (10 × £341.73 + £78.86 + £341.73 = £3,837.89) credited = £400.28;
    //   worked out, 12 × £341.73 − 11 × £341.73 = £341.73: £58.55 too high;
    // - collection fees £820.20 − (10 × £68.35 + £15.77 + £68.35 = £767.62) = £52.58; worked out £68.35: £15.77 too low;
    // - enforcement charges £300.00; worked out £0.00: £300.00 too high.
    // Total £400.28 + £52.58 + £300.00 = £752.86; net £752.86 − £410.08 = £342.78 = £58.55 − £15.77 + £300.00.
    // Each way: £300.00 + £410.08 + £137.41 = £847.49 too high, £504.71 too low; £847.49 − £504.71 = £342.78.
    const letter = draftLetter({
      ...TWO_WAY_CASES['payment_dispute']!.input,
      reconciliation: {
        ...twoWayReconciliation,
        cmsEntries: [
          ...twoWayReconciliation.cmsEntries!,
          { date: '2025-05-20', type: 'enforcement_charge', amount: '300.00', chargeType: 'liability_order' },
        ],
        cmsClaim: { date: '2026-03-09', maintenance: '400.28', collectionFees: '52.58', enforcementCharges: '300.00' },
      },
    });
    const figures = Object.fromEntries(letter.figures.map((f) => [f.id, f.value]));
    expect(figures).toMatchObject({
      cms_claimed_balance: '£752.86',
      recomputed_balance: '£410.08',
      balance_difference: '£342.78',
      bridge_line_1: '+£300.00',
      bridge_too_high_total: '£847.49',
      bridge_too_low_total: '£504.71',
      cms_claimed_maintenance: '£400.28',
      recomputed_maintenance: '£341.73',
      bridge_component_maintenance: '£58.55',
      cms_claimed_collection_fees: '£52.58',
      recomputed_collection_fees: '£68.35',
      bridge_component_collection_fees: '£15.77',
      cms_claimed_enforcement_charges: '£300.00',
      recomputed_enforcement_charges: '£0.00',
      bridge_component_enforcement_charges: '£300.00',
    });
    expect(letter.text).toContain(
      'Three entries make your figure too high, by £847.49 in all, in my favour; two entries make it too low, by £504.71 in all, in the other parent’s favour. Taken together, your figure is £342.78 too high, net.',
    );
    expect(letter.text).toContain(
      'By part of the balance, the maintenance is £58.55 too high (you give £400.28; worked out, it is £341.73), the collection fees are £15.77 too low (you give £52.58; worked out, they are £68.35) and the enforcement charges are £300.00 too high (you give £300.00; worked out, they are £0.00).',
    );
    expect(letter.text).not.toContain('£1,352.20'); // £847.49 + £504.71, the sizes added up
  });

  test('what has accrued but is not yet due is its own line, and is said to be no arrears', () => {
    // £100 a week from 15 January 2024, first payment 1 March 2024: the initial amount accrued before then is spread
    // over the payment plan. CMS's ledger charges every period as it accrues (£237.63 + £47.53 for January, then
    // 5 × (£433.33 + £86.67) = £2,600.00) against 4 plan instalments paid (£2,348.38): £536.78 accrued and not yet
    // due (the same case as test/calc/reconcile/accounts.test.ts). CMS also recorded a £100.00 receipt the bank does
    // not show, so its entries give £536.78 − £100.00 = £436.78, which it claims; the correct balance is nil.
    const paid: [string, string][] = [
      ['2024-03-01', '587.09'],
      ['2024-04-01', '587.11'],
      ['2024-05-01', '587.09'],
      ['2024-06-01', '587.09'],
    ];
    const letter = draftLetter({
      ...CASES['payment_dispute']!.input,
      reconciliation: {
        schedule: {
          decisions: [{ effectiveDate: '2024-01-15', weeklyAmount: 100 }],
          service: 'collect_and_pay',
          firstDueDate: '2024-03-01',
        },
        side: 'paying',
        cmsEntries: [
          { date: '2024-01-15', type: 'liability', amount: '237.63' },
          { date: '2024-01-15', type: 'collection_fee', amount: '47.53' },
          ...['02', '03', '04', '05', '06'].flatMap((m) => [
            { date: `2024-${m}-01`, type: 'liability' as const, amount: '433.33' },
            { date: `2024-${m}-01`, type: 'collection_fee' as const, amount: '86.67' },
          ]),
          { date: '2024-04-20', type: 'payment_received', amount: '100.00' },
          ...paid.map(([date, amount]) => ({ date, type: 'payment_received' as const, amount })),
        ],
        bankTransactions: paid.map(([date, amount]) => ({ date, amount, direction: 'out' as const, description: 'CMS' })),
        bankFilter: { includeAll: true },
        cmsClaim: { date: '2024-06-30', balance: '436.78' },
      },
    });
    const figures = Object.fromEntries(letter.figures.map((f) => [f.id, f.value]));
    expect(figures).toMatchObject({
      cms_claimed_balance: '£436.78',
      recomputed_balance: '£0.00',
      bridge_line_1: '-£100.00',
      bridge_line_2: '+£536.78',
      bridge_not_yet_due: '£536.78',
      balance_difference: '£436.78',
    });
    // What has accrued and is not yet due is owed later, in nobody's favour; beside it, CMS's figure is £100.00 too low
    // (436.78 − 536.78). Before (a meaning probe, 6 December 2026): "One item makes your figure too high, by £536.78, in
    // my favour … your figure is £436.78 too high, net".
    expect(letter.text).toContain(
      'the account shows nothing overdue (£0.00) on that date. Your figure is £100.00 too low beside what has accrued under the decisions and is not yet due.',
    );
    expect(letter.text).toContain('One entry makes your figure too low, by £100.00, in the other parent’s favour.');
    expect(letter.text).not.toContain('in my favour');
    // By part, beside it: the £100.00 receipt as maintenance £83.33 and its fee £16.67 (100 × 5/6, 100 × 1/6).
    expect(letter.text).toContain('By part of the balance, the maintenance is £83.33 too low and the collection fees are £16.67 too low.');
    expect(letter.text).toContain('£536.78 of your figure has accrued under the decisions but is not yet due');
    // −£100.00 + £536.78 = £436.78; £436.78 − £436.78 = £0.00, the correct balance.
    const rows = statementOf(letter).rows;
    expect(rows.filter((r) => r[0] !== '').reduce((a, r) => a + pence(r[4]!), 0)).toBe(43678);
    // The last line says the accrued £536.78 is still to come (before, it read only "nothing owed (£0.00)").
    expect(rows[rows.length - 1]![2]).toBe(
      'The correct balance: nothing overdue (£0.00); a further £536.78 has accrued and is not yet due',
    );
  });

  test('a receiving parent’s letter puts CMS’s figure too low in their favour, and starts from CMS’s entries without a claim', () => {
    // Direct Pay (fixture.ts): the decisions make 8 instalments of £341.73 = £2,733.84 due, which CMS's entries (only
    // the 7 payments reported in full, 7 × £341.73 = £2,392.11) do not list, so the letter says they are filled in:
    // its entries with them give £341.73. The bank shows £2,058.65 paid (June £200.00,
    // August £150.00, October nothing): £675.19 owed. Lines: June £341.73 − £200.00 = −£141.73, August
    // £341.73 − £150.00 = −£191.73; together −£333.46 = £341.73 − £675.19.
    const letter = draftLetter({
      ...CASES['payment_dispute']!.input,
      facts: { sender: RECEIVING_PARENT, caseReference: '121000345678', senderRole: 'receiving', contactPreference: 'email' },
      reconciliation: directPayReconciliation,
    });
    const figures = Object.fromEntries(letter.figures.map((f) => [f.id, f.value]));
    expect(figures).toMatchObject({
      cms_entries_total: '£341.73',
      recomputed_balance: '£675.19',
      balance_difference: '£333.46',
      bridge_line_1: '-£141.73',
      bridge_line_2: '-£191.73',
      bridge_too_low_total: '£333.46',
    });
    expect(figures).not.toHaveProperty('bridge_too_high_total');
    expect(letter.text).toContain(
      'Your entries, with what the decisions make due for the periods they show no charge for, add up to arrears of £341.73 on 6 December 2025: that balance is £333.46 too low.',
    );
    expect(letter.text).not.toContain('Your own entries');
    expect(letter.text).toContain('Both entries make the balance your entries give too low, by £333.46 in all, in my favour.');
    expect(letter.text).not.toContain('other parent’s favour');
    // A receiving parent has no enforcement to hold.
    expect(letter.text).not.toContain('Take no enforcement action');
    const rows = statementOf(letter).rows;
    expect(rows[0]![2]).toBe(
      'CMS’s entries, with what the decisions make due for the periods they show no charge for, add up to arrears of £341.73',
    );
    expect(rows[rows.length - 1]![2]).toBe('The correct balance: arrears of £675.19');
  });

  test('what the reconciliation warned of goes with the letter, for the sender to check before sending', () => {
    // The shared case (fixture.ts) without its bank filter: the reconciliation warns that only transactions that look
    // like maintenance payments were counted. Before, the letter's warnings and notes were silent about it.
    const { bankFilter: _filter, ...unfiltered } = reconciliation;
    const warned = reconcile(unfiltered).warnings.filter((w) => w.startsWith('No bankFilter was given'));
    expect(warned).toHaveLength(1);
    const letter = draftLetter({ ...CASES['payment_dispute']!.input, reconciliation: unfiltered });
    expect(letter.warnings).toContain(warned[0]);
    expect(letter.text).toContain(warned[0]);
  });

  test('entries that charge every period are CMS’s own entries, and the letter says so', () => {
    // The shared case (fixture.ts) with CMS's charges given too: £341.73 maintenance and its £68.35 fee in each of the
    // 12 periods, so nothing is filled in from the decisions and the total is CMS's own: 12 × £410.08 − 11 × £410.08.
    const { cmsClaim: _claim, ...rest } = reconciliation;
    const input = { ...rest, schedule: { ...rest.schedule, asOf: '2026-03-09' } };
    const withCharges = {
      ...input,
      cmsEntries: [
        ...input.cmsEntries!,
        ...reconcile(input).periods.flatMap((p, i) => [
          { id: `charge-${i}`, date: p.periodStart, type: 'liability' as const, amount: '341.73' },
          { id: `fee-${i}`, date: p.periodStart, type: 'collection_fee' as const, amount: '68.35' },
        ]),
      ],
    };
    const charged = draftLetter({ ...CASES['payment_dispute']!.input, reconciliation: withCharges });
    expect(reconcile(withCharges).balance.cmsEntriesFilledIn.toFixed(2)).toBe('0.00');
    // £341.73 maintenance + £68.35 collection fees = £410.08: the fees are not arrears (cms-accounts.md §4).
    expect(charged.text).toContain(
      'Your own entries add up to £410.08 owed (maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears) on 9 March 2026',
    );
  });

  test('entries that cancel out are set out, and the letter says the balance is right though the entries are not', () => {
    // The shared case without CMS's claim: with the 12 instalments of £410.08 the decisions make due (CMS's entries are
    // its 11 payments only, so the letter says the charges are filled in), 12 × £410.08 − 11 × £410.08 = £410.08, the
    // correct balance. Line 1 (9 June 2025, +£410.08) and line 2 (21 August 2025, −£410.08) cancel: the old letter said
    // "£820.16 at stake" here, where nothing is.
    const { cmsClaim: _claim, ...rest } = reconciliation;
    const letter = draftLetter({
      ...CASES['payment_dispute']!.input,
      reconciliation: { ...rest, schedule: { ...rest.schedule, asOf: '2026-03-09' } },
    });
    const figures = Object.fromEntries(letter.figures.map((f) => [f.id, f.value]));
    expect(figures).toMatchObject({
      cms_entries_total: '£410.08',
      recomputed_balance: '£410.08',
      bridge_line_1: '+£410.08',
      bridge_line_2: '-£410.08',
    });
    expect(figures).not.toHaveProperty('balance_difference');
    expect(letter.text).toContain(
      // £341.73 maintenance + £68.35 collection fees = £410.08, each part named: the fees are not arrears (cms-accounts.md §4).
      'Your entries, with what the decisions make due for the periods they show no charge for, add up to £410.08 owed (maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears) on 9 March 2026, the same as the correct balance.',
    );
    expect(letter.text).toContain('Taken together they cancel out, so the balance is right though the entries are not.');
    expect(letter.text).not.toContain('£820.16');
    expect(letter.text).not.toContain('Take no enforcement action');
    const net = statementOf(letter).rows.find((r) => r[2] === 'Net effect of the lines above')!;
    expect(net[4]).toBe('£0.00');
  });
});

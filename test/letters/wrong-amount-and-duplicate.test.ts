/**
 * A payment dispute over a payment CMS keyed as £752.00 (£572.00 paid on 9 June 2023) and a £572.00 payment it
 * recorded twice on 10 July 2023 (audit 2, finding 2; the case and its arithmetic in
 * test/calc/reconcile/wrong-amount-and-duplicate.ts). The reconciliation statement must say what happened: a wrong
 * amount and a duplicate, not a payment the bank "does not show" and a correct record "misdated", which the enclosed
 * bank statement would contradict.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { juneAndJuly } from '../calc/reconcile/wrong-amount-and-duplicate.ts';
import { CASES } from './fixture.ts';
import { squash } from './helpers.ts';

const input: DraftInput = {
  ...(CASES['payment_dispute']!.input as DraftInput),
  sentOn: '2023-08-14',
  reconciliation: juneAndJuly(),
};

describe('the payment dispute letter on a wrong amount and a duplicate', () => {
  const letter = draftLetter(input);
  const statement = letter.document.schedules.find((b) => b.kind === 'table' && b.caption.startsWith('Reconciliation statement'));

  it('lists the wrong amount and the duplicate in the reconciliation statement, with their effects', () => {
    expect(statement?.kind).toBe('table');
    if (statement?.kind !== 'table') return;
    const numbered = statement.rows.filter((row) => /^\d+$/.test(row[0]!));
    const col = (name: string) => statement.columns.indexOf(name);
    expect(numbered.map((row) => [row[0], row[1], row[col('Effect on CMS’s figure')], row[col('Why')]])).toEqual([
      [
        '1',
        '9 June 2023',
        // 752.00 − 572.00 = 180.00 credited too much.
        '-£180.00',
        'CMS recorded a payment received of £752.00 on 9 June 2023, but £572.00 left my account on 9 June 2023 ("CMS PAYMENT"): CMS shows £180.00 more than was paid.',
      ],
      [
        '2',
        '10 July 2023',
        '-£572.00',
        'CMS recorded a payment received of £572.00 on 10 July 2023 that repeats its record of 10 July 2023; only one such payment left my account.',
      ],
    ]);
  });

  it('never tells CMS the bank shows no such payment, or that a payment was misdated', () => {
    const text = squash(letter.text);
    expect(text).not.toContain('no such payment');
    expect(text).not.toContain('days earlier');
    // The net: CMS's overpayment of £752.00 against a correct balance of £0.00, −180.00 − 572.00 = −752.00.
    expect(text).toContain('£752.00');
  });
});

describe('the reconciliation statement’s subtotals add up to its net effect', () => {
  // The same case with the 10 May 2023 payment recorded twice as well: two duplicates (−£572.00 each) and the wrong
  // amount (−£180.00). CMS's entries: −£752.00 − £572.00 = −£1,324.00 against a correct £0.00.
  const base = juneAndJuly();
  const input: DraftInput = {
    ...(CASES['payment_dispute']!.input as DraftInput),
    sentOn: '2023-08-14',
    reconciliation: {
      ...base,
      cmsEntries: [...base.cmsEntries!, { id: 'cms-pay-2023-05-10-again', date: '2023-05-10', type: 'payment_received', amount: '572.00' }],
      cmsClaim: { date: '2023-07-31', balance: '-1324.00' },
    },
  };
  const letter = draftLetter(input);
  const statement = letter.document.schedules.find((b) => b.kind === 'table' && b.caption.startsWith('Reconciliation statement'));

  it('gives a kind of one line its subtotal too, beside a kind of two: −£1,144.00 − £180.00 = −£1,324.00', () => {
    expect(statement?.kind).toBe('table');
    if (statement?.kind !== 'table') return;
    const effect = statement.columns.indexOf('Effect on CMS’s figure');
    const subtotals = statement.rows.filter((row) => row.some((cell) => cell.startsWith('Subtotal'))).map((row) => row[effect]);
    // Two duplicates, 2 × −£572.00 = −£1,144.00; one wrong amount, 572.00 − 752.00 = −£180.00.
    expect(subtotals.sort()).toEqual(['-£1,144.00', '-£180.00']);
    expect(squash(letter.text)).toContain('£1,324.00');
  });
});

/**
 * A receiving parent's own reports of missed Direct Pay payments, recorded on the case as calls, reach its
 * reconciliation and its complaint chronology (cases/events.ts missedPaymentReportOf; a journey probe, story 2), on a
 * real PGlite store. Before, nothing a model could record told the reconciliation a report was made: April and May
 * were "2 shortfalls nobody reported … and CMS was not told", and the chronology said "I had a phone call about my
 * case" and nothing more.
 *
 * The case (test/calc/reconcile/direct-pay-early.ts): £92.00 a week from 15 January 2025, £398.67 a month on the
 * 15th (92 × 52 ÷ 12 = 398.666…); paid 15 January, 14 February, £200.00 on 15 May, 15 July and 15 August; CMS's
 * record holds the March and June reports (£797.34). Due to 29 August: 8 × £398.67 = £3,189.36; paid £1,794.68;
 * arrears £1,394.68.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../calc/errors.ts';
import { chronologyFromCase } from '../../cases/chronology.ts';
import { draftCaseLetter, eventWithDeadlines, reconcileCase, reconcileRecords, recordCaseEvent } from '../../cases/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { EARLY_PAID } from '../calc/reconcile/direct-pay-early.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

const TODAY = '2025-09-08';
let store: CaseStore;
let caseId: string;

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
  const created = await store.createCase({
    title: 'Missed payments 2025',
    side: 'receiving',
    reference: '121 998 877 665',
    parties: [{ role: 'receiving_parent', name: 'Leanne Fairweather', address: '3 Mill Lane, Hebden Bridge HX7 1ZZ' }],
    service: 'direct_pay',
    frequency: 'monthly',
    firstDueDate: '2025-01-15',
    decisions: [{ effectiveDate: '2025-01-15', weeklyAmount: '92.00' }],
  });
  caseId = created.id;
  await store.importRows(
    caseId,
    { sha256: 'e'.repeat(64), size: 1000, kind: 'bank_statement', format: 'csv', filename: 'monzo.csv' },
    {
      transactions: Object.entries(EARLY_PAID).map(([date, amount], i) => ({
        date,
        amount,
        direction: 'in' as const,
        description: 'C FAIRWEATHER CHILD MAINT',
        fingerprint: `bank-${i}`,
      })),
    },
  );
  await store.addCmsEntries(caseId, [
    { date: '2025-03-15', type: 'missed_payment_reported', amount: '398.67' },
    { date: '2025-06-15', type: 'missed_payment_reported', amount: '398.67' },
  ]);
  await recordCaseEvent(store, caseId, { type: 'call', date: '2025-03-18', summary: 'Reported March payment missed' });
  await recordCaseEvent(store, caseId, {
    type: 'call',
    date: '2025-04-22',
    summary: 'Reported April payment missed (call ref 55120)',
    details: { missedPaymentReport: { dueDate: '2025-04-15' }, reference: '55120' },
  });
  await recordCaseEvent(store, caseId, {
    type: 'call',
    date: '2025-05-20',
    summary: 'Reported May payment short: £200 received of £398.67',
    details: { missedPaymentReport: { amount: '198.67' } },
  });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

const options = { bankFilter: { descriptionContains: ['FAIRWEATHER'] }, cmsClaim: { date: '2025-08-29', balance: '797.34' } };

describe('a missed payment the parent reported, recorded on the case', () => {
  it('reaches the reconciliation: April and May are reports CMS did not record, with the call’s reference', async () => {
    const r = reconcileRecords(await store.caseRecords(caseId), options, TODAY).result;
    expect(r.findings.map((f) => [f.kind, f.date, f.amount.toFixed(2)])).toEqual([
      ['missed_payment_report_not_recorded', '2025-04-15', '398.67'],
      // £398.67 − £200.00 = £198.67 short, all of it reported.
      ['missed_payment_report_not_recorded', '2025-05-15', '198.67'],
    ]);
    expect(r.findings[0]!.explanation).toContain('It was reported on 22 April 2025 (call ref 55120), not recorded by CMS');
    expect(r.findings[1]!.explanation).toContain('It was reported on 20 May 2025 (by phone), not recorded by CMS');
    // £797.34 − (£398.67 + £198.67) … CMS's figure is £597.34 too low: £1,394.68.
    expect(r.balance.recomputed.toFixed(2)).toBe('1394.68');
    expect(r.findings.map((f) => f.explanation).join(' ')).not.toContain('CMS was not told');
  });

  it('the complaint’s chronology carries each call’s note, and says which calls reported a missed payment', async () => {
    const entries = chronologyFromCase(await store.caseRecords(caseId), TODAY);
    expect(entries).toEqual([
      { date: '2025-03-18', what: 'I had a phone call about my case. My note of the call: Reported March payment missed' },
      {
        date: '2025-04-22',
        what: 'I told you by phone that the payment due on 15 April 2025 was missed or short. My note of the call: Reported April payment missed (call ref 55120)',
      },
      // Its note states amounts, which a letter refuses in the parent's words (its figures are the reconciliation's):
      // left out, so the complaint can still be drafted (before this, the chronology stopped it).
      { date: '2025-05-20', what: 'I told you by phone that the payment was missed or short' },
    ]);
  });

  it('the case’s letters: payment_dispute lists the reports CMS left out, and the complaint drafts with the calls in it', async () => {
    await reconcileCase(store, caseId, options, TODAY, () => ({}));
    const dispute = (await draftCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: TODAY }, TODAY)).letter.markdown;
    expect(dispute).toContain('Nothing recorded, though I reported it on 22 April 2025 (call ref 55120)');
    const complaint = (
      await draftCaseLetter(
        store,
        caseId,
        {
          type: 'complaint',
          sentOn: TODAY,
          facts: {
            whatWentWrong: ['My reports of missed payments are not on my account'],
            impact: 'I have had to borrow',
            outcomes: ['correct_the_error'],
          },
        },
        TODAY,
      )
    ).letter.markdown;
    expect(complaint).toContain(
      '22 April 2025: I told you by phone that the payment due on 15 April 2025 was missed or short. My note of the call: Reported April payment missed (call ref 55120)',
    );
    expect(complaint).not.toMatch(/nobody reported|CMS was not told/);
  });

  it('a report in the wrong shape, or on an event that cannot carry one, is refused when recorded, naming the field', () => {
    const refused = (details: Record<string, unknown>, type: 'call' | 'note' = 'call') => {
      try {
        eventWithDeadlines({ type, date: '2025-04-22', details });
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).problems.map((p) => p.field);
      }
      throw new Error('not refused');
    };
    expect(refused({ missedPaymentReport: { dueDate: '15/04/2025' } })).toEqual(['details.missedPaymentReport.dueDate']);
    expect(refused({ missedPaymentReport: { dueDate: '2025-05-15' } })).toEqual(['details.missedPaymentReport.dueDate']);
    expect(refused({ missedPaymentReport: { amount: '-5' } })).toEqual(['details.missedPaymentReport.amount']);
    expect(refused({ missedPaymentReport: { when: 'today' } })).toEqual(['details.missedPaymentReport.when']);
    expect(refused({ missedPaymentReport: true }, 'note')).toEqual(['details.missedPaymentReport']);
  });
});

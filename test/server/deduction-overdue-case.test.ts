/**
 * A journey probe's story 5 over MCP, in process, on a PGlite store: a paying parent on Collect and Pay with a deduction
 * from earnings order reconciles as at CMS's statement of 30 April 2026, when his 24 April deduction is still in time to
 * reach CMS (by 19 May: SI 1992/1989 reg 14(1)); on 20 May he asks for the dispute letter. Before the fix draft_letter
 * refused ("the letter would say the employer still has time"), reconcile_case as of 20 May refused too (CMS's figure
 * is dated 30 April), and the only way through, retyping CMS's figure dated 20 May, made the letter say CMS gave
 * £830.00 for a day it did not. Now the letter is drafted on the 30 April run and says what is true on 20 May.
 *
 * Invented figures, as test/letters/deduction-overdue.test.ts works them: £390.00 due a month (£325.00 + 20% fee
 * £65.00), October to April, and a £50.00 order charge; seven payslip deductions of £390.00; CMS recorded five and
 * says £830.00; worked out, £50.00 (the charge). November's deduction was never credited (line 1); April's is line 2.
 */
import { expect, it } from 'vitest';

import { ok, storedCaseServer } from './stored-case-server.ts';

const mcp = storedCaseServer('2026-04-30');
const { call } = mcp;

const MONTHS = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
const PAYDAYS = ['2025-10-24', '2025-11-25', '2025-12-23', '2026-01-23', '2026-02-25', '2026-03-25', '2026-04-24'];
const RECEIVED = ['2025-11-12', '2026-01-16', '2026-01-28', '2026-03-17', '2026-04-14'];

it('the dispute letter of 20 May, on the reconciliation as at 30 April, asks CMS to confirm April’s deduction credited', async () => {
  const created = ok(
    await call('create_case', {
      title: 'Deductions missing',
      side: 'paying',
      reference: '121900000444',
      service: 'collect_and_pay',
      frequency: 'monthly',
      firstDueDate: '2025-10-01',
      parties: [
        { role: 'paying_parent', name: 'Sam Example', address: '7 Invented Lane\nTestbury\nZZ4 5XY' },
        { role: 'receiving_parent', name: 'Lee Example' },
      ],
      decisions: [{ effectiveDate: '2025-10-01', letterDate: '2025-09-08', weeklyAmount: 75, service: 'collect_and_pay' }],
    }),
  );
  const caseId = created['id'] as string;
  ok(
    await call('add_cms_entries', {
      caseId,
      entries: [
        ...MONTHS.flatMap((m) => [
          { date: `${m}-01`, type: 'liability', amount: '325.00' },
          { date: `${m}-01`, type: 'collection_fee', amount: '65.00' },
        ]),
        { date: '2025-10-06', type: 'enforcement_charge', amount: '50.00' },
        ...RECEIVED.map((date) => ({ date, type: 'deo_receipt', amount: '390.00' })),
      ],
    }),
  );
  ok(
    await call('add_evidence', {
      caseId,
      evidence: PAYDAYS.map((date) => ({ type: 'payslip_deduction', date, amount: '390.00', from: 'Sample Widgets Ltd' })),
    }),
  );
  const run = ok(
    await call('reconcile_case', {
      caseId,
      cmsClaim: { date: '2026-04-30', maintenance: '650.00', collectionFees: '130.00', enforcementCharges: '50.00' },
    }),
  );
  expect(run['asOf']).toBe('2026-04-30');

  mcp.today = '2026-05-20';
  const drafted = await call('draft_letter', { caseId, type: 'L04' });
  // Before: isError, "reconciliation.schedule.asOf: is 30 April 2026: a deduction from pay … so the letter would say the
  // employer still has time".
  const letter = ok(drafted);
  expect(letter['sentOn']).toBe('2026-05-20');
  const text = (letter['text'] as string).replace(/\s+/g, ' ');
  expect(text).toContain('You say that on 30 April 2026 the account shows a balance of £830.00 owed.');
  expect(text).toContain(
    'The statement also sets out £390.00 deducted from my pay on 24 April 2026, which had until 19 May 2026 to reach you (line 2): your statement to 30 April 2026 could not yet show it.',
  );
  // £830.00 − £50.00 = £780.00: November's £390.00 (the one entry) and April's £390.00, not called an error.
  expect(text).toContain('One entry makes your figure too high, by £390.00, in my favour.');
  expect(text).toContain('has been credited to my account.');
  expect(text).not.toContain('still has time');
}, 60_000);

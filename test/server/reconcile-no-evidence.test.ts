/**
 * reconcile_case on a case with decisions but no bank payment, payslip or other evidence of payment (a journey probe):
 * it said "worked out from the decisions and the evidence, on 2026-05-20 it is £3,432.00 owed by the paying parent",
 * without saying that no evidence of payment was given, so that everything due counts as unpaid. Over MCP, in
 * process, on a PGlite store.
 *
 * Invented case: £60 a week on Collect and Pay from 1 July 2025, monthly: £60 × 52 ÷ 12 = £260.00 and the paying
 * parent's 20% fee £52.00, £312.00 due on the 1st. To 20 May 2026, 11 instalments (July to May): 11 × £312.00 =
 * £3,432.00, nothing paid as far as anything given shows.
 */
import { expect, it } from 'vitest';
import { textOf } from './helpers.ts';
import { storedCaseServer } from './stored-case-server.ts';

const mcp = storedCaseServer('2026-05-20');
const { call } = mcp;

it('says the balance is worked out from the decisions alone, as no evidence of payment was given', async () => {
  const created = await call('create_case', {
    title: 'No payments given',
    side: 'paying',
    service: 'collect_and_pay',
    decisions: [{ effectiveDate: '2025-07-01', weeklyAmount: 60, service: 'collect_and_pay' }],
  });
  const caseId = (created.structuredContent as { id: string }).id;
  const result = await call('reconcile_case', { caseId });
  expect(result.isError ?? false).toBe(false);
  expect(textOf(result).split('\n')[0]).toBe(
    "No entry of CMS's and no balance it claims was given, so there is no figure of CMS's to check; " +
      'worked out from the decisions alone (no evidence of payment was given: no bank transactions, payslips or other evidence, so nothing counts as paid), ' +
      'on 2026-05-20 it is £3,432.00 owed by the paying parent.',
  );
  expect((result.structuredContent as { counts: { bankTransactions: number; evidence: number } }).counts).toMatchObject({
    bankTransactions: 0,
    evidence: 0,
  });
}, 60_000);

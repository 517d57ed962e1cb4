/**
 * A stored case holding a CMS statement drawn from the ground truth in test/fixtures/pdf/cms-balance-statement.ts
 * (Collect and Pay, £75.00 a week: £325.00 a month and the 20% fee £65.00; a £50.00 deduction from earnings order
 * charge; £390.00 paid on 3 September 2024 by the parent, and on 12 November and 12 December by the employer), with
 * the parent's evidence of those payments: the bank line of 3 September and the two payslips.
 * @module
 */
import { createHash } from 'node:crypto';
import { parsePdf } from '../../statements/pdf/index.ts';
import type { CaseStore } from '../../store/types.ts';
import { drawCmsStatement, type CmsSheetOptions } from '../fixtures/pdf/cms-balance-statement.ts';

export async function caseWithCmsStatement(
  store: CaseStore,
  sheet: CmsSheetOptions,
  filename: string | undefined,
  decisions: readonly { readonly label: string; readonly effectiveDate: string; readonly weeklyAmount: string }[] = [
    { label: 'cms_1', effectiveDate: '2024-09-01', weeklyAmount: '75.00' },
  ],
): Promise<string> {
  const created = await store.createCase({
    title: 'CMS statement read into a case',
    side: 'paying',
    scheme: '2012',
    reference: '121399887766',
    service: 'collect_and_pay',
    frequency: 'monthly',
    firstDueDate: decisions[0]!.effectiveDate,
    parties: [{ role: 'paying_parent', name: 'Rhys Sample', address: '1 Test Road\nTestville\nTT1 1TT' }],
    decisions: [...decisions],
  });
  const bytes = await drawCmsStatement(sheet);
  const parsed = await parsePdf({ bytes });
  await store.importParsed(
    created.id,
    { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, ...(filename ? { filename } : {}) },
    parsed,
  );
  await store.importRows(
    created.id,
    {
      sha256: createHash('sha256').update(`bank ${filename}`).digest('hex'),
      size: 100,
      kind: 'bank_statement',
      format: 'csv',
      filename: 'bank.csv',
    },
    {
      transactions: [
        {
          date: '2024-09-03',
          amount: '390.00',
          direction: 'out',
          description: 'CMS 121399887766',
          fingerprint: 'bank-1',
          source: { line: 2 },
        },
      ],
    },
  );
  // The employer's deductions, paid over to CMS by the 19th of the next month (CMS records them on the 12th).
  await store.addEvidence(created.id, [
    { type: 'payslip_deduction', date: '2024-10-31', amount: '390.00', from: 'Sample Employer Ltd', source: 'payslip 31 October 2024' },
    { type: 'payslip_deduction', date: '2024-11-29', amount: '390.00', from: 'Sample Employer Ltd', source: 'payslip 29 November 2024' },
  ]);
  return created.id;
}

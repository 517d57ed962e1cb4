/**
 * cases/inputs.ts: a row's place in words, as letters cite it. A probe imported a case export whose bank lines kept
 * their page and line but not their document, and its letters cited each as "typed in, page 3, line 17": a bank line
 * is never typed in (no tool takes one typed), so such a line is "a bank statement"; a CMS entry without a document
 * was typed in, from the page of CMS's letter it gives.
 */
import { describe, expect, it } from 'vitest';
import { reconcileFromRecords } from '../../cases/inputs.ts';
import type { CaseRecords } from '../../store/types.ts';

const records = {
  case: { service: 'direct_pay', side: 'paying' },
  parties: [],
  decisions: [],
  documents: [],
  evidence: [],
  transactions: [{ id: 'b1', date: '2024-01-04', amount: '100.00', direction: 'out', description: 'CMS', source: { page: 3, line: 17 } }],
  cmsEntries: [{ id: 'c1', date: '2024-01-04', type: 'payment_received', amount: '100.00', source: { page: 2, line: 5 } }],
} as unknown as CaseRecords;

describe('the place of a row with no document of the case', () => {
  it('a bank line is on a bank statement; a CMS entry was typed in', () => {
    const input = reconcileFromRecords(records);
    expect(input.bankTransactions![0]!.source).toBe('a bank statement, page 3, line 17');
    expect(input.cmsEntries![0]!.source).toBe('typed in, page 2, line 5');
  });
});

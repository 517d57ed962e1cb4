/**
 * The evidence bundle of a stored case, through the real tool: a receiving parent's case kept on a real PGlite store
 * (the store, then the case service: a payment dispute kept and marked sent, events recorded), and the bundle built by
 * `build_evidence_bundle` over MCP (the real server, in process) and read back with the project's own PDF text
 * extraction. What the MCP audit of 4 December 2026 found in such a bundle: it did not carry her letter's request
 * that CMS trace a payment it records passing on that never arrived; a complaint bundle listed her own coming
 * late-reconsideration limit under "Next"; and its cover counted a decision letter among the replies.
 *
 * The account (as test/letters/receiving-parent.test.ts): £60 a week on Collect and Pay from 1 January 2024, monthly:
 * 60 × 52 ÷ 12 = £260.00 of maintenance a month, less CMS's 4% (260.00 × 0.04 = £10.40) = £249.60 reaches her. CMS
 * records passing on £249.60 on 5 January, 5 February and 5 March 2024; her bank shows January and February only.
 * CMS says nothing is owed on 31 March 2024 (on her net figures). Worked out: due 3 × 249.60 = 748.80, received
 * 2 × 249.60 = 499.20, 748.80 − 499.20 = £249.60 owed to her: the March payment CMS records passing on, the bridge's
 * only line (−£249.60: CMS's figure is that much too low).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { markCaseLetterSent, recordCaseEvent, reconcileCase, saveCaseLetter } from '../../cases/index.ts';
import { createMcpServer } from '../../server/mcp.ts';
import { extractPdfText } from '../../statements/pdf/index.ts';
import { lazyStore, type LazyStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { REPLY_EVENTS } from '../../letters/bundle/words.ts';
import { squash } from '../letters/bundle/helpers.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { inMemoryClient } from '../server/helpers.ts';

/** The day the bundles are built. */
const TODAY = '2024-06-03';
const SENT_ON = '2024-04-08';

let lazy: LazyStore;
let client: Client;
let closeClient: () => Promise<void>;
/** The server's day: TODAY unless a test moves it on. */
let today = TODAY;
/** The case, and a copy of it whose decision letter is recorded as CMS's answer to her payment dispute. */
let caseId: string;
let answeredCaseId: string;
let disputeText: string;

/**
 * The case on the store: her records, her payment dispute kept and marked sent (the letter whose requests the bundle
 * must carry), CMS's reply to it on 25 April 2024, a decision letter of 1 May 2024 (recorded as the answer to her
 * dispute only when `decisionAnswers`), and her complaint of 20 May 2024, not yet answered.
 */
async function storedCase(store: CaseStore, decisionAnswers: boolean): Promise<{ id: string; dispute: string }> {
  const created = await store.createCase({
    title: 'The March payment',
    side: 'receiving',
    service: 'collect_and_pay',
    reference: '1210 0034 5678',
    frequency: 'monthly',
    parties: [
      { role: 'receiving_parent', name: 'Alex Taylor', address: '14 Larkspur Close\nBramwell Heath\nBH7 2QX' },
      { role: 'paying_parent', name: 'Sam Taylor', addressWithheld: true },
    ],
    decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00', service: 'collect_and_pay' }],
  });
  const id = created.id;
  const months = ['01', '02', '03'];
  await store.importRows(
    id,
    { sha256: 'c'.repeat(64), size: 100, kind: 'bank_statement', format: 'csv', filename: 'bank.csv' },
    {
      transactions: months.slice(0, 2).map((m, i) => ({
        date: `2024-${m}-05`,
        amount: '249.60',
        direction: 'in' as const,
        description: 'DWP CMS',
        fingerprint: `in-${m}`,
        source: { line: i + 2 },
      })),
    },
  );
  await store.addCmsEntries(
    id,
    months.map((m) => ({ date: `2024-${m}-05`, type: 'payment_passed_on', amount: '249.60' })),
  );
  await reconcileCase(
    store,
    id,
    { asOf: '2024-03-31', cmsClaim: { date: '2024-03-31', balance: '0.00', basis: 'net' }, bankFilter: { includeAll: true } },
    SENT_ON,
    () => ({}),
  );
  const kept = await saveCaseLetter(store, id, { type: 'payment_dispute', sentOn: SENT_ON }, SENT_ON);
  const sent = await markCaseLetterSent(store, id, kept.record.id, { sentOn: SENT_ON, method: 'recorded_delivery' }, { today: SENT_ON });
  await recordCaseEvent(store, id, { type: 'dispute_reply_received', date: '2024-04-25' });
  await recordCaseEvent(store, id, {
    type: 'decision_letter_received',
    date: '2024-05-01',
    ...(decisionAnswers ? { answers: sent.event.id } : {}),
  });
  await recordCaseEvent(store, id, { type: 'complaint_sent', date: '2024-05-20' });
  return { id, dispute: squash(kept.drafted.letter.text) };
}

beforeAll(async () => {
  lazy = lazyStore({ dataDir: await freshDataDir() });
  const store = await lazy.store();
  ({ id: caseId, dispute: disputeText } = await storedCase(store, false));
  answeredCaseId = (await storedCase(store, true)).id;

  const context = (): ToolContext => ({ today, store: lazy.store });
  ({ client, close: closeClient } = await inMemoryClient(createMcpServer({ context, store: lazy.store }), 'reckoner-case-bundle'));
}, 120_000);

afterAll(async () => {
  await closeClient?.();
  await lazy?.close();
  cleanup();
});

/**
 * The bundle for `purpose`, as a client gets it from build_evidence_bundle on day `on`: its pages' text and where each
 * section starts.
 */
async function bundle(purpose: string, on = TODAY, id = caseId): Promise<{ cover: string; at: (id: string) => string }> {
  today = on;
  const result = (await client.callTool({ name: 'build_evidence_bundle', arguments: { caseId: id, purpose } })) as CallToolResult;
  expect(result.isError ?? false).toBe(false);
  const out = result.structuredContent as { sections: { id: string; page: number }[]; file: { uri: string } };
  const blob = ((await client.readResource({ uri: out.file.uri })).contents[0] as { blob: string }).blob;
  const pages = (await extractPdfText(new Uint8Array(Buffer.from(blob, 'base64')))).split('\f').map(squash);
  const first = (section: string) => out.sections.find((s) => s.id === section)!.page;
  // The cover runs up to the index.
  return { cover: pages.slice(0, first('index') - 1).join(' '), at: (section) => pages[first(section) - 1]! };
}

describe('a receiving parent’s bundle asks CMS to trace the payment it records passing on that never arrived, as her letter does', () => {
  test('the letter: line 1 is the March payment, and it asks CMS to trace it', () => {
    // The ground truth the bundle must agree with: the letter's statement numbers the March payment line 1 (−£249.60).
    expect(disputeText).toContain(
      'Line 1 is a payment you record passing on to me that did not reach my account in full. If the paying parent paid it to you, what did not reach me is not the paying parent’s arrears: it is money you must trace and pay to me.',
    );
    expect(disputeText).toContain(
      'Trace each payment on line 1 of the schedule: tell me the date, the amount and the account you sent it to, and pay me what did not arrive.',
    );
  });

  test.each([
    [
      'mandatory_reconsideration',
      'I also ask CMS to trace each payment on line 1 of the reconciliation statement, tell me the date, the amount and the account it sent it to, and pay me what did not arrive.',
    ],
    [
      'complaint',
      'I also ask CMS to trace each payment on line 1 of the reconciliation statement, tell me the date, the amount and the account it sent it to, and pay me what did not arrive.',
    ],
    [
      'ice',
      'I also ask the Independent Case Examiner to recommend that CMS trace each payment on line 1 of the reconciliation statement, tell me the date, the amount and the account it sent it to, and pay me what did not arrive.',
    ],
    [
      'mp',
      'I also ask you to ask CMS to trace each payment on line 1 of the reconciliation statement, tell me the date, the amount and the account it sent it to, and pay me what did not arrive.',
    ],
  ])(
    'a %s bundle',
    async (purpose, ask) => {
      const { cover, at } = await bundle(purpose);
      // The same line, from the same statement: line 1, −£249.60 (the March payment: 249.60 passed on, none arrived).
      expect(cover).toContain('Line 1 of the reconciliation statement is a payment CMS records passing on to me');
      expect(at('statement')).toContain('1 5 March 2024 Payment passed on No such payment -£249.60');
      // Among what it asks, after the balance: £249.60 (748.80 due − 499.20 received) on 31 March 2024, owed to her, in
      // her letters' words: what CMS records passing on that never arrived is not his arrears if he paid it.
      expect(cover).toContain('right at £249.60 owed to me');
      expect(cover).toContain(ask);
    },
    60_000,
  );

  test('a tribunal bundle does not ask the tribunal to trace it: collection is not a decision it hears', async () => {
    const { cover } = await bundle('tribunal');
    expect(cover).toContain('it is money CMS must trace and pay to me.');
    expect(cover).not.toContain('ask CMS to trace');
    expect(cover).not.toMatch(/ask the tribunal to[^.]*trace/);
  }, 60_000);
});

describe('a complaint, ICE or MP bundle lists as next only what CMS or DWP must do', () => {
  // Her complaint went on Monday 20 May 2024 (England and Wales): CMS's acknowledgement is due 2 working days on,
  // Wednesday 22 May; its response 15 working days on: 21–24 May (4), Monday 27 May a bank holiday, 28–31 May (8),
  // 3–7 June (13), 10–11 June (15), Tuesday 11 June 2024. Her own: the reminder to escalate, 20 working days on
  // (12–14 and 17–18 June: Tuesday 18 June), and the decision letter of 1 May 2024's outer limit for a late
  // reconsideration, 13 calendar months on: 1 June 2025. Its 30-day limit (31 May 2024) has passed.
  const intro =
    'As at 3 June 2024: the replies owed to me that are overdue, the replies CMS or DWP still owes (the next one first), and the deadlines met by a later reply or step. My own time limits and reminders still to come are not listed: they are mine to act on, not something CMS or DWP must do.';

  test.each(['complaint', 'ice', 'mp'])(
    'a %s bundle: CMS’s response is next; her own late-reconsideration limit and her reminder are left out, and it says so',
    async (purpose) => {
      const table = (await bundle(purpose)).at('deadlines');
      expect(table).toContain(intro);
      expect(table).toMatch(/Overdue 22 May 2024 Acknowledgement of my/);
      expect(table).toMatch(/Next 11 Jun 2024 Response to my/);
      expect(table).not.toContain('Outer limit for a late');
      expect(table).not.toContain('1 Jun 2025');
      expect(table).not.toContain('Escalate the complaint');
      expect(table).not.toContain('Coming');
    },
    60_000,
  );

  test('once CMS owes nothing more that is still to come, nothing is next: not her late-reconsideration limit', async () => {
    // On 1 July 2024 both complaint clocks have passed: 22 May and 11 June 2024. What is still to come is hers alone.
    const table = (await bundle('complaint', '2024-07-01')).at('deadlines');
    expect(table).toMatch(/Overdue 11 Jun 2024 Response to my/);
    expect(table).not.toMatch(/Next|Coming/);
    expect(table).not.toContain('Outer limit for a late');
    expect(table).toContain('My own time limits and reminders still to come are not listed');
  }, 60_000);

  test('a reconsideration bundle still lists her own limits: whether she is in time is CMS’s first question', async () => {
    const table = (await bundle('mandatory_reconsideration')).at('deadlines');
    expect(table).toMatch(/Passed 31 May 2024 Last day for CMS to/);
    expect(table).toMatch(/Coming 1 Jun 2025 Outer limit for a late/);
    expect(table).not.toContain('are not listed');
  }, 60_000);
});

describe('the cover counts as replies only the events that are replies', () => {
  test('the replies: the received events that meet a deadline her own request or complaint started (calc/deadlines)', () => {
    expect([...REPLY_EVENTS].sort()).toEqual([
      'breakdown_received',
      'complaint_reply_received',
      'dispute_reply_received',
      'enforcement_pause_reply_received',
      'ice_eligible',
      'mr_notice_received',
      'rectification_reply_received',
      'refund_reply_received',
      'sar_reply_received',
    ]);
  });

  test('a decision letter that answers nothing of hers is not a reply to her letters', async () => {
    // Received: CMS's reply to her dispute (25 April 2024) and a decision letter (1 May 2024) recorded as answering nothing.
    const { cover } = await bundle('complaint');
    expect(cover).toContain(
      'I have written once: Dispute of specific recorded payments and arrears entries (8 April 2024). One reply has arrived, on 25 April 2024. One deadline for CMS or DWP to reply has passed without a reply: Acknowledgement of my stage-1 complaint due (22 May 2024).',
    );
    expect(cover).not.toContain('replies and decisions');
  }, 60_000);

  test('a decision letter recorded as CMS’s answer to her dispute is one', async () => {
    const { cover } = await bundle('complaint', TODAY, answeredCaseId);
    expect(cover).toContain('2 replies have arrived, the latest on 1 May 2024.');
  }, 60_000);
});

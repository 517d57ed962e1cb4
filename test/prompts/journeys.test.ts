/**
 * Issue 13 item 8, "prompts follow the case": for each of the five prompts, a scripted client gets the prompt
 * (prompts/get with arguments) from the real server (createMcpServer over InMemoryTransport; the Hono app's
 * /mcp over Streamable HTTP on a real socket, on one real PGlite store; and bin/reckoner mcp over stdio on a store of its own,
 * its day fixed by RECKONER_TODAY), reads the tools its steps name in order, and follows them with what a user would type or show —
 * names, the CMS reference, dates and weekly amounts printed on their letters, their circumstances, their
 * documents (rendered from test/fixtures ground truth), their grounds in words — and, from Reckoner's results,
 * only the ids it gives (caseId, letterId). Then:
 * - the tools are called exactly in the order the steps name them (each scripted step calls only its tool);
 * - every figure (£ amount or date) in any call's arguments is one the user typed or showed: nothing was
 *   carried from a result to a call;
 * - every figure in the final letter's text (draft_letter's `text`) is one the user typed or showed, or is in an
 *   earlier tool result (its text content or structured content, letter bodies left out), or is one of the
 *   figures and deadlines the draft itself lists with their sources: no figure originates in a prompt or in the
 *   model.
 *
 * The server's day is fixed (TODAY) and moved on only where a reply arrives weeks later.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpServer } from '../../server/mcp.ts';
import { parseDocument } from '../../statements/index.ts';
import { lazyStore, type LazyStore } from '../../store/open.ts';
import { renderTruth } from '../fixtures/pdf/generate.ts';
import { BANK_CSV, CMS_STATEMENT, CSV_MAPPING } from '../fixtures/payments-dispute.ts';
import { RECKONER, startHttp } from '../server/helpers.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { dataFigures, LETTER_TOOLS, letterFigures, missing, Session, toolsNamed, withoutBodies, type Clock, type Step } from './journey.ts';

const TODAY = '2024-04-15';

const TRUTH = CMS_STATEMENT;
const base64 = (bytes: string | Uint8Array) => Buffer.from(bytes).toString('base64');

const ME = { role: 'paying_parent', name: 'Sam Example', address: '1 Test Street\nTestville\nTE1 1ST' } as const;
const OTHER = { role: 'receiving_parent', name: 'Alex Example', addressWithheld: true } as const;

/** One child, no nights with the paying parent, on a gross weekly income. */
const circumstances = (grossWeeklyIncome: number, nightsPerYear = 0) => ({
  payingParent: { grossWeeklyIncome },
  receivingParents: [{ children: [{ nightsPerYear }] }],
});

interface Journey {
  readonly prompt: string;
  /** What the user filled in when starting the conversation. */
  readonly args: Record<string, string>;
  /** Everything else the user types or shows (their letters' figures, their circumstances, their documents). */
  readonly user: unknown;
  /** The steps in the prompt's order, each with what the user gives for it. */
  readonly steps: readonly Step[];
}

// ---------------------------------------------------------------------------------------------------
// What each user has. Figures on CMS letters are the user's (printed on paper they hold).

/** A paying parent whose CMS calculation used £600 a week; the right figure is £450. One child, no shared care. */
const CHECK = {
  decision: { letterDate: '2024-04-02', effectiveDate: '2024-04-09', weeklyAmount: '72.00' },
  cmsUsed: circumstances(600),
  right: circumstances(450),
  grounds: ['The calculation used my income from before I changed jobs; my gross pay since January is lower, as my payslips show.'],
  sentOn: TODAY,
  noticeArrived: '2024-05-13',
};

/** A paying parent on Collect and Pay disputing the balance on the CMS statement of account (the fixture's truth). */
const ARREARS = {
  decision: { effectiveDate: '2023-10-05', letterDate: '2023-09-20', weeklyAmount: '64.62' },
  firstDueDate: '2023-10-05',
  typedEntry: { date: '2024-03-20', type: 'collection_fee', amount: '4.00', description: 'Collection fee (letter of 20 March 2024)' },
  evidence: { type: 'payslip_deduction', date: '2024-03-28', amount: '50.00', from: 'Acme Ltd', description: 'CMS DEO' },
  payee: 'CMS PAYMENT',
  documents: { bank: BANK_CSV, cms: TRUTH },
  sentOn: TODAY,
  replyArrived: '2024-05-02',
};

/** A paying parent challenging a decision that left out the nights the child stays with them (104 a year). */
const CHALLENGE = {
  decision: { letterDate: '2024-04-03', effectiveDate: '2024-04-10', weeklyAmount: '60.00' },
  cmsUsed: circumstances(500),
  right: circumstances(500, 104),
  grounds: ['The decision ignores the two nights a week our son stays with me, which the court order sets out.'],
  sentOn: TODAY,
  noticeArrived: '2024-05-20',
};

/** The same parent, further on: CMS looked again and would not change the decision, so they appeal. */
const APPEAL = {
  decision: { letterDate: '2024-02-20', effectiveDate: '2024-02-27' },
  noticeDate: '2024-04-08',
  cmsUsed: circumstances(500),
  right: circumstances(500, 104),
  grounds: ['CMS refused to count the two nights a week our son stays with me, although the court order sets them out.'],
  hearing: 'oral',
  tribunalAddress: ['HMCTS SSCS Appeals Centre', 'PO Box 12626', 'Harlow', 'CM20 9QF'],
  sentOn: TODAY,
  acknowledged: '2024-04-29',
};

/** The nights go from 52 to 156 a year; the paying parent earns £600 a week. */
const SHARED = {
  decision: { effectiveDate: '2023-10-05', letterDate: '2023-09-20' },
  now: circumstances(600, 52),
  after: circumstances(600, 156),
  changedOn: '2024-04-06',
  sentOn: TODAY,
  newDecision: { letterDate: '2024-05-08', effectiveDate: '2024-04-06' },
};

/** The start_a_case user also holds the annual review (the same weekly amount, from April) and called CMS once. */
const ANNUAL_REVIEW = { label: 'annual review 2024', effectiveDate: '2024-04-05', letterDate: '2024-03-20', weeklyAmount: '64.62' };
const CALLED_ON = '2024-04-02';

// ---------------------------------------------------------------------------------------------------
// The journeys.

const JOURNEYS: Journey[] = [
  {
    prompt: 'check_my_calculation',
    args: {
      side: 'paying',
      decisionDate: CHECK.decision.letterDate,
      effectiveDate: CHECK.decision.effectiveDate,
      cmsWeeklyAmount: CHECK.decision.weeklyAmount,
    },
    user: CHECK,
    steps: [
      ['list_cases', async (s) => void (await s.call({}))],
      [
        'create_case',
        async (s) => {
          s.caseId = (
            await s.call({ title: 'My CMS calculation', side: 'paying', reference: TRUTH.caseReferencePrinted, parties: [ME, OTHER] })
          ).id;
        },
      ],
      [
        'add_decision',
        async (s) => {
          const { letterDate, effectiveDate } = CHECK.decision;
          await s.call({ caseId: s.caseId, decision: { effectiveDate, letterDate, calculation: CHECK.cmsUsed } });
        },
      ],
      [
        'record_event',
        async (s) => void (await s.call({ caseId: s.caseId, type: 'decision_letter_received', date: CHECK.decision.letterDate })),
      ],
      [
        'calculate_maintenance',
        async (s) => {
          await s.call({ date: CHECK.decision.effectiveDate, ...CHECK.cmsUsed });
          await s.call({ date: CHECK.decision.effectiveDate, ...CHECK.right });
        },
      ],
      ['get_case', async (s) => void (await s.call({ caseId: s.caseId }))],
      ['list_letter_types', async (s) => void (await s.call({ type: 'mandatory_reconsideration' }))],
      ['draft_letter', async (s) => void (await s.call({ caseId: s.caseId, ...reconsideration(CHECK) }))],
      ['save_letter', async (s) => void (s.letterId = (await s.call({ caseId: s.caseId, ...reconsideration(CHECK) })).letter.id)],
      [
        'mark_letter_sent',
        async (s) => void (await s.call({ caseId: s.caseId, letterId: s.letterId, sentOn: CHECK.sentOn, method: 'recorded_delivery' })),
      ],
      [
        'record_event',
        async (s) => {
          s.clock.today = CHECK.noticeArrived;
          await s.call({ caseId: s.caseId, type: 'mr_notice_received', date: CHECK.noticeArrived });
        },
      ],
      ['export_calendar', async (s) => void (await s.call({ caseId: s.caseId }))],
    ],
  },
  {
    prompt: 'dispute_arrears',
    args: { side: 'paying', claimedBalance: TRUTH.summary.closing, claimDate: TRUTH.periodEnd, enforcement: 'none' },
    user: ARREARS,
    steps: [
      ['list_cases', async (s) => void (await s.call({}))],
      ['create_case', async (s) => void (s.caseId = (await s.call(arrearsCase('Payments dispute'))).id)],
      ['add_decision', async (s) => void (await s.call({ caseId: s.caseId, decision: ARREARS.decision }))],
      ['import_document', importDocuments],
      ['add_cms_entries', async (s) => void (await s.call({ caseId: s.caseId, entries: [ARREARS.typedEntry] }))],
      ['add_evidence', async (s) => void (await s.call({ caseId: s.caseId, evidence: [ARREARS.evidence] }))],
      ['build_case_schedule', async (s) => void (await s.call({ caseId: s.caseId }))],
      ['reconcile_case', async (s) => void (await s.call({ caseId: s.caseId, bankFilter: { descriptionContains: [ARREARS.payee] } }))],
      ['list_letter_types', async (s) => void (await s.call({ type: 'payment_dispute' }))],
      ['draft_letter', async (s) => void (await s.call({ caseId: s.caseId, type: 'payment_dispute' }))],
      ['save_letter', async (s) => void (s.letterId = (await s.call({ caseId: s.caseId, type: 'payment_dispute' })).letter.id)],
      [
        'mark_letter_sent',
        async (s) => void (await s.call({ caseId: s.caseId, letterId: s.letterId, sentOn: ARREARS.sentOn, method: 'recorded_delivery' })),
      ],
      [
        'record_event',
        async (s) => {
          s.clock.today = ARREARS.replyArrived;
          await s.call({ caseId: s.caseId, type: 'dispute_reply_received', date: ARREARS.replyArrived, summary: 'CMS replied' });
        },
      ],
      ['export_calendar', async (s) => void (await s.call({ caseId: s.caseId }))],
      ['build_evidence_bundle', async (s) => void (await s.call({ caseId: s.caseId, purpose: 'complaint' }))],
    ],
  },
  {
    prompt: 'shared_care_change',
    args: { side: 'paying', currentNights: '52', newNights: '156', changeDate: SHARED.changedOn },
    user: SHARED,
    steps: [
      ['list_cases', async (s) => void (await s.call({}))],
      [
        'create_case',
        async (s) => {
          s.caseId = (
            await s.call({ title: 'Shared care', side: 'paying', reference: TRUTH.caseReferencePrinted, parties: [ME, OTHER] })
          ).id;
        },
      ],
      ['add_decision', async (s) => void (await s.call({ caseId: s.caseId, decision: { ...SHARED.decision, calculation: SHARED.now } }))],
      [
        'calculate_maintenance',
        async (s) => {
          await s.call({ date: SHARED.changedOn, ...SHARED.now });
          await s.call({ date: SHARED.changedOn, ...SHARED.after });
        },
      ],
      ['list_letter_types', async (s) => void (await s.call({ type: 'change_of_circumstances' }))],
      ['draft_letter', async (s) => void (await s.call({ caseId: s.caseId, ...changeOfCircumstances() }))],
      ['save_letter', async (s) => void (s.letterId = (await s.call({ caseId: s.caseId, ...changeOfCircumstances() })).letter.id)],
      [
        'mark_letter_sent',
        async (s) => void (await s.call({ caseId: s.caseId, letterId: s.letterId, sentOn: SHARED.sentOn, method: 'post' })),
      ],
      [
        'record_event',
        async (s) => {
          s.clock.today = SHARED.newDecision.letterDate;
          await s.call({ caseId: s.caseId, type: 'decision_letter_received', date: SHARED.newDecision.letterDate });
        },
      ],
      [
        'add_decision',
        async (s) => void (await s.call({ caseId: s.caseId, decision: { ...SHARED.newDecision, calculation: SHARED.after } })),
      ],
      ['export_calendar', async (s) => void (await s.call({ caseId: s.caseId }))],
    ],
  },
  {
    prompt: 'challenge_a_decision',
    args: { stage: 'decision', letterDate: CHALLENGE.decision.letterDate },
    user: CHALLENGE,
    steps: [
      ['list_cases', async (s) => void (await s.call({}))],
      [
        'create_case',
        async (s) => {
          s.caseId = (
            await s.call({ title: 'Nights left out', side: 'paying', reference: TRUTH.caseReferencePrinted, parties: [ME, OTHER] })
          ).id;
        },
      ],
      [
        'add_decision',
        async (s) => {
          const { letterDate, effectiveDate } = CHALLENGE.decision;
          await s.call({ caseId: s.caseId, decision: { effectiveDate, letterDate, calculation: CHALLENGE.cmsUsed } });
        },
      ],
      [
        'record_event',
        async (s) => void (await s.call({ caseId: s.caseId, type: 'decision_letter_received', date: CHALLENGE.decision.letterDate })),
      ],
      [
        'calculate_maintenance',
        async (s) => {
          await s.call({ date: CHALLENGE.decision.effectiveDate, ...CHALLENGE.cmsUsed });
          await s.call({ date: CHALLENGE.decision.effectiveDate, ...CHALLENGE.right });
        },
      ],
      ['list_letter_types', async (s) => void (await s.call({ type: 'mandatory_reconsideration' }))],
      ['draft_letter', async (s) => void (await s.call({ caseId: s.caseId, ...reconsideration(CHALLENGE) }))],
      ['save_letter', async (s) => void (s.letterId = (await s.call({ caseId: s.caseId, ...reconsideration(CHALLENGE) })).letter.id)],
      ['mark_letter_sent', async (s) => void (await s.call({ caseId: s.caseId, letterId: s.letterId, sentOn: CHALLENGE.sentOn }))],
      [
        'record_event',
        async (s) => {
          s.clock.today = CHALLENGE.noticeArrived;
          await s.call({ caseId: s.caseId, type: 'mr_notice_received', date: CHALLENGE.noticeArrived });
        },
      ],
      ['export_calendar', async (s) => void (await s.call({ caseId: s.caseId }))],
    ],
  },
  {
    prompt: 'challenge_a_decision',
    args: { stage: 'reconsidered', letterDate: APPEAL.noticeDate },
    user: APPEAL,
    steps: [
      ['list_cases', async (s) => void (await s.call({}))],
      [
        'create_case',
        async (s) => {
          s.caseId = (await s.call({ title: 'Appeal', side: 'paying', reference: TRUTH.caseReferencePrinted, parties: [ME, OTHER] })).id;
        },
      ],
      [
        'add_decision',
        async (s) => void (await s.call({ caseId: s.caseId, decision: { ...APPEAL.decision, calculation: APPEAL.cmsUsed } })),
      ],
      ['record_event', async (s) => void (await s.call({ caseId: s.caseId, type: 'mr_notice_received', date: APPEAL.noticeDate }))],
      [
        'calculate_maintenance',
        async (s) => {
          await s.call({ date: APPEAL.decision.effectiveDate, ...APPEAL.cmsUsed });
          await s.call({ date: APPEAL.decision.effectiveDate, ...APPEAL.right });
        },
      ],
      ['list_letter_types', async (s) => void (await s.call({ type: 'tribunal_appeal' }))],
      ['draft_letter', async (s) => void (await s.call({ caseId: s.caseId, ...appeal() }))],
      ['save_letter', async (s) => void (s.letterId = (await s.call({ caseId: s.caseId, ...appeal() })).letter.id)],
      [
        'mark_letter_sent',
        async (s) => void (await s.call({ caseId: s.caseId, letterId: s.letterId, sentOn: APPEAL.sentOn, method: 'recorded_delivery' })),
      ],
      [
        'record_event',
        async (s) => {
          s.clock.today = APPEAL.acknowledged;
          await s.call({
            caseId: s.caseId,
            type: 'letter_received',
            date: APPEAL.acknowledged,
            summary: 'Tribunal acknowledged the appeal',
          });
        },
      ],
      ['export_calendar', async (s) => void (await s.call({ caseId: s.caseId }))],
    ],
  },
  {
    prompt: 'start_a_case',
    args: { side: 'paying', title: 'CMS arrears 2024', reference: TRUTH.caseReferencePrinted },
    user: { ARREARS, ANNUAL_REVIEW, CALLED_ON },
    steps: [
      ['list_cases', async (s) => void (await s.call({}))],
      [
        'create_case',
        async (s) => void (s.caseId = (await s.call({ ...arrearsCase('CMS arrears 2024'), decisions: [ARREARS.decision] })).id),
      ],
      ['add_decision', async (s) => void (await s.call({ caseId: s.caseId, decision: ANNUAL_REVIEW }))],
      ['import_document', importDocuments],
      ['add_cms_entries', async (s) => void (await s.call({ caseId: s.caseId, entries: [ARREARS.typedEntry] }))],
      ['add_evidence', async (s) => void (await s.call({ caseId: s.caseId, evidence: [ARREARS.evidence] }))],
      [
        'record_event',
        async (s) => {
          await s.call({ caseId: s.caseId, type: 'decision_letter_received', date: ANNUAL_REVIEW.letterDate, summary: 'Annual review' });
          await s.call({ caseId: s.caseId, type: 'call', date: CALLED_ON, summary: 'Asked CMS about the balance' });
        },
      ],
      ['get_case', async (s) => void (await s.call({ caseId: s.caseId }))],
      ['build_case_schedule', async (s) => void (await s.call({ caseId: s.caseId }))],
      ['reconcile_case', async (s) => void (await s.call({ caseId: s.caseId, bankFilter: { descriptionContains: [ARREARS.payee] } }))],
      ['list_letter_types', async (s) => void (await s.call({ type: 'account_breakdown_request' }))],
      ['draft_letter', async (s) => void (await s.call({ caseId: s.caseId, ...breakdownRequest() }))],
      ['save_letter', async (s) => void (s.letterId = (await s.call({ caseId: s.caseId, ...breakdownRequest() })).letter.id)],
      [
        'mark_letter_sent',
        async (s) => void (await s.call({ caseId: s.caseId, letterId: s.letterId, sentOn: ARREARS.sentOn, method: 'post' })),
      ],
      ['export_calendar', async (s) => void (await s.call({ caseId: s.caseId }))],
      ['export_case', async (s) => void (await s.call({ caseId: s.caseId }))],
    ],
  },
];

function arrearsCase(title: string) {
  return {
    title,
    side: 'paying',
    service: 'collect_and_pay',
    reference: TRUTH.caseReferencePrinted,
    frequency: 'monthly',
    firstDueDate: ARREARS.firstDueDate,
    parties: [ME, OTHER],
  };
}

/** The bank statement (CSV) and the CMS statement of account (PDF rendered from the fixture's truth). */
async function importDocuments(s: Session): Promise<void> {
  await s.call({ caseId: s.caseId, contentBase64: base64(BANK_CSV), filename: 'bank.csv', csvMapping: CSV_MAPPING });
  await s.call({ caseId: s.caseId, contentBase64: base64(cmsStatementPdf), filename: 'cms-statement.pdf' });
}

/** A mandatory reconsideration from the case: the kind of decision and the grounds in words, the right circumstances. */
function reconsideration(u: { grounds: string[]; right: unknown }) {
  return {
    type: 'mandatory_reconsideration',
    facts: { decision: { type: 'maintenance_calculation' }, grounds: u.grounds },
    calculation: u.right,
  };
}

/** The appeal from the case: the decision's kind, the grounds, the hearing and the address on form SSCS2; the right circumstances. */
function appeal() {
  return {
    type: 'tribunal_appeal',
    facts: {
      decision: { type: 'maintenance_calculation' },
      grounds: APPEAL.grounds,
      hearing: APPEAL.hearing,
      tribunalAddress: APPEAL.tribunalAddress,
    },
    calculation: APPEAL.right,
  };
}

function changeOfCircumstances() {
  return {
    type: 'change_of_circumstances',
    facts: {
      change: 'shared_care_nights',
      changedOn: SHARED.changedOn,
      details: 'From the start of the school term our daughter stays with me three nights a week, as we have agreed in writing.',
    },
    calculation: { date: SHARED.changedOn, ...SHARED.after },
  };
}

function breakdownRequest() {
  return { type: 'account_breakdown_request', facts: { statedIn: 'letter', statedOn: TRUTH.periodEnd } };
}

// ---------------------------------------------------------------------------------------------------

let lazy: LazyStore;
const clock: Clock = { today: TODAY };
const context = () => ({ today: clock.today, store: lazy.store });

/** A client of the real server, in process, over HTTP or over stdio, with what closes it. */
interface Connected {
  /** The client of a server that works on `today`. */
  clientOn(today: string): Promise<Client>;
  close(): Promise<void>;
}

/** The same client whatever the day: the server reads the day from `clock` on every call. */
const always = (client: Client) => async () => client;

const TRANSPORTS: [string, () => Promise<Connected>][] = [
  [
    'InMemoryTransport',
    async () => {
      const server = createMcpServer({ context, store: lazy.store });
      const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
      await server.connect(serverTransport);
      const client = new Client({ name: 'reckoner-journeys', version: '0.0.0' });
      await client.connect(clientTransport);
      return { clientOn: always(client), close: () => client.close() };
    },
  ],
  [
    'Streamable HTTP',
    async () => {
      const http = await startHttp({ context, store: lazy.store });
      const client = new Client({ name: 'reckoner-journeys', version: '0.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(`${http.origin}/mcp`)));
      return {
        clientOn: always(client),
        close: async () => {
          await client.close();
          await http.close();
        },
      };
    },
  ],
  [
    'stdio',
    async () => {
      // bin/reckoner mcp, as a desktop client starts it, on a store of its own. Its day is fixed when it starts
      // (RECKONER_TODAY), so when a journey's day moves on the server is stopped and started again on the same
      // store, as a user's client would be the next morning.
      const dataDir = await freshDataDir();
      let running: { day: string; client: Client } | undefined;
      const stop = async () => {
        const was = running;
        running = undefined;
        await was?.client.close();
      };
      return {
        async clientOn(today) {
          if (running?.day === today) return running.client;
          await stop();
          const client = new Client({ name: 'reckoner-journeys', version: '0.0.0' });
          await client.connect(
            new StdioClientTransport({
              command: RECKONER,
              args: ['mcp'],
              env: { PATH: process.env.PATH!, HOME: dataDir, RECKONER_DATA_DIR: dataDir, RECKONER_TODAY: today },
              stderr: 'pipe',
            }),
          );
          running = { day: today, client };
          return client;
        },
        close: stop,
      };
    },
  ],
];

/** The CMS statement of account as the user holds it: the PDF rendered from the fixture's truth (once). */
let cmsStatementPdf: Uint8Array;

beforeAll(async () => {
  lazy = lazyStore({ dataDir: await freshDataDir() });
  cmsStatementPdf = await renderTruth(TRUTH);
  // Started here, so that no journey's time includes starting PGlite or the document reader's first PDF.
  await Promise.all([lazy.store(), parseDocument({ bytes: cmsStatementPdf, filename: 'warm-up.pdf' })]);
}, 60_000);

afterAll(async () => {
  await lazy?.close();
  cleanup();
});

describe.each(TRANSPORTS)('each prompt, followed step by step against the real server over %s', (_transport, connect) => {
  let connected: Connected;
  beforeAll(async () => void (connected = await connect()), 30_000);
  afterAll(async () => connected?.close());

  test.each(JOURNEYS.map((j) => [`${j.prompt} ${JSON.stringify(j.args)}`, j] as const))(
    '%s',
    async (_name, journey) => {
      clock.today = TODAY;
      const client = await connected.clientOn(TODAY);
      const got = await client.getPrompt({ name: journey.prompt, arguments: journey.args });
      const message = got.messages[0]!;
      const brief = message.content.type === 'text' ? message.content.text : '';
      const named = toolsNamed(brief);

      // The script is written in the prompt's order: one scripted step per tool the steps name, in that order.
      expect(journey.steps.map(([tool]) => tool)).toEqual(named);

      const session = new Session((today) => connected.clientOn(today), clock);
      for (const [i, [tool, act]] of journey.steps.entries()) {
        session.begin(i, tool);
        await act(session);
      }

      // Called in the prompt's order: each step made at least one call, to its own tool, and the calls go step by step.
      const steps = session.calls.map((c) => c.step);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      expect(new Set(steps).size).toBe(named.length);
      const called = session.calls.map((c) => c.tool).filter((t, i, all) => t !== all[i - 1]);
      expect(called).toEqual(named);

      // Nothing carried from a result to a call: every figure in every call's arguments is the user's.
      const typed = dataFigures([journey.args, journey.user, { today: TODAY }], { numbers: true });
      for (const call of session.calls) {
        const { contentBase64: _document, ...args } = call.args;
        expect(missing(dataFigures([args], { numbers: true }), typed), `${call.tool} ${JSON.stringify(args)}`).toEqual([]);
      }

      // The final letter: the last draft, and every figure in it from the user or an earlier result.
      const drafts = session.calls.filter((c) => c.tool === 'draft_letter');
      expect(drafts.length).toBeGreaterThan(0);
      const draft = drafts.at(-1)!;
      expect(draft.structured.fromCase, 'the letter was drafted from the case').toEqual(
        expect.arrayContaining(['sender', 'caseReference']),
      );
      const letter = letterFigures(`${draft.structured.text}\n${draft.structured.markdown}`);
      expect(letter.amounts.size + letter.dates.size, 'the letter quotes figures').toBeGreaterThan(0);

      const earlier = session.calls.filter((c) => session.calls.indexOf(c) < session.calls.indexOf(draft));
      const fromResults = dataFigures(
        earlier.flatMap((c) => [withoutBodies(c.structured), LETTER_TOOLS.has(c.tool) ? '' : Session.text(c)]),
      );
      const listedByTheDraft = dataFigures([draft.structured.figures, draft.structured.deadlines, draft.structured.sentOn]);
      expect(
        missing(letter, typed, fromResults, listedByTheDraft),
        `figures in the ${draft.structured.type} letter with no source`,
      ).toEqual([]);
      // Not vacuous: some of the letter's figures are Reckoner's, found in results before the draft.
      expect(missing(letter, fromResults).length).toBeLessThan(letter.amounts.size + letter.dates.size);
    },
    20_000,
  );
});

describe('the checks themselves (synthetic text)', () => {
  test('a letter’s figures are read however they are written, and one with no source is named', () => {
    const letter = letterFigures('DATED 2 APRIL 2024. You owe £1,026.00 (not £72) by 2024-05-02; paid 12/03/2024.');
    expect([...letter.amounts]).toEqual(['1026.00', '72.00']);
    expect([...letter.dates].sort()).toEqual(['2024-03-12', '2024-04-02', '2024-05-02']);
    const results = dataFigures([{ balance: '-1026.00', deadlines: [{ date: '2024-05-02' }], count: 72 }]);
    const typed = dataFigures([{ letterDate: '2024-04-02', paid: '12/03/2024' }], { numbers: true });
    // 72 is a count in the result, not money, so £72.00 has no source: a figure the model (or a prompt) made up.
    expect(missing(letter, results, typed)).toEqual(['£72.00']);
    expect(missing(letter, results, typed, dataFigures([{ weekly: 72 }], { numbers: true }))).toEqual([]);
  });

  test('a figure carried from a result into a call is caught, and a letter is not its own source', () => {
    const typed = dataFigures([{ date: '2024-04-02', amount: '64.62' }], { numbers: true });
    const carried = { caseId: '0f8fad5b-d9cb-469f-a165-70867728950e', facts: { replyBy: '2024-05-02' } };
    expect(missing(dataFigures([carried], { numbers: true }), typed)).toEqual(['2024-05-02']);
    expect(withoutBodies({ markdown: '£9.99', text: '£9.99', figures: [{ value: '£1.00' }] })).toEqual({ figures: [{ value: '£1.00' }] });
  });

  test('the tools a brief’s steps name, in order, a tool named twice in a row once', () => {
    const brief =
      '# T\n\nCall `get_case` first.\n\n## Steps\n1. `list_cases`, then `create_case`.\n2. `calculate_maintenance` twice: `calculate_maintenance`.\n3. `not_a_tool`, then `create_case` again.';
    expect(toolsNamed(brief)).toEqual(['list_cases', 'create_case', 'calculate_maintenance', 'create_case']);
  });
});

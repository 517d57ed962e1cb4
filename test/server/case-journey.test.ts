/**
 * Issue 12's journey, end to end over real stdio MCP (`bin/reckoner mcp`, the SDK's stdio client, a PGlite store
 * in a temporary directory): the case carries the dispute, so after the records go in, no figure, date or fact
 * the case holds is sent again.
 *
 * create_case → import a bank CSV and a CMS statement PDF (rendered from the ground truth
 * test/fixtures/pdf/truth/cms-statement-of-account.json) → add_cms_entries by hand → add_decision →
 * reconcile_case → draft_letter {caseId, type} and nothing else → save_letter → mark_letter_sent → get_case shows
 * its deadlines as next → record_event the reply → those deadlines are met → build_evidence_bundle (its text, by
 * the project's own PDF extraction, holds the bridge figures; each index entry's page is where that section
 * starts; the chart is there) → export_calendar parses as iCalendar (ical.js).
 *
 * The server's today is the real day (Europe/London); every date below is counted from it or is in the truth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { deadlinesForEvent } from '../../calc/deadlines/index.ts';
import { todayInUk } from '../../server/today.ts';
import { extractPdfText } from '../../statements/pdf/index.ts';
import { renderTruth } from '../fixtures/pdf/generate.ts';
import { BANK_CSV, CMS_STATEMENT, CSV_MAPPING } from '../fixtures/payments-dispute.ts';
import { RECKONER, textOf } from './helpers.ts';

const TRUTH = CMS_STATEMENT;

let dir: string;
let transport: StdioClientTransport;
let client: Client;

async function call(name: string, args: Record<string, unknown>): Promise<Record<string, any>> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
  return result.structuredContent as Record<string, any>;
}

/** A file a tool made, read as a client reads it: resources/read of its reckoner://files/ link. */
async function fileBytes(uri: string): Promise<Buffer> {
  const item = (await client.readResource({ uri })).contents[0] as { blob: string };
  return Buffer.from(item.blob, 'base64');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reckoner-journey-'));
  transport = new StdioClientTransport({
    command: RECKONER,
    args: ['mcp'],
    env: { ...(process.env as Record<string, string>), RECKONER_DATA_DIR: dir },
    stderr: 'pipe',
  });
  client = new Client({ name: 'reckoner-journey', version: '0.0.0' });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await transport?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the case carries the dispute, over stdio MCP', () => {
  test('from records to letter, deadlines, bundle and calendar, with nothing re-sent', { timeout: 180_000 }, async () => {
    const today = todayInUk();

    // 1. The case, with the paying parent (the sender of every letter) and the CMS reference.
    const created = await call('create_case', {
      title: 'Payments dispute',
      side: 'paying',
      service: 'collect_and_pay',
      reference: TRUTH.caseReference,
      frequency: 'monthly',
      firstDueDate: '2023-10-05',
      parties: [
        { role: 'paying_parent', name: 'Sam Example', address: '1 Test Street\nTestville\nTE1 1ST' },
        { role: 'receiving_parent', name: 'Alex Example', addressWithheld: true, address: 'Hidden Road, Secretown, SE1 1RT' },
      ],
    });
    const caseId = created.id as string;

    // 2. Documents: the bank CSV (6 rows) and the CMS statement PDF (19 rows in the truth).
    const bank = await call('import_document', {
      caseId,
      contentBase64: Buffer.from(BANK_CSV).toString('base64'),
      filename: 'bank.csv',
      csvMapping: CSV_MAPPING,
    });
    expect(bank.new).toBe(6);
    const pdf = await renderTruth(TRUTH);
    const cms = await call('import_document', {
      caseId,
      contentBase64: Buffer.from(pdf).toString('base64'),
      filename: 'cms-statement.pdf',
    });
    expect(cms.new).toBe(TRUTH.rows.length);

    // 3. A line typed from a CMS letter, twice: kept once.
    const typed = { date: '2024-03-20', type: 'collection_fee', amount: '4.00', description: 'Collection fee (letter of 20 March 2024)' };
    expect((await call('add_cms_entries', { caseId, entries: [typed] })).new).toBe(1);
    expect((await call('add_cms_entries', { caseId, entries: [typed] })).alreadyThere).toBe(1);

    // list_cases and resources/list count what went in, case by case: 2 documents, 6 transactions, 19 + 1 CMS
    // entries here; nothing in a second, empty case (each count is of its own case's rows).
    const other = await call('create_case', { title: 'Empty', side: 'receiving' });
    const cases = (await call('list_cases', {})).cases as { id: string; counts: Record<string, number> }[];
    expect(cases.find((c) => c.id === caseId)!.counts).toMatchObject({ documents: 2, transactions: 6, cmsEntries: TRUTH.rows.length + 1 });
    expect(cases.find((c) => c.id === other.id)!.counts).toMatchObject({ documents: 0, transactions: 0, cmsEntries: 0 });
    const { resources } = await client.listResources();
    const described = (id: string) => resources.find((r) => r.uri === `reckoner://cases/${id}`)?.description;
    expect(described(caseId)).toContain(`2 documents, 6 bank transactions, ${TRUTH.rows.length + 1} CMS entries`);
    expect(described(other.id)).toContain('0 documents, 0 bank transactions, 0 CMS entries');

    // 4. The decision CMS made (its letter date and the weekly amount it states).
    await call('add_decision', { caseId, decision: { effectiveDate: '2023-10-05', letterDate: '2023-09-20', weeklyAmount: '64.62' } });

    // 5. Reconcile: CMS's claim is read from the statement (closing balance £598.00 on 31 March 2024).
    const rec = await call('reconcile_case', { caseId });
    expect(rec.readFromDocuments.claimFrom).toBe(cms.documentId);
    expect(rec.bridge.from).toBe(TRUTH.summary.closing);
    expect(rec.findings.length).toBeGreaterThan(0);

    // 6. The letter from the case, with nothing else: sender, reference, side and reconciliation all from the case.
    const draft = await call('draft_letter', { caseId, type: 'payment_dispute' });
    expect(draft.fromCase).toEqual(expect.arrayContaining(['sender', 'caseReference', 'senderRole', 'reconciliation']));
    expect(draft.text).toContain('Sam Example');
    expect(draft.text).toContain('1 Test Street');
    expect(draft.text).not.toContain('Hidden Road');

    // The breakdown request says where CMS stated the balance: the statement of account the case holds.
    const breakdown = await call('draft_letter', { caseId, type: 'account_breakdown_request' });
    expect(breakdown.fromCase).toContain('statedIn');
    expect(breakdown.text).toContain('In your statement of account you gave the balance on my account as');

    // 7. Kept as a draft, then marked sent today: that starts its clocks.
    const saved = await call('save_letter', { caseId, type: 'payment_dispute' });
    expect(saved.letter).toMatchObject({ status: 'draft', version: 1, letter: 'L04' });
    expect((await fileBytes(saved.file.uri)).subarray(0, 5).toString()).toBe('%PDF-');
    const sent = await call('mark_letter_sent', { caseId, letterId: saved.letter.id, sentOn: today, method: 'recorded_delivery' });
    expect(sent.event.type).toBe('payments_disputed');
    // The deadlines are calc's for a payment dispute sent today (calc/deadlines is tested against its sources).
    const expected = deadlinesForEvent('payments_disputed', today, 'england_and_wales');
    expect(sent.event.deadlines.map((d: { id: string; date: string }) => [d.id, d.date])).toEqual(expected.map((d) => [d.id, d.date]));
    const again = (await client.callTool({
      name: 'mark_letter_sent',
      arguments: { caseId, letterId: saved.letter.id, sentOn: today },
    })) as CallToolResult;
    expect(again.isError).toBe(true);
    expect(textOf(again)).toContain('letterId');

    // 8. get_case: those deadlines are next (none of them is before today).
    const before = await call('get_case', { caseId });
    const nextIds = before.timeline.next.map((d: { id: string }) => d.id);
    for (const d of expected) expect(nextIds).toContain(d.id);
    expect(before.timeline.met).toHaveLength(0);

    // The calendar now holds the open deadlines, one VEVENT each on its date.
    const calendarBefore = await call('export_calendar', { caseId });
    const vevents = new ICAL.Component(ICAL.parse(calendarBefore.ics)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(before.timeline.next.length + before.timeline.overdue.length);
    const starts = vevents.map((v) => String(v.getFirstPropertyValue('dtstart')));
    for (const d of expected) expect(starts).toContain(d.date);

    // 9. CMS's reply arrives today: the reply deadline it answers is met.
    const reply = await call('record_event', { caseId, type: 'dispute_reply_received', date: today, summary: 'CMS replied' });
    const after = await call('get_case', { caseId });
    const met = after.timeline.met.find((d: { id: string }) => d.id === 'dispute_reply_due');
    expect(met?.metBy?.eventId).toBe(reply.event.id);
    expect(after.timeline.next.map((d: { id: string }) => d.id)).not.toContain('dispute_reply_due');

    // 10. The bundle for the ICE.
    const bundle = await call('build_evidence_bundle', { caseId, purpose: 'ice' });
    const bytes = await fileBytes(bundle.file.uri);
    const text = await extractPdfText(new Uint8Array(bytes));
    const pages = text.split('\n\f\n');
    expect(pages).toHaveLength(bundle.pages);
    const pounds = (amount: string) => `£${Number(amount.replace('-', '')).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
    expect(text).toContain(pounds(rec.bridge.from));
    expect(text).toContain(pounds(rec.bridge.to));
    if (rec.bridge.difference !== '0.00') expect(text).toContain(pounds(rec.bridge.difference));
    for (const section of bundle.sections) {
      if (section.id === 'cover') continue;
      expect(pages[section.page - 1], `${section.title} on page ${section.page}`).toContain(section.title);
    }
    expect(bundle.sections.map((s: { id: string }) => s.id)).toContain('chart');
    expect(text).not.toContain('Hidden Road');
    expect(text).not.toContain('1 Test Street');

    // The picture of the account for the page: SVG (titled, for screen readers) and its text alternative.
    const chart = await client.readResource({ uri: `reckoner://cases/${caseId}/chart` });
    const svg = chart.contents.find((c) => c.mimeType === 'image/svg+xml') as { text: string };
    expect(svg.text).toMatch(/<svg[^>]*role="img"/);
    expect(svg.text).toContain('<title');
    expect((chart.contents.find((c) => c.mimeType === 'text/plain') as { text: string }).text.length).toBeGreaterThan(50);

    // 11. The calendar at the end still parses as iCalendar, with what is still open.
    const calendar = await call('export_calendar', { caseId });
    const parsed = new ICAL.Component(ICAL.parse(calendar.ics));
    expect(parsed.name).toBe('vcalendar');
    expect(parsed.getAllSubcomponents('vevent')).toHaveLength(after.timeline.next.length + after.timeline.overdue.length);
  });
});

/**
 * A refund request (L19) and CMS's answer are events of their own (`refund_requested`, `refund_reply_received`):
 * stored with the deadlines calc gives, read back, carried through an export; and a store made before them
 * (migrated up to 0011, with events of its own) takes them once migration 0012 has widened its check. On PGlite
 * always, on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlinesForEvent } from '../../calc/deadlines/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, DRIVERS, earlierMigrations, migrateWith, rawTransaction, sampleCase } from './helpers.ts';

afterAll(cleanup);

// Sent Monday 2 March 2026: 15 working days → Monday 23 March 2026 (no bank holiday in March 2026); + 5 → Monday 30 March.
const REFUND_DEADLINES = deadlinesForEvent('refund_requested', '2026-03-02', 'england_and_wales');

describe.each(DRIVERS)('a refund request and its reply, on $name', (driver) => {
  let drop: () => Promise<void>;
  let store: CaseStore;

  beforeAll(async () => {
    const fresh = await driver.fresh();
    drop = fresh.drop;
    store = await openStore(fresh.options);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('is stored with its deadlines, read back, and carried through an export and back', async () => {
    expect(REFUND_DEADLINES.map((d) => [d.id, d.date])).toEqual([
      ['refund_reply_due', '2026-03-23'],
      ['refund_escalate', '2026-03-30'],
    ]);
    const c = await sampleCase(store, 'Refund');
    const asked = await store.recordEvent(c.id, { type: 'refund_requested', date: '2026-03-02', deadlines: REFUND_DEADLINES });
    const reply = await store.recordEvent(c.id, { type: 'refund_reply_received', date: '2026-03-20', answers: asked.id });

    const detail = await store.getCase(c.id);
    expect(detail.events.map((e) => [e.date, e.type])).toEqual([
      ['2026-03-02', 'refund_requested'],
      ['2026-03-20', 'refund_reply_received'],
    ]);
    expect(detail.events.find((e) => e.id === asked.id)!.deadlines).toEqual(REFUND_DEADLINES);
    expect(detail.events.find((e) => e.id === reply.id)).toMatchObject({ answers: asked.id, deadlines: [] });

    const exported = await store.exportCase(c.id);
    expect(exported.events.map((e) => e.type).sort()).toEqual(['refund_reply_received', 'refund_requested']);
    await store.deleteCase(c.id);
    const back = await store.importCaseExport(exported);
    expect(back.events.map((e) => [e.id, e.type, e.deadlines, e.answers])).toEqual(
      detail.events.map((e) => [e.id, e.type, e.deadlines, e.answers]),
    );
  }, 60_000);
});

// Migration 0012 widens the events' check: a store migrated before it refuses the new types, and keeps its rows after.
describe.each(DRIVERS)('a store from before refund requests, on $name', (driver) => {
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  const caseId = '5e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';

  beforeAll(async () => {
    if (driver.name === 'postgres') ({ options, drop } = await driver.fresh());
    else {
      const dir = mkdtempSync(join(tmpdir(), 'reckoner-before-0012-'));
      options = { dataDir: dir };
      drop = async () => rmSync(dir, { recursive: true, force: true });
    }
    const folder = earlierMigrations(12); // up to 0011
    try {
      await migrateWith(options, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await rawTransaction(options, [
      `select set_config('reckoner.organisation', 'local', true)`,
      `insert into cases (id, title, side) values ('${caseId}', 'Before 0012', 'paying')`,
      `insert into events (case_id, type, date, deadlines) values
        ('${caseId}', 'breakdown_requested', '2025-04-10', '[]'),
        ('${caseId}', 'letter_sent', '2025-05-01', '[]')`,
    ]);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('refuses a refund request before 0012, and after it keeps its events and takes one', async () => {
    await expect(
      rawTransaction(options, [
        `select set_config('reckoner.organisation', 'local', true)`,
        `insert into events (case_id, type, date, deadlines) values ('${caseId}', 'refund_requested', '2025-05-02', '[]')`,
      ]),
    ).rejects.toThrow(/events_type_known/);

    const store = await openStore(options); // applies 0012
    try {
      const asked = await store.recordEvent(caseId, { type: 'refund_requested', date: '2026-03-02', deadlines: REFUND_DEADLINES });
      await store.recordEvent(caseId, { type: 'refund_reply_received', date: '2026-03-20', answers: asked.id });
      const events = await store.events(caseId);
      expect(events.map((e) => [e.date, e.type])).toEqual([
        ['2025-04-10', 'breakdown_requested'],
        ['2025-05-01', 'letter_sent'],
        ['2026-03-02', 'refund_requested'],
        ['2026-03-20', 'refund_reply_received'],
      ]);
      expect(events[2]!.deadlines).toEqual(REFUND_DEADLINES);
    } finally {
      await store.close();
    }
  }, 60_000);
});

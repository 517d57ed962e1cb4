/**
 * MCP resources for stored cases: `reckoner://cases/{id}` (the case, as get_case shows it),
 * `reckoner://cases/{id}/schedule` (its liability schedule to today, every line),
 * `reckoner://cases/{id}/entries` (its CMS entries and evidence, every line),
 * `reckoner://cases/{id}/reconciliation` (the latest reconciliation kept with it), `reckoner://cases/{id}/chart`
 * (the picture of the account as SVG, with its text alternative). Listing resources lists
 * the cases. JSON, and never a withheld address.
 * @module
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import type { buildSchedule } from '../calc/schedule/build.ts';
import { StoreError } from '../store/errors.ts';
import type { CaseStore } from '../store/types.ts';
import type { BuildLiabilityScheduleOutput } from '../tools/build-liability-schedule.ts';
import { inputHash, MAX_PAGE_SIZE } from '../tools/paging.ts';
import { FILE_DOWNLOAD_PREFIX, type Files } from '../tools/files.ts';
import { groupedCount } from '../calc/money.ts';
import { caseTimeline } from '../cases/index.ts';
import { caseWorkBusyIn, type CaseWork } from './case-work.ts';
import { todayInUk } from './today.ts';

/** JSON-RPC code for a resource that is not there (MCP specification, "Resources": error handling). */
const RESOURCE_NOT_FOUND = -32002;
const JSON_TYPE = 'application/json';

export interface CaseResourceOptions {
  /** Today, for the schedule's default date; the real UK date by default. */
  readonly today?: () => CivilDate;
  /**
   * Where reading a case waits its turn on a shared server, as a tool call on a case does (server/case-work.ts): a
   * reconciliation or chart of a large case holds the process seconds, and six read at once held it 20 s (a
   * security test, 5 December 2026).
   */
  readonly caseWork?: CaseWork;
}

function json(uri: URL, value: unknown): ReadResourceResult {
  return { contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify(value, null, 2) }] };
}

/** The case id in a resource URI, checked; an error the client can act on otherwise. */
function idOf(variables: Record<string, string | string[]>): string {
  const id = variables.id;
  const value = Array.isArray(id) ? id[0] : id;
  if (!value || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new McpError(ErrorCode.InvalidParams, 'The case id in the URI is not a case id; list the resources to see the cases');
  }
  return value.toLowerCase();
}

/** Runs a read, turning store errors into MCP errors (their messages carry no case content). */
async function read(work: () => Promise<ReadResourceResult>): Promise<ReadResourceResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError && error.code === 'not_found') throw new McpError(RESOURCE_NOT_FOUND, error.message);
    if (error instanceof InputError) throw new McpError(ErrorCode.InvalidParams, error.message);
    // Too many reads and calls waiting their turn: said as it is, to try again later.
    const busy = caseWorkBusyIn(error);
    if (busy) throw new McpError(ErrorCode.InternalError, busy.message, { retryAfterSeconds: busy.retryAfterSeconds });
    throw error;
  }
}

/**
 * The code that works out a case's schedule and draws its chart, loaded on the first read that needs it: the server
 * starts without it (a calculation never reads a resource).
 */
async function caseCode() {
  const [cases, tool] = await Promise.all([import('../cases/index.ts'), import('../tools/build-liability-schedule.ts')]);
  return { ...cases, toJson: tool.toJson };
}

/** The whole schedule: the summary once and every line (paged internally, as the tool pages it). */
function wholeSchedule(
  toJson: typeof import('../tools/build-liability-schedule.ts').toJson,
  schedule: ReturnType<typeof buildSchedule>,
  hash: string,
): Omit<BuildLiabilityScheduleOutput, 'page'> {
  let cursor: string | undefined;
  let first: BuildLiabilityScheduleOutput | undefined;
  const lines: BuildLiabilityScheduleOutput['lines'] = [];
  do {
    const page = toJson(schedule, hash, { size: MAX_PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) });
    first ??= page;
    lines.push(...page.lines);
    cursor = page.page.nextCursor;
  } while (cursor !== undefined);
  const { page: _page, lines: _lines, ...summary } = first;
  return { ...summary, lines };
}

/** Registers the case resources on an MCP server. The store is opened on the first read or list. */
export function registerCaseResources(server: McpServer, store: () => Promise<CaseStore>, options: CaseResourceOptions = {}): void {
  const today = options.today ?? (() => todayInUk());
  const caseWork = options.caseWork;
  /** A read of one case, in its turn on a shared server (leaving the queue if the request is cancelled). */
  const readCase = (work: () => Promise<ReadResourceResult>, signal: AbortSignal) => read(caseWork ? () => caseWork(work, signal) : work);

  server.registerResource(
    'case',
    new ResourceTemplate('reckoner://cases/{id}', {
      list: async () => {
        const { cases } = await (await store()).listCases({ limit: 500 });
        return {
          resources: cases.map((c) => ({
            uri: `reckoner://cases/${c.id}`,
            name: c.reference ? `CMS ${c.reference}` : c.id,
            title: c.title,
            mimeType: JSON_TYPE,
            description: `${c.side} side, ${c.service.replaceAll('_', ' ')}; ${c.counts.documents} documents, ${c.counts.transactions} bank transactions, ${c.counts.cmsEntries} CMS entries, ${c.counts.evidence} evidence, ${c.counts.letters} letters`,
          })),
        };
      },
    }),
    {
      title: 'A stored case',
      description:
        'Everything a case holds, in summary, with today’s timeline of deadlines (as get_case shows it; withheld addresses left out)',
      mimeType: JSON_TYPE,
    },
    (uri, variables, extra) =>
      readCase(async () => {
        // With today's timeline of deadlines, as get_case gives it: a client that reads the case as a resource is
        // told the same last days (a reconsideration's, an appeal's), not left to work them out.
        const detail = await (await store()).getCase(idOf(variables));
        return json(uri, { ...detail, timeline: caseTimeline(detail.events, today(), detail.decisions) });
      }, extra.signal),
  );

  server.registerResource(
    'case-schedule',
    new ResourceTemplate('reckoner://cases/{id}/schedule', { list: undefined }),
    {
      title: 'The liability schedule of a case',
      description: 'What was due, period by period, to today, from the decisions the case holds (every line)',
      mimeType: JSON_TYPE,
    },
    (uri, variables, extra) =>
      readCase(async () => {
        const id = idOf(variables);
        const { caseSchedule, nextTurn, toJson } = await caseCode();
        const built = await caseSchedule(await (await store()).caseRecords(id), today());
        await nextTurn();
        return json(uri, {
          caseId: id,
          ...wholeSchedule(toJson, built.schedule, inputHash(built.input)),
          ...(built.warnings.length > 0 ? { warnings: built.warnings } : {}),
        });
      }, extra.signal),
  );

  server.registerResource(
    'case-entries',
    new ResourceTemplate('reckoner://cases/{id}/entries', { list: undefined }),
    {
      title: 'The CMS entries and evidence of a case',
      description: 'Every line of CMS’s account the case holds (imported or typed) and every piece of evidence, oldest first',
      mimeType: JSON_TYPE,
    },
    (uri, variables, extra) =>
      readCase(async () => {
        const id = idOf(variables);
        const s = await store();
        // Each read finds the case first: another organisation's, or none, is refused rather than read as empty.
        const [cmsEntries, evidence] = await Promise.all([s.cmsEntries(id), s.evidence(id)]);
        return json(uri, { caseId: id, cmsEntries, evidence });
      }, extra.signal),
  );

  server.registerResource(
    'case-reconciliation',
    new ResourceTemplate('reckoner://cases/{id}/reconciliation', { list: undefined }),
    {
      title: 'The latest reconciliation of a case',
      description:
        'The latest run of reconcile_case kept with the case: the balances, the bridge, every finding and period row (a run too large to keep whole says under keptInPart what it left out)',
      mimeType: JSON_TYPE,
    },
    (uri, variables, extra) =>
      readCase(async () => {
        const id = idOf(variables);
        const run = await (await store()).latestReconciliation(id);
        return json(
          uri,
          run
            ? { caseId: id, run: { id: run.id, inputsHash: run.inputsHash, createdAt: run.createdAt }, result: run.result }
            : {
                caseId: id,
                run: null,
                message: 'This case has not been reconciled yet; reconcile_case does it and keeps the result here.',
              },
        );
      }, extra.signal),
  );

  server.registerResource(
    'case-chart',
    new ResourceTemplate('reckoner://cases/{id}/chart', { list: undefined }),
    {
      title: 'The picture of a case’s account',
      description: 'Due, paid and CMS-claimed over time and the two running balances, as SVG, with a text alternative',
      mimeType: 'image/svg+xml',
    },
    (uri, variables, extra) =>
      readCase(async () => {
        const id = idOf(variables);
        const { caseChart } = await caseCode();
        const chart = await caseChart(await store(), id, today());
        if (!chart)
          throw new McpError(
            ErrorCode.InvalidParams,
            'This case has no CMS decisions yet, so there is nothing to draw; add them with add_decision',
          );
        return {
          contents: [
            { uri: uri.href, mimeType: 'image/svg+xml', text: chart.svg },
            { uri: `${uri.href}#text`, mimeType: 'text/plain', text: chart.text },
          ],
        };
      }, extra.signal),
  );
}

/**
 * The largest file `resources/read` gives on a shared (HTTP) server: 16 MiB, 22 MB as base64. A larger one (a case
 * export may be 64 MiB) is downloaded from `GET /api/v1/files/{id}`, which sends its bytes as they are: read as a
 * resource, a 60 MB export was made into 80 MB of base64 and as much again of JSON each time, and a probe's ten reads
 * of one held every other request of the server up to 20 s (ten downloads of it, 3 s).
 */
export const HTTP_FILE_READ_MAX_BYTES = 16 * 1024 * 1024;

export interface FileResourceOptions {
  /** Where a read waits its turn on a shared server (server/case-work.ts). */
  readonly caseWork?: CaseWork;
  /** The largest file a read gives (HTTP: {@link HTTP_FILE_READ_MAX_BYTES}); none over stdio. */
  readonly maxBytes?: number;
}

/**
 * `reckoner://files/{id}`: a file a tool made (a letter's PDF, an evidence bundle, a calendar or a case export), as
 * base64 with its mime type, for the hour the shelf keeps it (tools/files.ts). Not listed: a client learns of a file
 * from the `resource_link` in the tool's result. Unknown, expired and another organisation's files read alike: not
 * there. On a shared server a read waits its turn as a call on a case does (server/case-work.ts), and a file larger
 * than `maxBytes` is refused, saying where to download it.
 */
export function registerFileResources(server: McpServer, files: () => Files, options: FileResourceOptions = {}): void {
  const { caseWork, maxBytes } = options;
  server.registerResource(
    'file',
    new ResourceTemplate('reckoner://files/{id}', { list: undefined }),
    {
      title: 'A file Reckoner made',
      description: 'A letter PDF, an evidence bundle, a calendar or a case export from a tool result, kept for 60 minutes',
    },
    (uri, variables, extra) => {
      const id = Array.isArray(variables.id) ? variables.id[0] : variables.id;
      const readFile = async (): Promise<ReadResourceResult> => {
        const file = id ? files().get(id) : undefined;
        if (!file) {
          throw new McpError(
            RESOURCE_NOT_FOUND,
            'No such file: files are kept for 60 minutes and only for whoever made them; run the tool again to make it anew',
          );
        }
        if (maxBytes !== undefined && file.bytes.byteLength > maxBytes) {
          throw new McpError(
            ErrorCode.InvalidRequest,
            `This file is ${groupedCount(file.bytes.byteLength)} bytes, more than the ${groupedCount(maxBytes)} bytes resources/read ` +
              `gives on this server; download it with GET ${FILE_DOWNLOAD_PREFIX}${file.id} (with the same token)`,
          );
        }
        return {
          contents: [{ uri: uri.href, mimeType: file.mimeType, blob: Buffer.from(file.bytes).toString('base64') }],
        };
      };
      return read(caseWork ? () => caseWork(readFile, extra.signal) : readFile);
    },
  );
}

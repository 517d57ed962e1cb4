// One case (get_case): its people (a withheld address only ever as "withheld": the API never sends its text),
// decisions, documents, CMS entries and evidence, with a form to add each; the reconciliation (case-reconcile.js),
// letters and the evidence bundle (case-letters.js), and the timeline of deadlines. Every figure and date is the
// API's; after each change the case is read again rather than worked out here.

import { post, readResource } from './api.js';
import { caseForm, choices, defined, errorSummary, field, submit, valueOf } from './cases-forms.js';
import { initCaseLetters } from './case-letters.js';
import { initReconcile, resetReconcile } from './case-reconcile.js';
import { announce, currentGeneration, fill, h, longDate, pounds, table } from './dom.js';
import { uploadArea } from './upload.js';

const ROLE_WORDS = {
  paying_parent: 'Paying parent',
  receiving_parent: 'Receiving parent',
  representative: 'Representative',
  other: 'Other',
};
const KIND_WORDS = { bank_statement: 'Bank statement', cms_statement: 'CMS statement', cms_payment_schedule: 'CMS payment schedule' };
const STATUS_WORDS = { overdue: 'Overdue', next: 'Next', met: 'Met' };
const SERVICE_CHOICES = () => [['', 'As before'], ...choices().services];

/** The case being shown: its id, the parts redrawn when it is read again, its latest detail, and whom to tell of a change. */
let shown = null;

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function section(id, title, ...children) {
  return h('section', { class: 'case-part', 'aria-labelledby': id }, h('h4', { id }, title), ...children);
}

// ----- the parts read from get_case -----

function people(detail) {
  if (detail.parties.length === 0) return h('p', {}, 'No people recorded.');
  return h(
    'ul',
    { class: 'plain people' },
    detail.parties.map((p) =>
      h(
        'li',
        { 'data-party': p.role },
        h('strong', {}, `${ROLE_WORDS[p.role] ?? p.role}: `),
        p.name,
        h(
          'p',
          { class: 'address' },
          'Address: ',
          // A withheld address is never sent by the API; the page says so and nothing more.
          p.addressWithheld ? h('em', { 'data-withheld': '' }, 'withheld') : (p.address ?? 'not given'),
        ),
      ),
    ),
  );
}

function decisions(detail) {
  if (detail.decisions.length === 0) return h('p', {}, 'No CMS decisions yet. Add the first below: the reconciliation needs one.');
  return table(
    'CMS decisions, in effective-date order',
    ['Decision', 'Effective', 'Letter dated', 'Weekly amount', 'Service'],
    detail.decisions.map((d) => ({
      cells: [
        d.label,
        d.effectiveDate,
        d.letterDate ?? '—',
        d.weeklyAmount ? pounds(d.weeklyAmount) : 'from its circumstances',
        d.service ? (Object.fromEntries(choices().services)[d.service] ?? d.service) : '—',
      ],
      attributes: { 'data-decision': d.id },
    })),
  );
}

function documents(detail) {
  if (detail.documents.length === 0) return h('p', {}, 'No statements imported yet.');
  return table(
    'Imported documents',
    ['File', 'Kind', 'Rows', 'Checks', 'Imported'],
    detail.documents.map((d) => ({
      cells: [
        d.filename ?? `(no name, ${d.format})`,
        KIND_WORDS[d.kind] ?? d.kind,
        d.kind === 'bank_statement'
          ? plural(d.parsed.rows.transactions, 'transaction')
          : plural(d.parsed.rows.cmsEntries, 'CMS entry', 'CMS entries'),
        `running balance ${String(d.parsed.checks.runningBalance ?? 'not_available').replace(/_/g, ' ')}, ` +
          `totals ${String(d.parsed.checks.totals ?? 'not_available').replace(/_/g, ' ')}`,
        d.importedAt.slice(0, 10),
      ],
      attributes: { 'data-document': d.id },
    })),
  );
}

function records(detail) {
  const n = detail.counts;
  const r = detail.ranges;
  const range = (x) => (x ? `, ${x.from} to ${x.to}` : '');
  return h(
    'ul',
    { class: 'plain', 'data-records': '' },
    h('li', { 'data-count': 'cmsEntries' }, `${plural(n.cmsEntries, 'CMS entry', 'CMS entries')}${range(r.cmsEntries)}`),
    h('li', { 'data-count': 'transactions' }, `${plural(n.transactions, 'bank transaction')}${range(r.transactions)}`),
    h(
      'li',
      { 'data-count': 'evidence' },
      plural(n.evidence, 'piece of payslip, benefit or payment evidence', 'pieces of payslip, benefit or payment evidence'),
    ),
  );
}

function deadlineItem(d) {
  return h(
    'li',
    { 'data-deadline': d.id, 'data-status': d.status },
    h('p', { class: 'deadline-date' }, h('strong', {}, longDate(d.date))),
    h('p', {}, h('span', { class: 'status-tag' }, `${STATUS_WORDS[d.status] ?? d.status}: `), d.label),
    h(
      'p',
      { class: 'basis' },
      `Started by ${d.startedBy.type.replace(/_/g, ' ')} on ${d.startedBy.date}`,
      d.metBy ? `; met by ${d.metBy.type.replace(/_/g, ' ')} on ${d.metBy.date}` : '',
      '. ',
      d.citation,
    ),
    // Met by a letter posted too close to the last day: taken to arrive after it.
    d.arrival ? h('p', { class: 'arrival', 'data-arrival': d.arrival.date }, d.arrival.note) : null,
  );
}

function timeline(detail) {
  const t = detail.timeline;
  const group = (key, title, empty) =>
    h(
      'div',
      { 'data-timeline': key },
      h('h5', {}, `${title} (${t[key].length})`),
      t[key].length ? h('ol', { class: 'deadlines' }, t[key].map(deadlineItem)) : h('p', { class: 'hint' }, empty),
    );
  return [
    h('p', {}, `As of ${longDate(t.asOf)}, counted with the bank holidays of ${t.nation.replace(/_/g, ' ')}.`),
    group('overdue', 'Overdue', 'Nothing overdue.'),
    group('next', 'Next', 'Nothing to come: marking a letter sent or recording what happened starts deadlines.'),
    group('met', 'Met', 'None met yet.'),
  ];
}

/** Redraws everything read from get_case. */
function drawDetail(detail) {
  const p = shown.parts;
  fill(
    p.summary,
    [
      detail.reference ? `CMS reference ${detail.reference}` : 'No CMS reference',
      `on ${detail.side === 'paying' ? "the paying parent's" : "the receiving parent's"} side`,
      Object.fromEntries(choices().services)[detail.service] ?? detail.service,
      `${detail.scheme} scheme`,
    ].join(' · '),
  );
  fill(p.people, people(detail));
  fill(p.decisions, decisions(detail));
  fill(p.documents, documents(detail));
  fill(p.records, records(detail));
  fill(p.timeline, timeline(detail));
  void drawLines(shown.caseId, p.lines);
}

const wordsFor = (pairs, value) => (pairs.find(([v]) => v === value) ?? [value, value])[1];
const where = (e) =>
  e.source?.page ? `page ${e.source.page}, line ${e.source.line}` : e.source?.line ? `line ${e.source.line}` : 'typed in';

/**
 * Every CMS entry and piece of evidence, line by line, from the resource reckoner://cases/{id}/entries (get_case
 * gives only their counts). Each entry says where it is printed, so it can be found on the statement.
 */
async function drawLines(caseId, into) {
  const generation = currentGeneration();
  const answer = await readResource(`reckoner://cases/${caseId}/entries`);
  if (generation !== currentGeneration() || !shown || shown.caseId !== caseId) return;
  if (!answer.ok) {
    fill(into, h('p', {}, `The lines could not be read: ${answer.error.message}`));
    return;
  }
  const { cmsEntries = [], evidence = [] } = JSON.parse(answer.contents[0]?.text ?? '{}');
  const { cmsEntryTypes, evidenceTypes } = choices();
  fill(
    into,
    cmsEntries.length > 0
      ? table(
          'CMS entries, oldest first',
          ['Date', 'Kind', 'Amount', 'Wording', 'Where'],
          cmsEntries.map((e) => [longDate(e.date), wordsFor(cmsEntryTypes, e.type), pounds(e.amount), e.description || '—', where(e)]),
        )
      : null,
    evidence.length > 0
      ? table(
          'Evidence, oldest first',
          ['Date', 'Kind', 'Amount', 'From', 'Description'],
          evidence.map((e) => [longDate(e.date), wordsFor(evidenceTypes, e.type), pounds(e.amount), e.from || '—', e.description || '—']),
        )
      : null,
  );
}

/** Reads the case again and redraws it; forms and results below are left as they are. */
export async function refreshCase() {
  if (!shown) return null;
  const { caseId } = shown;
  const generation = currentGeneration();
  const answer = await post('get-case', { caseId });
  if (generation !== currentGeneration() || !shown || shown.caseId !== caseId) return null;
  if (!answer.ok) {
    fill(shown.parts.summary, `The case could not be read: ${answer.error.message}`);
    return null;
  }
  shown.detail = answer.data;
  drawDetail(answer.data);
  shown.onChanged();
  return answer.data;
}

// ----- the forms -----

function decisionForm() {
  const summary = errorSummary();
  const form = caseForm(
    'Add a CMS decision',
    summary,
    field({
      label: 'Effective date',
      name: 'effectiveDate',
      field: 'decision.effectiveDate',
      type: 'date',
      hint: 'As on the CMS decision letter.',
    }),
    field({ label: 'Date of the letter', name: 'letterDate', field: 'decision.letterDate', type: 'date' }),
    field({
      label: 'Weekly amount, £',
      name: 'weeklyAmount',
      field: 'decision.weeklyAmount',
      hint: 'As the decision states it.',
      attrs: { inputmode: 'decimal', class: 'input-short' },
    }),
    field({
      label: 'Collection service from this decision on',
      name: 'service',
      field: 'decision.service',
      type: 'select',
      options: SERVICE_CHOICES(),
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add the decision')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const decision = defined({
      effectiveDate: valueOf(form, 'effectiveDate') ?? '',
      letterDate: valueOf(form, 'letterDate'),
      weeklyAmount: valueOf(form, 'weeklyAmount'),
      service: valueOf(form, 'service'),
    });
    const answer = await submit(form, summary, 'add-decision', { caseId: shown.caseId, decision }, 'The decision could not be added');
    if (!answer?.ok) return;
    form.reset();
    announce(`Decision ${answer.data.decision.label} added.`);
    await refreshCase();
  });
  return form;
}

/** A form for one line of CMS's account (add_cms_entries) or one piece of evidence (add_evidence). */
function recordForm(kind) {
  const cms = kind === 'cms';
  const list = cms ? 'entries' : 'evidence';
  const summary = errorSummary();
  const status = h('p', { role: 'status', class: 'form-status' });
  const form = caseForm(
    cms ? 'Add a CMS entry' : 'Add evidence',
    summary,
    field({
      label: cms ? 'Kind of line' : 'Kind of evidence',
      name: 'type',
      field: `${list}[0].type`,
      type: 'select',
      options: cms ? choices().cmsEntryTypes : choices().evidenceTypes,
    }),
    field({ label: 'Date', name: 'date', field: `${list}[0].date`, type: 'date' }),
    field({ label: 'Amount, £', name: 'amount', field: `${list}[0].amount`, attrs: { inputmode: 'decimal', class: 'input-short' } }),
    cms ? null : field({ label: 'From (employer, benefit or payer)', name: 'from', field: `${list}[0].from` }),
    field({ label: 'Wording', name: 'description', field: `${list}[0].description` }),
    field({
      label: 'Where it is printed',
      name: 'source',
      field: `${list}[0].source`,
      hint: 'e.g. "CMS letter of 20 March 2024, page 2".',
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, cms ? 'Add the CMS entry' : 'Add the evidence')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(status);
    const row = defined({
      type: valueOf(form, 'type'),
      date: valueOf(form, 'date') ?? '',
      amount: valueOf(form, 'amount') ?? '',
      from: cms ? undefined : valueOf(form, 'from'),
      description: valueOf(form, 'description'),
      source: valueOf(form, 'source'),
    });
    const route = cms ? 'add-cms-entries' : 'add-evidence';
    const answer = await submit(
      form,
      summary,
      route,
      { caseId: shown.caseId, [list]: [row] },
      cms ? 'The entry could not be added' : 'The evidence could not be added',
    );
    if (!answer?.ok) return;
    const message =
      answer.data.new > 0
        ? `Added: ${plural(answer.data.new, cms ? 'new line' : 'new piece of evidence', cms ? 'new lines' : 'new pieces of evidence')}.`
        : 'Already in the case: nothing added.';
    fill(status, message);
    announce(message);
    form.reset();
    await refreshCase();
  });
  return form;
}

/** Something that happened (record_event): a reply that meets a deadline, a letter that starts one. */
function eventForm() {
  const summary = errorSummary();
  const status = h('p', { role: 'status', class: 'form-status' });
  // The kinds of event are the deadline helper's list (server/web.ts writes it from calc/deadlines' EVENT_TYPES).
  const events = [...document.getElementById('dl-event').options].map((o) => [o.value, o.textContent.trim()]);
  const form = caseForm(
    'Record what happened',
    summary,
    field({ label: 'What happened', name: 'type', field: 'type', type: 'select', options: events }),
    field({
      label: 'Date',
      name: 'date',
      field: 'date',
      type: 'date',
      hint: 'The date on a CMS letter; the day you sent yours; else the day it happened.',
    }),
    field({ label: 'Note (optional)', name: 'summary', field: 'summary' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'record-event' }, 'Record it')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(status);
    const body = defined({
      caseId: shown.caseId,
      type: valueOf(form, 'type'),
      date: valueOf(form, 'date') ?? '',
      summary: valueOf(form, 'summary'),
    });
    const answer = await submit(form, summary, 'record-event', body, 'It could not be recorded');
    if (!answer?.ok) return;
    const d = answer.data.event.deadlines;
    const message = `Recorded. ${d.length ? `It starts ${plural(d.length, 'deadline')}.` : 'It starts no deadline of its own.'}`;
    fill(status, message);
    announce(message);
    form.reset();
    await refreshCase();
  });
  return form;
}

// ----- opening and closing -----

/**
 * Shows the case `caseId` in #case-view and takes the focus to its heading; `onChanged` is called each time the case
 * is read again after a change (the list of cases shows its counts).
 */
export async function openCase(caseId, { onChanged = () => {} } = {}) {
  const container = document.getElementById('case-view');
  const generation = currentGeneration();
  const answer = await post('get-case', { caseId });
  if (generation !== currentGeneration() || !container.isConnected) return;
  if (!answer.ok) {
    fill(container, h('p', { role: 'alert' }, `The case could not be opened: ${answer.error.message}`));
    return;
  }
  const detail = answer.data;
  const heading = h('h3', { id: 'case-title', tabindex: '-1' }, `Case: ${detail.title}`);
  const parts = {
    summary: h('p', { class: 'case-summary' }),
    people: h('div'),
    decisions: h('div'),
    documents: h('div'),
    records: h('div'),
    lines: h('div', { 'data-lines': '' }),
    timeline: h('div'),
  };
  shown = { caseId, detail, parts, onChanged };
  const close = h('button', { type: 'button', class: 'button-secondary' }, 'Close this case');
  close.addEventListener('click', () => {
    closeCase();
    document.getElementById('cases-list-heading')?.focus();
  });
  fill(
    container,
    h(
      'article',
      { class: 'case', 'aria-labelledby': 'case-title', 'data-case-id': caseId },
      heading,
      parts.summary,
      h('div', { class: 'actions' }, close),
      section('case-people', 'People', parts.people),
      section(
        'case-decisions',
        'CMS decisions',
        parts.decisions,
        h('details', { class: 'case-add' }, h('summary', {}, 'Add a CMS decision'), decisionForm()),
      ),
      section('case-documents', 'Statements and documents', parts.documents, uploadArea({ caseId, onImported: () => refreshCase() })),
      section(
        'case-records',
        'CMS entries and evidence',
        parts.records,
        parts.lines,
        h('details', { class: 'case-add' }, h('summary', {}, 'Add a CMS entry typed from a letter'), recordForm('cms')),
        h('details', { class: 'case-add' }, h('summary', {}, 'Add payslip, benefit or payment evidence'), recordForm('evidence')),
      ),
      section('case-reconciliation', 'Reconciliation', initReconcile(caseId)),
      section('case-letters', 'Letters and the evidence bundle', initCaseLetters(caseId, { onChanged: () => refreshCase() })),
      section(
        'case-timeline',
        'Deadlines',
        parts.timeline,
        h('details', { class: 'case-add' }, h('summary', {}, 'Record what happened (a reply, a decision, a step taken)'), eventForm()),
      ),
    ),
  );
  drawDetail(detail);
  announce('Case opened.');
  heading.focus();
}

/** Takes the case off the page (Clear, or Close). */
export function closeCase() {
  shown = null;
  resetReconcile();
  const container = document.getElementById('case-view');
  if (container) fill(container);
}

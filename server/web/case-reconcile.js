// A case's reconciliation (reconcile_case): CMS's figure, the recomputed balance and the bridge between them, line by
// line, as the API gives them; the findings; and the chart of the account (the MCP resource
// reckoner://cases/{id}/chart: SVG with its text alternative), shown through an <img> so that the SVG can run nothing.

import { post, readResource } from './api.js';
import { choices } from './cases-forms.js';
import { announce, currentGeneration, fill, h, longDate, pounds, table } from './dom.js';

const POSITION_WORDS = { arrears: 'arrears: owed by the paying parent', overpaid: 'overpaid', settled: 'nothing owed' };
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The chart's blob URL, let go when the next chart (or Clear) replaces it. */
let chartUrl = null;

function dropChart() {
  if (chartUrl) URL.revokeObjectURL(chartUrl);
  chartUrl = null;
}

function bridgeTable(out) {
  const br = out.bridge;
  const words = choices().bridgeKinds;
  const fromWords = br.fromLabel === 'cms_claim' ? 'CMS’s figure (its claim)' : 'CMS’s figure (what its entries add up to)';
  return table(
    `The bridge from CMS’s figure to the recomputed balance, as of ${out.asOf}`,
    ['Line', 'Amount (positive: makes CMS’s figure higher; negative: lower)'],
    [
      { cells: [fromWords, pounds(br.from)], attributes: { 'data-bridge': 'from' } },
      ...br.subtotals.map((s) => {
        const [one, many] = words[s.kind] ?? [s.kind, s.kind];
        return { cells: [plural(s.count, one, many), pounds(s.amount)], attributes: { 'data-bridge': 'line', 'data-kind': s.kind } };
      }),
      {
        cells: ['Difference (CMS’s figure less the recomputed balance)', pounds(br.difference)],
        attributes: { 'data-bridge': 'difference' },
      },
      { cells: ['Recomputed balance (from the decisions and the evidence)', pounds(br.to)], attributes: { 'data-bridge': 'to' } },
    ],
  );
}

function findingsList(out) {
  if (out.findings.length === 0) return h('p', {}, 'No findings: CMS’s record agrees with the evidence.');
  const more = out.counts.findings - out.findings.length;
  return h(
    'details',
    { class: 'findings' },
    h('summary', {}, `The ${plural(out.counts.findings, 'finding', 'findings')}, each with its effect on CMS’s figure`),
    h(
      'ol',
      {},
      out.findings.map((f) =>
        h('li', { 'data-finding': f.id }, f.explanation, ' ', h('span', { class: 'effect' }, `(${pounds(f.effect)})`)),
      ),
    ),
    more > 0 ? h('p', { class: 'hint' }, `${more} more are in the evidence bundle.`) : null,
  );
}

async function drawChart(caseId, box) {
  const answer = await readResource(`reckoner://cases/${caseId}/chart`);
  if (!answer.ok) {
    fill(box, h('p', {}, `The chart could not be drawn: ${answer.error.message}`));
    return;
  }
  const svg = answer.contents.find((c) => c.mimeType === 'image/svg+xml');
  const words = answer.contents.find((c) => c.mimeType === 'text/plain');
  if (!svg || typeof svg.text !== 'string') {
    fill(box, h('p', {}, 'The chart could not be drawn.'));
    return;
  }
  dropChart();
  chartUrl = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  const descId = `case-chart-words-${caseId.slice(0, 8)}`;
  fill(
    box,
    h(
      'figure',
      { class: 'chart' },
      // On a narrow screen the chart keeps a readable size and scrolls sideways on its own.
      h(
        'div',
        { class: 'chart-scroll', role: 'region', 'aria-label': 'Chart of the account (scrolls sideways)', tabindex: '0' },
        h('img', {
          src: chartUrl,
          alt: 'Chart of the account over time: due, paid and recorded by CMS, and the two running balances. In words below.',
          'aria-describedby': descId,
          'data-chart': '',
        }),
      ),
      h('figcaption', { id: descId, 'data-chart-text': '' }, words?.text ?? ''),
    ),
  );
}

/** The reconciliation part of a case: a button, then the result. */
export function initReconcile(caseId) {
  const result = h('div', { class: 'reconciliation', 'aria-live': 'polite' });
  const chart = h('div', { class: 'chart-box' });
  const button = h('button', { type: 'button', 'data-action': 'reconcile' }, 'Reconcile the case');
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-busy') === 'true') return;
    const generation = currentGeneration();
    button.setAttribute('aria-busy', 'true');
    fill(result, h('p', {}, 'Reconciling…'));
    const answer = await post('reconcile-case', { caseId });
    button.removeAttribute('aria-busy');
    if (generation !== currentGeneration()) return;
    if (!answer.ok) {
      fill(result, h('p', { class: 'field-error', role: 'alert' }, h('span', { class: 'error-prefix' }, 'Error: '), answer.error.message));
      fill(chart);
      return;
    }
    const out = answer.data;
    const b = out.balance;
    fill(
      result,
      h(
        'p',
        { class: 'headline', 'data-headline': '' },
        `As of ${longDate(out.asOf)}: CMS’s figure is ${pounds(out.bridge.from)}; worked out from the decisions and the evidence it is ` +
          `${pounds(b.recomputed)} (${POSITION_WORDS[b.position] ?? b.position}).`,
      ),
      bridgeTable(out),
      out.bridge.otherLines.map((l) => h('p', { class: 'bridge-note' }, l.description)),
      b.notYetDue !== '0.00' ? h('p', {}, `A further ${pounds(b.notYetDue)} has accrued but is not yet due under the payment plan.`) : null,
      findingsList(out),
      out.warnings.length
        ? h(
            'ul',
            { class: 'warnings' },
            out.warnings.map((w) => h('li', {}, w)),
          )
        : null,
      h(
        'p',
        { class: 'hint' },
        out.run.saved ? 'Kept with the case for letters and the bundle.' : 'The same as the run already kept with the case.',
      ),
    );
    announce('Reconciled.');
    await drawChart(caseId, chart);
  });
  return h(
    'div',
    {},
    h('p', {}, 'From the decisions, CMS’s entries and the bank statements and evidence the case holds.'),
    h('div', { class: 'actions' }, button),
    result,
    chart,
  );
}

/** Clear: the chart's blob goes with the case. */
export function resetReconcile() {
  dropChart();
}

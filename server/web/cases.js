// "Cases": the organisation's stored cases (list_cases) and a form to start one (create_case). Loaded on demand
// by app.js the first time the adviser asks for the cases, so the calculator never waits for it. Opening a case
// hands it to case-view.js. On a server with tokens, api.js asks for one on the first 401, as for every call.
//
// Plain modules, no library: each part of a case is a short render function over the API's JSON (dom.js h() and
// fill()), redrawn whole after each change, with forms whose state lives only in their own fields. A view library
// (Preact with htm, say) would earn its place if parts began to share changing state; they do not, so it would add
// weight to load and a second way of building the page.

import { post } from './api.js';
import { caseForm, choices, defined, errorSummary, field, submit, valueOf } from './cases-forms.js';
import { closeCase, openCase } from './case-view.js';
import { announce, currentGeneration, fill, h } from './dom.js';

const SIDES = [
  ['paying', 'The paying parent'],
  ['receiving', 'The receiving parent'],
];

let root = null;
let parts = null;

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function caseItem(c) {
  const open = h('button', { type: 'button', class: 'button-link', 'data-case': c.id }, c.title);
  const n = c.counts;
  return h(
    'li',
    { 'data-case-id': c.id },
    open,
    h(
      'p',
      { class: 'hint' },
      [
        c.reference ? `CMS ${c.reference}` : 'No CMS reference',
        `on ${c.side === 'paying' ? "the paying parent's" : "the receiving parent's"} side`,
        plural(n.documents, 'document'),
        plural(n.cmsEntries, 'CMS entry', 'CMS entries'),
        plural(n.transactions, 'bank transaction'),
        plural(n.evidence, 'piece of evidence', 'pieces of evidence'),
        plural(n.letters, 'letter'),
      ].join(' · '),
    ),
  );
}

/** Lists the organisation's cases, newest first. */
export async function loadList() {
  const generation = currentGeneration();
  fill(parts.listStatus, 'Loading the cases…');
  const answer = await post('list-cases', { limit: 100 });
  if (generation !== currentGeneration() || !parts) return;
  if (!answer.ok) {
    fill(parts.listStatus, `The cases could not be loaded: ${answer.error.message}`);
    fill(parts.list);
    return;
  }
  const { total, cases } = answer.data;
  fill(
    parts.listStatus,
    total === 0
      ? 'No cases yet: start one below.'
      : `${plural(total, 'case')}${cases.length < total ? `, the newest ${cases.length} shown` : ''}.`,
  );
  fill(parts.list, cases.map(caseItem));
}

function createForm() {
  const summary = errorSummary();
  const form = caseForm(
    'Start a case',
    summary,
    field({ label: 'Title', name: 'title', field: 'title', hint: 'For you, e.g. "Arrears dispute 2024".' }),
    field({ label: 'Whose side you are on', name: 'side', field: 'side', type: 'select', options: SIDES }),
    field({
      label: 'CMS case reference',
      name: 'reference',
      field: 'reference',
      hint: 'The 12 digits on CMS letters.',
      attrs: { inputmode: 'numeric' },
    }),
    field({ label: 'Collection service', name: 'service', field: 'service', type: 'select', options: choices().services }),
    field({
      label: 'CMS payment frequency',
      name: 'frequency',
      field: 'frequency',
      type: 'select',
      options: choices().frequencies,
      value: 'monthly',
    }),
    field({ label: 'First payment day on CMS’s schedule', name: 'firstDueDate', field: 'firstDueDate', type: 'date' }),
    h(
      'fieldset',
      { 'data-field': 'parties[0]', 'data-name': 'Paying parent' },
      h('legend', {}, 'Paying parent'),
      field({ label: 'Name', name: 'payingName', field: 'parties[0].name' }),
      field({
        label: 'Postal address',
        name: 'payingAddress',
        field: 'parties[0].address',
        type: 'textarea',
        hint: 'One line each, ending with the postcode. Letters from this parent need it.',
      }),
      field({
        label: 'CMS keeps this address from the other parent (withheld)',
        name: 'payingWithheld',
        field: 'parties[0].addressWithheld',
        type: 'checkbox',
      }),
    ),
    h(
      'fieldset',
      { 'data-field': 'parties[1]', 'data-name': 'Receiving parent' },
      h('legend', {}, 'Receiving parent'),
      field({ label: 'Name', name: 'receivingName', field: 'parties[1].name' }),
      field({ label: 'Postal address', name: 'receivingAddress', field: 'parties[1].address', type: 'textarea' }),
      field({
        label: 'CMS keeps this address from the other parent (withheld)',
        name: 'receivingWithheld',
        field: 'parties[1].addressWithheld',
        type: 'checkbox',
        hint: 'A withheld address is kept but never shown again, here or in any letter.',
      }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Start the case')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const party = (role, prefix) => {
      const name = valueOf(form, `${prefix}Name`);
      const address = valueOf(form, `${prefix}Address`);
      const withheld = valueOf(form, `${prefix}Withheld`);
      if (name === undefined && address === undefined) return undefined;
      return defined({ role, name: name ?? '', address, addressWithheld: withheld || undefined });
    };
    // The parties keep their places (0 paying, 1 receiving) so that a refusal names the right fieldset.
    const paying = party('paying_parent', 'paying');
    const receiving = party('receiving_parent', 'receiving');
    const parties = paying || receiving ? [paying ?? { role: 'paying_parent', name: '' }, ...(receiving ? [receiving] : [])] : undefined;
    const body = defined({
      title: valueOf(form, 'title') ?? '',
      side: valueOf(form, 'side'),
      reference: valueOf(form, 'reference'),
      service: valueOf(form, 'service'),
      frequency: valueOf(form, 'frequency'),
      firstDueDate: valueOf(form, 'firstDueDate'),
      parties,
    });
    const answer = await submit(form, summary, 'create-case', body, 'The case could not be started');
    if (!answer?.ok) return;
    form.reset();
    announce('Case started.');
    void loadList();
    await openCase(answer.data.id, { onChanged: () => void loadList() });
  });
  return form;
}

/** Draws the cases into `container` (the first time) and lists them. */
export async function openCases(container) {
  if (root !== container || !parts) {
    root = container;
    parts = {
      listStatus: h('p', { role: 'status' }),
      list: h('ul', { class: 'cases-list' }),
      view: h('div', { id: 'case-view' }),
    };
    const refresh = h('button', { type: 'button', class: 'button-secondary' }, 'Refresh the list');
    refresh.addEventListener('click', () => void loadList());
    parts.list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-case]');
      if (button) void openCase(button.dataset.case, { onChanged: () => void loadList() });
    });
    const createHeading = h('h3', { id: 'case-create-heading' }, 'Start a case');
    fill(
      container,
      h('h3', { id: 'cases-list-heading' }, 'Your organisation’s cases'),
      parts.listStatus,
      parts.list,
      h('div', { class: 'actions' }, refresh),
      h('section', { 'aria-labelledby': 'case-create-heading', class: 'case-create' }, createHeading, createForm()),
      parts.view,
    );
  }
  await loadList();
  document.getElementById('cases-list-heading').setAttribute('tabindex', '-1');
}

/** Clear: a new caller starts from nothing; the cases are listed again only when asked for. */
export function resetCases() {
  closeCase();
  if (root) fill(root);
  parts = null;
  root = null;
}

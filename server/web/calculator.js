// The statutory amount: the form, the request it makes to /api/v1/calculate-maintenance, and the answer.
// Every figure shown is a string from the answer, only dressed with £ and commas.

import { post } from './api.js';
import { currentGeneration, fill, h, pounds, table, todayInUk, traceDetails } from './dom.js';
import { clearErrors, showErrors } from './errors.js';

const RATE_WORDS = {
  nil: 'nil rate',
  flat: 'flat rate',
  reduced: 'reduced rate',
  basic: 'basic rate',
  basic_plus: 'basic plus rate',
  default: 'default rate',
};

const FREQUENCY_WORDS = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  four_weekly: 'Every four weeks',
  monthly: 'Monthly',
  yearly: 'Yearly',
};

export const FRACTION_WORDS = { 0: 'none', '1/7': 'one-seventh', '2/7': 'two-sevenths', '3/7': 'three-sevenths', '1/2': 'one-half' };

export function fractionText(fraction) {
  if (fraction === '0') return 'none';
  return FRACTION_WORDS[fraction] ? `${fraction} (${FRACTION_WORDS[fraction]})` : fraction;
}

const $ = (id) => document.getElementById(id);
const form = () => $('calc-form');

let onParentsChanged = () => {};
let resultShown = false;

// ----- receiving parents and their children -----

/**
 * The nights typed for each child of each receiving parent, as text, with the period chosen for them
 * ("week", "year", or "" when none is chosen yet): [[{ nights, per }, …], …].
 */
export function readParents() {
  return [...$('receiving-parents').querySelectorAll(':scope > fieldset')].map((fieldset) =>
    [...fieldset.querySelectorAll('.child')].map((child) => ({
      nights: child.querySelector('input[data-nights]').value,
      per: child.querySelector('select[data-per]').value,
    })),
  );
}

const NIGHTS_PER = { week: 'a week', year: 'a year' };

function childField(child, p, c, count) {
  const id = `rp-${p}-child-${c}-nights`;
  const path = `receivingParents[${p}].children[${c}]`;
  return h(
    'div',
    { class: 'field child' },
    h('label', { for: id }, `Child ${c + 1}: nights with the paying parent`),
    h(
      'div',
      { class: 'input-with-button' },
      h('input', {
        id,
        type: 'text',
        inputmode: 'numeric',
        class: 'input-short',
        value: child.nights,
        placeholder: '0',
        'data-nights': true,
        'data-field': `${path}.nights.count ${path}.nightsPerYear ${path}.nights ${path}`,
        'data-name': `Receiving parent ${p + 1}, child ${c + 1}: nights`,
        'aria-describedby': 'nights-hint',
      }),
      h('label', { for: `${id}-per`, class: 'visually-hidden' }, `Child ${c + 1}: nights a week or a year`),
      h(
        'select',
        {
          id: `${id}-per`,
          class: 'input-per',
          'data-per': true,
          'data-field': `${path}.nights.period`,
          'data-name': `Receiving parent ${p + 1}, child ${c + 1}: nights a week or a year`,
          'aria-describedby': 'nights-hint',
        },
        h('option', { value: '', selected: child.per === '' }, 'Choose…'),
        Object.entries(NIGHTS_PER).map(([value, words]) => h('option', { value, selected: child.per === value }, `nights ${words}`)),
      ),
      count > 1
        ? h(
            'button',
            { type: 'button', class: 'button-secondary button-small', 'data-action': 'remove-child', 'data-parent': p, 'data-child': c },
            `Remove child ${c + 1}`,
          )
        : null,
    ),
  );
}

function parentFieldset(children, p, count) {
  return h(
    'fieldset',
    {
      class: 'parent',
      'data-field': `receivingParents[${p}] receivingParents[${p}].children`,
      'data-name': `Receiving parent ${p + 1}`,
    },
    h('legend', {}, `Receiving parent ${p + 1}`),
    children.map((nights, c) => childField(nights, p, c, children.length)),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'button-secondary', id: `rp-${p}-add-child`, 'data-action': 'add-child', 'data-parent': p },
        `Add a child for receiving parent ${p + 1}`,
      ),
      count > 1
        ? h(
            'button',
            { type: 'button', class: 'button-secondary', 'data-action': 'remove-parent', 'data-parent': p },
            `Remove receiving parent ${p + 1}`,
          )
        : null,
    ),
  );
}

/** Draws the receiving parents from `model` (nights as text, with their period), then focuses `focusId` if given. */
function renderParents(model, focusId) {
  fill(
    $('receiving-parents'),
    h(
      'p',
      { id: 'nights-hint', class: 'hint' },
      'Nights the child stays with the paying parent, a week (a regular pattern) or a year; leave empty if none. Choose which.',
    ),
    model.map((children, p) => parentFieldset(children, p, model.length)),
  );
  if (focusId) $(focusId)?.focus();
  onParentsChanged();
}

function onParentAction(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const model = readParents();
  const p = Number(button.dataset.parent);
  const c = Number(button.dataset.child);
  switch (button.dataset.action) {
    case 'add-child':
      model[p].push({ nights: '', per: '' });
      renderParents(model, `rp-${p}-child-${model[p].length - 1}-nights`);
      break;
    case 'remove-child':
      model[p].splice(c, 1);
      renderParents(model, `rp-${p}-add-child`);
      break;
    case 'remove-parent':
      model.splice(p, 1);
      renderParents(model, 'add-parent');
      break;
  }
  markStale();
}

// ----- the request -----

/** A count as typed: a whole number goes as a number; anything else as typed, so the API says what is wrong. */
function countIn(text) {
  if (text === '') return undefined;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

const PERIOD_CHOICES = 'choose a week, a month, every four weeks or a year (there is no default)';

/**
 * What the adviser has not chosen yet, as problems in the API's own shape ({ field, message }): a period for
 * an income or pension typed in, and a week or a year for nights typed in. Nothing has a default period, so a
 * yearly salary is never taken as weekly pay (nor 2 nights a week as 2 nights a year) unless someone says so.
 */
export function missingChoices() {
  const f = form();
  const value = (name) => f.elements[name].value.trim();
  const problems = [];
  if (value('incomeAmount') !== '' && value('incomePeriod') === '') {
    problems.push({ field: 'payingParent.income.period', message: PERIOD_CHOICES });
  }
  if (value('pensionAmount') !== '' && value('pensionPeriod') === '') {
    problems.push({ field: 'payingParent.pensionContributions.period', message: PERIOD_CHOICES });
  }
  readParents().forEach((children, p) =>
    children.forEach((child, c) => {
      if (child.nights.trim() !== '' && child.per === '') {
        problems.push({
          field: `receivingParents[${p}].children[${c}].nights.period`,
          message: 'choose nights a week or nights a year (there is no default)',
        });
      }
    }),
  );
  return problems;
}

/** A child's nights for the request: a year's count as nightsPerYear, a week's as nights { count, period }. */
function nightsIn(child) {
  const nights = countIn(child.nights.trim());
  if (nights === undefined) return {};
  return child.per === 'week' ? { nights: { count: nights, period: 'week' } } : { nightsPerYear: nights };
}

/** The JSON body for calculate-maintenance, straight from the form. Money goes as the text typed. */
export function requestBody() {
  const f = form();
  const value = (name) => f.elements[name].value.trim();
  const payingParent = {};
  if (value('incomeAmount') !== '') payingParent.income = { amount: value('incomeAmount'), period: value('incomePeriod') };
  if (value('pensionAmount') !== '') payingParent.pensionContributions = { amount: value('pensionAmount'), period: value('pensionPeriod') };
  const benefit = value('benefit');
  if (benefit === 'flat') payingParent.flatRateBenefit = true;
  else if (benefit.startsWith('nil:')) payingParent.nilRateReason = benefit.slice(4);
  const relevantOther = countIn(value('relevantOtherChildren'));
  if (relevantOther !== undefined) payingParent.relevantOtherChildren = relevantOther;
  const otherArrangement = countIn(value('otherArrangementChildren'));
  if (otherArrangement !== undefined) payingParent.otherArrangementChildren = otherArrangement;

  const body = {
    payingParent,
    receivingParents: readParents().map((children) => ({
      children: children.map(nightsIn),
    })),
    collection: f.elements.collection.value,
  };
  if (value('date') !== '') body.date = value('date');
  const variations = {};
  if (value('specialExpensesWeekly') !== '') variations.specialExpensesWeekly = value('specialExpensesWeekly');
  if (value('additionalIncomeWeekly') !== '') variations.additionalIncomeWeekly = value('additionalIncomeWeekly');
  if (Object.keys(variations).length > 0) body.variations = variations;
  if (f.elements.defaultRate.checked) body.defaultRate = true;
  return body;
}

/**
 * Each child in the form, for the shared-care section: `{ parent, child, label, nights }`, nights in words as
 * typed ("2 nights a week", "none yet").
 */
export function childChoices() {
  return readParents().flatMap((children, p) =>
    children.map((child, c) => {
      const typed = child.nights.trim();
      const nights = typed === '' ? 'no nights' : `${typed} nights ${NIGHTS_PER[child.per] ?? '(a week or a year?)'}`;
      return { parent: p, child: c, label: `Receiving parent ${p + 1}, child ${c + 1}`, nights };
    }),
  );
}

// ----- the answer -----

const parentName = (id, p) => (/^receiving_parent_\d+$/.test(id) ? `Receiving parent ${p + 1}` : id);

/** A shared-care band as the API gives it ({ fromNights, toNights }), in words. */
export function bandText(band) {
  return band.toNights === null ? `${band.fromNights} or more nights a year` : `${band.fromNights} to ${band.toNights} nights a year`;
}

/** "2 nights a week (104 a year)" or "52 nights a year", from the API's child. */
function nightsText(child) {
  const night = (n) => (n === 1 ? 'night' : 'nights');
  return child.nightsPerWeek === null
    ? `${child.nightsPerYear} ${night(child.nightsPerYear)} a year`
    : `${child.nightsPerWeek} ${night(child.nightsPerWeek)} a week (${child.nightsPerYear} a year)`;
}

function splitTable(data) {
  return table(
    'Who gets what each week',
    ['Receiving parent', 'Children: nights with the paying parent and shared-care band', 'Shared-care decrease', 'Weekly amount'],
    data.receivingParents.map((rp, p) => [
      parentName(rp.id, p),
      h(
        'ul',
        { class: 'plain' },
        rp.children.map((child, c) =>
          h(
            'li',
            { 'data-child': `${p}:${c}` },
            `Child ${c + 1}: ${nightsText(child)}; `,
            h('span', { class: 'band', 'data-band-from': child.band.fromNights }, `band ${bandText(child.band)}`),
            `, ${fractionText(child.sharedCareFraction)} off`,
          ),
        ),
      ),
      fractionText(rp.sharedCareFraction),
      h('span', { 'data-parent-amount': p }, pounds(rp.weeklyAmount)),
    ]),
  );
}

function frequencyTable(data) {
  return h(
    'div',
    { class: 'frequencies' },
    table(
      'The same amount at other payment frequencies',
      ['Frequency', 'Amount'],
      Object.entries(data.perFrequency).map(([frequency, amount]) => [FREQUENCY_WORDS[frequency] ?? frequency, pounds(amount)]),
    ),
  );
}

function collectAndPayTables(charges) {
  const payer = table(
    `Collect and Pay: what the paying parent pays (fee ${charges.payingParentPercent}% added)`,
    ['Frequency', 'Maintenance', `Fee (${charges.payingParentPercent}%)`, 'Paying parent pays'],
    Object.entries(charges.payingParent).map(([frequency, x]) => ({
      cells: [FREQUENCY_WORDS[frequency] ?? frequency, pounds(x.maintenance), pounds(x.fee), pounds(x.total)],
      attributes: { 'data-frequency': frequency },
    })),
  );
  const receivers = charges.receivingParents.map((rp, p) =>
    table(
      `Collect and Pay: ${parentName(rp.id, p)} receives (fee ${charges.receivingParentPercent}% taken off)`,
      ['Frequency', 'Maintenance', `Fee (${charges.receivingParentPercent}%)`, 'Receives'],
      Object.entries(rp.perFrequency).map(([frequency, x]) => ({
        cells: [FREQUENCY_WORDS[frequency] ?? frequency, pounds(x.maintenance), pounds(x.fee), pounds(x.net)],
        attributes: { 'data-frequency': frequency },
      })),
    ),
  );
  return h('div', { class: 'collect-and-pay' }, h('h3', {}, 'Collect and Pay fees'), payer, receivers);
}

/** The API's own working for a step (e.g. the monthly instalment), quoted as it is. */
const stepText = (data, id) => data.trace.find((step) => step.step === id)?.description ?? '';

function renderResult(data) {
  fill(
    $('calc-headline'),
    h('strong', { id: 'weekly-amount', class: 'amount' }, pounds(data.weeklyAmount)),
    ' a week, ',
    h('strong', { id: 'monthly-amount', class: 'amount' }, pounds(data.perFrequency.monthly)),
    ' a month',
    h('span', { id: 'rate-name' }, ` (${RATE_WORDS[data.rate] ?? data.rate})`),
  );
  const facts = [`For ${data.date}.`];
  if (data.grossWeeklyIncome !== null) facts.push(`Gross weekly income used: ${pounds(data.grossWeeklyIncome)}.`);
  facts.push(data.collection === 'collect_and_pay' ? 'Collect and Pay.' : 'Direct Pay.');
  const monthly = stepText(data, 'instalments');
  fill(
    $('calc-result'),
    data.warnings.length > 0
      ? h(
          'div',
          { id: 'calc-warnings', class: 'warnings calc-warnings' },
          h('h3', {}, 'Check before you quote this'),
          h(
            'ul',
            {},
            data.warnings.map((w) => h('li', {}, h('span', { class: 'label' }, 'Warning: '), w)),
          ),
        )
      : null,
    monthly ? h('p', { id: 'monthly-working', class: 'hint' }, `The monthly figure: ${monthly}.`) : null,
    h(
      'div',
      { id: 'calc-readout', class: 'readout', role: 'group', 'aria-labelledby': 'readout-heading' },
      h('h3', { id: 'readout-heading' }, 'To say to the caller'),
      h('p', { id: 'readout-text' }, data.readOut),
      h('button', { type: 'button', id: 'copy-readout', class: 'button-secondary' }, 'Copy the read-out'),
      h('p', { id: 'copy-status', class: 'hint', role: 'status' }),
    ),
    h('p', { class: 'facts' }, facts.join(' ')),
    splitTable(data),
    frequencyTable(data),
    data.collectionCharges ? collectAndPayTables(data.collectionCharges) : null,
    traceDetails(data.trace, `How this was worked out: ${data.trace.length} steps, each with its legal source`),
  );
  $('copy-readout').addEventListener('click', copyReadOut);
  resultShown = true;
}

/**
 * Copies the read-out to the clipboard. Where the browser will not (no clipboard API, or permission refused), the
 * read-out is selected instead and the adviser is told to copy it with the keyboard.
 */
async function copyReadOut() {
  const text = $('readout-text').textContent;
  const status = $('copy-status');
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied. Paste it into your notes or a message.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents($('readout-text'));
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.textContent = 'This browser would not copy it: the read-out is selected, so press Ctrl+C (Cmd+C on a Mac) to copy it.';
  }
}

function clearResult() {
  fill($('calc-headline'));
  fill($('calc-result'));
  resultShown = false;
}

/** Once the form changes after a result, say so: the figures below are for the details as they were. */
function markStale() {
  if (!resultShown || $('calc-stale')) return;
  $('calc-result').prepend(
    h('p', { id: 'calc-stale', class: 'stale' }, 'The details have changed since this result. Press Calculate again for new figures.'),
  );
}

/** Shows an API error on the calculator's own fields (also used by the shared-care section). */
export function showCalculatorErrors(error) {
  showErrors(form(), $('calc-errors'), error, 'The calculation could not be done');
}

/** Shows the choices still to make, if any, as errors by their fields; true when there were some. */
export function showMissingChoices() {
  const problems = missingChoices();
  if (problems.length === 0) return false;
  showCalculatorErrors({ code: 'invalid_input', message: 'Some choices are still to be made.', details: problems });
  return true;
}

async function calculate(event) {
  event.preventDefault();
  if (showMissingChoices()) {
    clearResult();
    fill($('calc-headline'), 'No figures yet: see the problems listed above.');
    return;
  }
  const generation = currentGeneration();
  $('calc-result').setAttribute('aria-busy', 'true');
  const answer = await post('calculate-maintenance', requestBody());
  $('calc-result').removeAttribute('aria-busy');
  if (generation !== currentGeneration()) return; // cleared while waiting
  if (!answer.ok) {
    clearResult();
    fill($('calc-headline'), 'No figures yet: see the problems listed above.');
    showCalculatorErrors(answer.error);
    return;
  }
  clearErrors(form(), $('calc-errors'));
  renderResult(answer.data);
}

/** Back to an empty form (today's date, one receiving parent with one child) and no result. */
export function resetCalculator() {
  const f = form();
  f.reset();
  f.elements.date.value = todayInUk();
  $('less-common').removeAttribute('open');
  clearErrors(f, $('calc-errors'));
  clearResult();
  renderParents([[{ nights: '', per: '' }]]);
}

export function initCalculator(options) {
  onParentsChanged = options.onParentsChanged;
  const f = form();
  f.addEventListener('submit', calculate);
  f.addEventListener('input', markStale);
  f.addEventListener('change', markStale);
  $('receiving-parents').addEventListener('click', onParentAction);
  $('receiving-parents').addEventListener('input', () => onParentsChanged());
  $('add-parent').addEventListener('click', () => {
    const model = readParents();
    model.push([{ nights: '', per: '' }]);
    renderParents(model, `rp-${model.length - 1}-child-0-nights`);
    markStale();
  });
  resetCalculator();
}

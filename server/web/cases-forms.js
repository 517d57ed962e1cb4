// The pieces every case form is made of: labelled fields that name the API path they stand for (data-field, so
// errors.js puts each refusal next to its field), an error summary, and sending a form's body to the API.
// Plain modules, no library: each form is a short list of fields, and h() builds them without any HTML string.

import { post } from './api.js';
import { currentGeneration, h } from './dom.js';
import { clearErrors, showErrors } from './errors.js';

let fieldNumber = 0;
let parsedChoices = null;

/**
 * What the case forms offer ([value, words] pairs: frequencies, services, CMS entry types, evidence types, letter
 * methods, bundle purposes) and the words for the bridge's kinds of line, as server/web.ts wrote them into the
 * page from the lists in the code.
 */
export function choices() {
  parsedChoices ??= JSON.parse(document.getElementById('cases-root').dataset.choices);
  return parsedChoices;
}

/** An id no other element on the page has. */
export const uniqueId = (stem) => `${stem}-${++fieldNumber}`;

/**
 * A labelled control in a `.field`: `{ label, name, field (the API path), type ('text', 'date', 'textarea',
 * 'select', 'checkbox'), options ([value, words] pairs for a select), hint, value, attrs }`.
 */
export function field({ label, name, field: path, type = 'text', options = [], hint, value, attrs = {} }) {
  const id = uniqueId(`case-${name}`);
  const hintId = hint ? `${id}-hint` : null;
  const common = { id, name, 'data-field': path, 'data-name': label, 'aria-describedby': hintId, ...attrs };
  let control;
  if (type === 'select') {
    control = h(
      'select',
      common,
      options.map(([v, words]) => h('option', { value: v, selected: value === v }, words)),
    );
  } else if (type === 'textarea') {
    control = h('textarea', { rows: 3, spellcheck: 'false', ...common }, value ?? '');
  } else if (type === 'checkbox') {
    control = h('input', { type: 'checkbox', ...common, checked: value === true });
    return h(
      'div',
      { class: 'field' },
      h('div', { class: 'choice' }, control, h('label', { for: id }, label)),
      hintId ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    );
  } else {
    control = h('input', { type, spellcheck: 'false', value: value ?? null, ...common });
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), hintId ? h('p', { id: hintId, class: 'hint' }, hint) : null, control);
}

/** An error summary for a form: shown and focused when the API refuses it. */
export const errorSummary = () => h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });

/** A form that only the script handles (the page's CSP posts no form anywhere). */
export function caseForm(label, ...children) {
  return h('form', { novalidate: true, autocomplete: 'off', 'aria-label': label }, ...children);
}

/** The value of the form's control named `name`, trimmed; undefined when empty. */
export function valueOf(form, name) {
  const control = form.elements.namedItem(name);
  if (!control) return undefined;
  if (control.type === 'checkbox') return control.checked;
  const value = control.value.trim();
  return value === '' ? undefined : value;
}

/** An object without its undefined values, so that an empty field is left out rather than sent empty. */
export function defined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

/**
 * Sends `body` to `route` for `form`: on a refusal, the problems go next to their fields and into `summary`
 * (titled `title`); on success the errors go. Resolves with the answer, or null when Clear was pressed meanwhile.
 */
export async function submit(form, summary, route, body, title) {
  // Busy rather than disabled: a disabled button would drop the keyboard's focus onto the page.
  if (form.getAttribute('aria-busy') === 'true') return null;
  const generation = currentGeneration();
  form.setAttribute('aria-busy', 'true');
  const answer = await post(route, body);
  form.removeAttribute('aria-busy');
  if (generation !== currentGeneration()) return null;
  if (!answer.ok) showErrors(form, summary, answer.error, title);
  else clearErrors(form, summary);
  return answer;
}
